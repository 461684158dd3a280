// `/doc/ID`: one document — metadata, relations with their sentences, the text with entities and
// citations highlighted and linked, what it cites, who cites it, similar documents. An id that is
// only cited (an order not in the corpus) gets the documents citing it instead.

import {
  api,
  ApiError,
  seg,
  type CitedByResult,
  type CitesResult,
  type EntityResult,
  type ShowResult,
  type SimilarResult,
} from '../api';
import { exportPanel, lazySection, quote, section } from '../components';
import { add, clear, h, type Child } from '../dom';
import { findHighlights, renderHighlighted, type Names, type Target } from '../highlight';
import { formatNumber, label, t } from '../i18n';
import { href, idLink, isEntity, metaLine, nameFromId, pageOf } from '../links';
import { setTitle, type PageContext } from '../router';

/** Text longer than this is shown in part first (a public law can run to megabytes). */
const FIRST_PART = 150_000;
/** Entities whose names are fetched for highlighting (one /api/entity request each). */
const NAME_LOOKUPS = 60;

export default async function doc({ root, params, query, signal, mounted }: PageContext): Promise<void> {
  const id = params[0];
  let d: ShowResult;
  try {
    d = await api<ShowResult>(`show/${seg(id)}`, {}, signal);
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return external(root, id, signal, e);
    throw e;
  }
  setTitle(d.title || d.id);
  const zh = d.language === 'zh';
  const isPaper = d.kind === 'paper' || d.references.length > 0;

  add(root, 
    h('h1', { tabindex: '-1', lang: zh ? 'zh-Hans' : undefined }, d.title || d.id),
    metaLine({ id: d.id, kind: d.kind, date: d.date, lang: d.language }),
    h(
      'div',
      { class: 'with-aside' },
      h(
        'div',
        { class: 'main-col' },
        metadata(d),
        relations(d),
        textSection(d, signal, anchorOffset(query), mounted),
        d.references.length ? references(d) : null,
      ),
      h(
        'aside',
        { class: 'aside-col', 'aria-label': t('doc.views') },
        section(
          t('doc.views'),
          h(
            'ul',
            { class: 'plain' },
            h('li', null, h('a', { href: href.graph(d.id) }, t('doc.graphView'))),
            h('li', null, h('a', { href: href.papers(d.id) }, t('doc.papersView'))),
          ),
        ),
        entities(d),
        citations(d, signal),
        citedBy(d.id, signal),
        similar(d.id, signal),
        section(t('export.title'), exportPanel({ around: d.id }, isPaper ? 'bibtex' : 'graphml')),
      ),
    ),
  );
}

function metadata(d: ShowResult): HTMLElement {
  const rows: [string, Child][] = [];
  if (d.number) rows.push([t('doc.number'), d.number]);
  if (d.meta.citation) rows.push([t('doc.citation'), d.meta.citation]);
  if (d.meta.president) rows.push([t('doc.president'), idLink(d.meta.president)]);
  if (d.authors.length) rows.push([t('doc.authors'), d.authors.join('; ')]);
  if (d.meta.journal) rows.push(['Journal', [d.meta.journal, d.meta.volume ? ` ${d.meta.volume}` : '', d.meta.page ? `: ${d.meta.page}` : '']]);
  if (d.url) rows.push([t('doc.original'), h('a', { href: d.url, rel: 'noopener noreferrer', target: '_blank', class: 'ext' }, d.url)]);
  if (d.aliases?.length) rows.push([t('doc.aliases'), d.aliases.map((a, i) => [i ? ', ' : '', h('code', null, a)])]);
  rows.push([t('doc.language'), d.language || '—']);
  rows.push([t('doc.format'), d.format]);
  rows.push([
    t('doc.sources'),
    h('ul', { class: 'plain' }, d.sources.map((s) => h('li', null, h('code', { class: 'path' }, s.path), ` (${s.format}, ${formatNumber(s.size)} B)`))),
  ]);
  return h(
    'section',
    { class: 'block', 'aria-label': t('doc.metadata') },
    h('dl', { class: 'meta-list' }, rows.map(([k, v]) => [h('dt', null, k), h('dd', null, v)])),
  );
}

function relations(d: ShowResult): HTMLElement | null {
  if (!d.relations.length) return null;
  const names = new Map(d.entities.map((e) => [e.id, e.name ?? e.id]));
  return section(
    t('doc.relations'),
    h(
      'ul',
      { class: 'evidence-list' },
      d.relations.map((r) =>
        h(
          'li',
          null,
          h('span', { class: `rel rel-${r.type}` }, label('edge', r.type)),
          ' ',
          idLink(r.target, names.get(r.target), { showId: names.has(r.target) }),
          ' ',
          h('span', { class: 'muted small' }, r.origin === 'metadata' ? t('doc.fromMetadata') : t('doc.fromText')),
          quote(r.evidence),
        ),
      ),
    ),
  );
}

/**
 * The evidence anchor of a link from the dossier (issue 16): `#at-OFFSET` or `?at=OFFSET`, a byte
 * offset (UTF-8, as lode gives evidence offsets) into the document's text; null when absent.
 */
