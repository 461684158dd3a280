// `/search?q=…&page=N&sort=date`: ranked hits with highlighted snippets, facets as filters
// (a facet adds `field:value` to the query, so the filter is part of the bookmarkable query),
// honest totals ("about" when the count is an estimate) and pages only as far as they exist.

import { api, type SearchResult } from '../api';
import { exportPanel, nextId } from '../components';
import { add, h, markedText, type Child } from '../dom';
import { formatNumber, label, t, type Key } from '../i18n';
import { href, metaLine, nameFromId } from '../links';
import { navigate, setTitle, type PageContext } from '../router';

export const PAGE_SIZE = 20;
const FACETS: { field: string; key: Key; top: number }[] = [
  { field: 'kind', key: 'facet.kind', top: 12 },
  { field: 'year', key: 'facet.year', top: 12 },
  { field: 'mineral', key: 'facet.mineral', top: 10 },
  { field: 'agency', key: 'facet.agency', top: 8 },
  { field: 'country', key: 'facet.country', top: 8 },
];

/** Query tokens, keeping "quoted phrases" whole. */
export function tokens(q: string): string[] {
  return q.match(/(?:[^\s"]+|"[^"]*")+/g) ?? [];
}

/** The filter a facet value stands for: kind and year values are bare, entity values are ids. */
function filterOf(field: string, value: string): string {
  return value.includes(':') ? value : `${field}:${value}`;
}

const HELP: [string, Key][] = [
  ['lithium cobalt', 'help.words'],
  ['"critical minerals"', 'help.phrase'],
  ['a OR b · a NOT b · ( … ) · +a -b', 'help.bool'],
  ['supply NEAR/5 minerals', 'help.near'],
  ['strateg*', 'help.wild'],
  ['kind:executive_order', 'help.kind'],
  ['title:stockpile · lang:zh · format:fr-xml · id:eo:13603', 'help.field'],
  ['mineral:gallium · agency:interior-department · country:cn', 'help.entity'],
  ['cites:eo:13817 · cites:usc:50/4501', 'help.cites'],
  ['year:2017..2021 · date:2020-01-01..2022-12-31', 'help.dates'],
  ['稀土 · 出口管制', 'help.zh'],
];

/** The search box with its syntax help; used on the home page and here. */
export function searchForm(q: string, sort = ''): HTMLElement {
  const inputId = 'q';
  const sortId = 'sort';
  const helpId = nextId('help');
  const input = h('input', {
    id: inputId,
    name: 'q',
    type: 'search',
    value: q,
    placeholder: t('search.placeholder'),
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-describedby': helpId,
  }) as HTMLInputElement;
  const sortSelect = h(
    'select',
    { id: sortId, name: 'sort' },
    h('option', { value: '', selected: sort !== 'date' }, t('search.sortRelevance')),
    h('option', { value: 'date', selected: sort === 'date' }, t('search.sortDate')),
  ) as HTMLSelectElement;
  const go = () => {
    const v = input.value.trim();
    if (v) navigate(href.search(v, { sort: sortSelect.value || undefined }));
  };
  sortSelect.addEventListener('change', () => {
    if (location.pathname.startsWith('/search') && input.value.trim()) go();
  });
  return h(
    'div',
    { class: 'searchbox' },
    h(
      'form',
      {
        role: 'search',
        onsubmit: (ev: Event) => {
          ev.preventDefault();
          go();
        },
      },
      h('label', { for: inputId, class: 'visually-hidden' }, t('search.label')),
      input,
      h('button', { type: 'submit' }, t('search.button')),
      h('label', { for: sortId, class: 'sort-label' }, t('search.sort')),
      sortSelect,
    ),
    h(
      'details',
      { class: 'help', id: helpId },
      h('summary', null, t('search.help')),
      h(
        'table',
        { class: 'syntax' },
        h('tbody', null, HELP.map(([code, key]) => h('tr', null, h('td', null, h('code', null, code)), h('td', null, t(key))))),
      ),
    ),
  );
}

export default async function search({ root, query, signal }: PageContext): Promise<void> {
  const q = (query.get('q') ?? '').trim();
  const sort = query.get('sort') ?? '';
  const pageNo = Math.max(1, Number.parseInt(query.get('page') ?? '1', 10) || 1);
  setTitle(q || t('nav.search'));
  add(root, h('h1', { tabindex: '-1', class: 'visually-hidden' }, q ? `${t('nav.search')}: ${q}` : t('nav.search')), searchForm(q, sort));
  if (!q) {
    add(root, h('p', { class: 'muted' }, t('search.empty')));
    return;
  }
  const offset = (pageNo - 1) * PAGE_SIZE;
  const r = await api<SearchResult>('search', { q, limit: PAGE_SIZE, offset, facets: true, by_date: sort === 'date' }, signal);

  const active = tokens(q).filter((tok) => /^[a-z_]+:/.test(tok) && !tok.startsWith('title:'));
  const withFilter = (f: string) => href.search(`${q} ${f}`, { sort: sort || undefined });
  const without = (f: string) => {
    const rest = tokens(q).filter((tok) => tok !== f).join(' ');
    return rest ? href.search(rest, { sort: sort || undefined }) : '/search';
  };

  const facetsNav = h(
    'nav',
    { class: 'facets', 'aria-label': t('search.facets') },
    h('h2', null, t('search.facets')),
    active.length
      ? h(
          'div',
          { class: 'active-filters' },
          h('h3', null, t('search.active')),
          h(
            'ul',
            null,
            active.map((f) =>
              h('li', null, h('a', { class: 'chip', href: without(f), 'aria-label': t('search.remove', { f }) }, f, h('span', { 'aria-hidden': 'true' }, ' ×'))),
            ),
          ),
        )
      : null,
    FACETS.map(({ field, key, top }) => {
      const counts = r.facets?.[field];
      if (!counts || !Object.keys(counts).length) return null;
      let entries = Object.entries(counts);
      entries = field === 'year' ? entries.sort((a, b) => b[0].localeCompare(a[0])) : entries.sort((a, b) => b[1] - a[1]);
      const item = ([value, n]: [string, number]) => {
        const f = filterOf(field, value);
        const on = active.includes(f);
        const text = field === 'kind' ? label('kind', value) : field === 'year' ? value : nameFromId(value);
        return h(
          'li',
          null,
          h(
            'a',
            { href: on ? without(f) : withFilter(f), 'aria-current': on ? 'true' : undefined, class: on ? 'on' : undefined, title: f },
            h('span', { class: 'fv' }, text),
            h('span', { class: 'fc' }, formatNumber(n)),
          ),
        );
      };
      const head = entries.slice(0, top);
      const rest = entries.slice(top);
      return h(
        'section',
        { class: 'facet', 'aria-label': t(key) },
        h('h3', null, t(key)),
        h('ul', null, head.map(item)),
        rest.length ? h('details', null, h('summary', null, t('common.more', { n: entries.length })), h('ul', null, rest.map(item))) : null,
      );
    }),
  );

  const from = r.hits.length ? r.offset + 1 : 0;
  const to = r.offset + r.hits.length;
  const totalText =
    r.total === 0
      ? t('search.none', { q })
      : !r.total_exact
        ? t('search.totalAbout', { n: formatNumber(r.total) })
        : r.total === 1
          ? t('search.totalOne')
          : t('search.total', { n: formatNumber(r.total) });
  const summary = h(
    'p',
    { class: 'summary', role: 'status' },
    h('strong', null, totalText),
    r.hits.length ? [' · ', t('search.showing', { from, to })] : null,
  );
  const suggestion = r.suggestion
    ? h('p', { class: 'suggestion' }, `${t('search.didYouMean')}: `, h('a', { href: href.search(r.suggestion, { sort: sort || undefined }) }, r.suggestion))
    : null;

  const hits = h(
    'ol',
    { class: 'hits', start: String(from || 1) },
    r.hits.map((hit) =>
      h(
        'li',
        { class: 'hit', lang: hit.language === 'zh' ? 'zh-Hans' : undefined },
        h('h3', null, h('a', { href: href.doc(hit.id) }, hit.title || hit.id)),
        metaLine({ id: hit.id, kind: hit.kind, date: hit.date, lang: hit.language }),
        hit.snippet ? h('p', { class: 'snippet' }, markedText(hit.snippet)) : null,
      ),
    ),
  );

  add(root, 
    h(
      'div',
      { class: 'with-sidebar' },
      facetsNav,
      h(
        'div',
        { class: 'results' },
        h('h2', { class: 'visually-hidden' }, t('search.results')),
        summary,
        suggestion,
        hits,
        pager(r, pageNo, (p) => href.search(q, { sort: sort || undefined, page: p > 1 ? p : undefined })),
        r.total
          ? h('details', { class: 'export-details' }, h('summary', null, t('search.export')), exportPanel({ query: q }, 'bibtex'))
          : null,
      ),
    ),
  );
}

/**
 * Pages that exist: numbered up to the last one when the total is exact; when it is an estimate,
 * only Previous and Next (Next only while a full page came back).
 */
function pager(r: SearchResult, pageNo: number, link: (p: number) => string): HTMLElement | null {
  const exactPages = r.total_exact ? Math.ceil(r.total / PAGE_SIZE) : 0;
  const hasNext = r.total_exact ? pageNo < exactPages : r.hits.length === PAGE_SIZE;
  if (pageNo === 1 && !hasNext) return null;
  const items: Child[] = [];
  if (pageNo > 1) items.push(h('li', null, h('a', { href: link(pageNo - 1), rel: 'prev' }, t('search.prev'))));
  if (exactPages) {
    const lo = Math.max(1, pageNo - 4);
    const hi = Math.min(exactPages, lo + 8);
    for (let p = lo; p <= hi; p++) {
      items.push(
        h(
          'li',
          null,
          p === pageNo
            ? h('span', { 'aria-current': 'page', class: 'current' }, String(p))
            : h('a', { href: link(p), 'aria-label': t('search.page', { n: p }) }, String(p)),
        ),
      );
    }
  }
  if (hasNext) items.push(h('li', null, h('a', { href: link(pageNo + 1), rel: 'next' }, t('search.next'))));
  return h('nav', { class: 'pager', 'aria-label': t('search.pages') }, h('ul', null, items));
}