function anchorOffset(query: URLSearchParams): number | null {
  const m = /^#at-(\d+)$/.exec(location.hash) ?? /^(\d+)$/.exec(query.get('at') ?? '');
  return m ? Number(m[1]) : null;
}

/** The UTF-16 index of UTF-8 byte offset `bytes` in `text` (its length when past the end). */
export function charIndex(text: string, bytes: number): number {
  let b = 0;
  for (let i = 0; i < text.length; ) {
    if (b >= bytes) return i;
    const cp = text.codePointAt(i) ?? 0;
    b += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    i += cp >= 0x10000 ? 2 : 1;
  }
  return text.length;
}

/** The sentence around index i: from after the previous stop (。！？；, a line break, ". ") to the next. */
function sentenceAround(text: string, i: number): [number, number] {
  const stop = (k: number) => '。！？；\n'.includes(text[k]) || (text[k] === '.' && text[k + 1] === ' ');
  let a = i;
  while (a > 0 && i - a < 400 && !stop(a - 1)) a--;
  let b = i;
  while (b < text.length && b - i < 400 && !stop(b)) b++;
  if (b < text.length && text[b] !== '\n') b++;
  return [a, b];
}

/** Wraps characters [start, end) of the rendered text in <mark id="at-…">; null when out of range. */
function markRange(body: HTMLElement, start: number, end: number, id: string): HTMLElement | null {
  const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let pos = 0;
  let started = false;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const len = n.textContent?.length ?? 0;
    if (!started && start < pos + len) {
      range.setStart(n, start - pos);
      started = true;
    }
    if (started && end <= pos + len) {
      range.setEnd(n, end - pos);
      const mark = h('mark', { id, class: 'evidence-at' });
      mark.appendChild(range.extractContents());
      range.insertNode(mark);
      return mark;
    }
    pos += len;
  }
  return null;
}

function textSection(d: ShowResult, signal: AbortSignal, at: number | null = null, mounted?: PageContext['mounted']): HTMLElement {
  const text = d.text ?? '';
  if (!text) return section(t('doc.text'), h('p', { class: 'muted' }, t('doc.noText')));
  const body = h('div', { class: 'doc-text', lang: d.language === 'zh' ? 'zh-Hans' : undefined });
  const atChar = at === null ? -1 : charIndex(text, at);
  let shown = text.length > FIRST_PART && atChar < FIRST_PART ? text.slice(0, FIRST_PART) : text;
  const names: Names[] = d.entities.map((e) => ({
    target: entityTarget(e.id, e.type, e.name ?? e.id),
    names: [e.name ?? nameFromId(e.id)],
  }));
  const cites: Target[] = d.citations.map((c) => ({ id: c.id, type: c.type, role: 'citation', href: pageOf(c.id), title: c.id }));
  const paint = () => {
    clear(body);
    body.append(renderHighlighted(shown, findHighlights(shown, names, cites)));
    if (atChar >= 0 && atChar < shown.length) {
      const [a, b] = sentenceAround(shown, atChar);
      markRange(body, a, b, `at-${at}`);
    }
    if (shown.length < text.length) {
      body.append(
        h('p', null, h('button', { type: 'button', onclick: () => { shown = text; paint(); } }, `… ${t('common.more', { n: formatNumber(text.length) })}`)),
      );
    }
  };
  paint();
  // The sentence a link pointed at: in view once the page is shown (and after a repaint).
  const reveal = () => body.querySelector('mark.evidence-at')?.scrollIntoView({ block: 'center' });
  if (atChar >= 0) mounted?.(reveal);
  // Then the entities' other names (aliases, Chinese names), and paint again.
  void enrichNames(names, signal).then((changed) => {
    if (changed && !signal.aborted) {
      paint();
      if (atChar >= 0) reveal();
    }
  });
  return h(
    'section',
    { class: 'block', 'aria-labelledby': 'doc-text-h' },
    h('h2', { id: 'doc-text-h' }, t('doc.text')),
    h(
      'p',
      { class: 'legend muted small' },
      t('doc.legend'),
      ' ',
      ['mineral', 'agency', 'country', 'person', 'concept'].map((ty) => h('span', { class: `hl hl-${ty} sample` }, label('type', ty))),
      h('span', { class: 'hl hl-citation sample' }, t('doc.citations')),
    ),
    body,
  );
}

function entityTarget(id: string, type: string, name: string): Target {
  return { id, type, role: 'entity', href: href.entity(id), title: `${name} (${id})` };
}

async function enrichNames(names: Names[], signal: AbortSignal): Promise<boolean> {
  let changed = false;
  const queue = names.slice(0, NAME_LOOKUPS);
  const worker = async () => {
    for (let n = queue.shift(); n; n = queue.shift()) {
      try {
        const e = await api<EntityResult>(`entity/${seg(n.target.id)}`, { limit: 0 }, signal);
        const more = [...(e.aliases ?? []), ...(e.zh ?? [])];
        if (more.length || e.aliases_cs?.length) {
          n.names.push(...more);
          n.namesCs = e.aliases_cs ?? [];
          changed = true;
        }
      } catch (err) {
        if ((err as Error).name === 'AbortError') return;
      }
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  return changed;
}

function entities(d: ShowResult): HTMLElement | null {
  if (!d.entities.length) return null;
  const byType = new Map<string, ShowResult['entities']>();
  for (const e of d.entities) byType.set(e.type, [...(byType.get(e.type) ?? []), e]);
  return section(
    t('doc.entities'),
    [...byType.entries()].map(([type, list]) =>
      h(
        'div',
        { class: 'entity-group' },
        h('h3', null, label('type', type)),
        h(
          'ul',
          { class: 'plain counts' },
          list
            .slice()
            .sort((a, b) => b.count - a.count)
            .map((e) =>
              h('li', null, h('a', { href: href.entity(e.id), title: e.evidence, class: `swatch-${type}` }, e.name ?? nameFromId(e.id)), h('span', { class: 'count' }, `×${e.count}`)),
            ),
        ),
      ),
    ),
  );
}

function citations(d: ShowResult, signal: AbortSignal): HTMLElement | null {
  if (!d.citations.length) return null;
  return lazySection(t('doc.citations'), async () => {
    const r = await api<CitesResult>(`cites/${seg(d.id)}`, {}, signal);
    return citeList(r.citations);
  }, () => citeList(d.citations.map((c) => ({ ...c, name: c.id, kind: '', date: '', external: false, relations: [] }))));
}

function citeList(list: CitesResult['citations']): HTMLElement {
  return h(
    'ul',
    { class: 'evidence-list' },
    list.map((c) =>
      h(
        'li',
        null,
        idLink(c.id, c.name, { showId: true, external: c.external }),
        c.date ? h('span', { class: 'muted small' }, ` ${c.date}`) : null,
        c.relations.filter((r) => r !== 'cites').map((r) => [' ', h('span', { class: `rel rel-${r}` }, label('edge', r))]),
        c.count > 1 ? h('span', { class: 'count' }, ` ×${c.count}`) : null,
        quote(c.evidence),
      ),
    ),
  );
}

function citedBy(id: string, signal: AbortSignal): HTMLElement {
  return lazySection(t('doc.citedBy'), async () => {
    const r = await api<CitedByResult>(`cited-by/${seg(id)}`, {}, signal);
    if (!r.cited_by.length) return h('p', { class: 'muted' }, t('doc.noCitedBy'));
    return citeList(r.cited_by);
  });
}

function similar(id: string, signal: AbortSignal): HTMLElement {
  return lazySection(
    t('doc.similar'),
    async () => {
      const r = await api<SimilarResult>(`similar/${seg(id)}`, { limit: 8 }, signal);
      if (!r.hits?.length) return h('p', { class: 'muted' }, t('doc.noSimilar'));
      return h(
        'ul',
        { class: 'plain similar' },
        r.hits.map((x) => h('li', null, h('a', { href: href.doc(x.id) }, x.title || x.id), metaLine({ id: x.id, kind: x.kind, date: x.date }))),
      );
    },
    // A server without `similar` yet answers 404: say so instead of an error.
    (e) => (e.status === 404 ? h('p', { class: 'muted' }, t('doc.similarMissing')) : undefined),
  );
}

function references(d: ShowResult): HTMLElement {
  return section(
    `${t('doc.references')} (${d.references.length})`,
    h(
      'ol',
      { class: 'references' },
      d.references.map((r) =>
        h(
          'li',
          null,
          r.text || r.title,
          r.doi ? [' ', h('a', { href: href.doc(`doi:${r.doi.toLowerCase()}`) }, `doi:${r.doi}`)] : null,
          (r.ids ?? []).map((x) => [' ', h('a', { href: pageOf(x) }, x)]),
        ),
      ),
    ),
  );
}

/** An id that is not a document: who cites it, and what the index knows of it. */
async function external(root: HTMLElement, id: string, signal: AbortSignal, notFound: ApiError): Promise<void> {
  let cited: CitedByResult;
  try {
    cited = await api<CitedByResult>(`cited-by/${seg(id)}`, {}, signal);
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) throw notFound;
    throw e;
  }
  setTitle(id);
  add(root, 
    h('h1', { tabindex: '-1' }, id),
    h('p', { class: 'notice' }, t('doc.external', { id })),
    isEntity(id) ? h('p', null, h('a', { href: href.entity(id) }, t('entity.title'))) : null,
    h(
      'div',
      { class: 'with-aside' },
      h('div', { class: 'main-col' }, section(`${t('doc.citedBy')} (${cited.cited_by.length})`, citeList(cited.cited_by))),
      h(
        'aside',
        { class: 'aside-col', 'aria-label': t('doc.views') },
        section(
          t('doc.views'),
          h(
            'ul',
            { class: 'plain' },
            h('li', null, h('a', { href: href.graph(id) }, t('doc.graphView'))),
            h('li', null, h('a', { href: href.papers(id) }, t('doc.papersView'))),
            h('li', null, h('a', { href: href.timeline(id) }, t('doc.timelineView'))),
          ),
        ),
        section(t('export.title'), exportPanel({ around: id })),
      ),
    ),
  );
}
