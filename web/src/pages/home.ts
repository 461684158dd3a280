// `/`: the search box, what the index holds, the most cited orders, and a way into a trace.

import { api, type RankResult, type StatsResult } from '../api';
import { lazySection, num, section, table, when } from '../components';
import { add, h } from '../dom';
import { formatNumber, label, t } from '../i18n';
import { href, idLink } from '../links';
import { navigate, setTitle, type PageContext } from '../router';
import { searchForm } from './search';

const EXAMPLES = ['"critical minerals" kind:executive_order', 'lithium OR cobalt date:2020..2022', '稀土', 'mineral:gallium', 'cites:eo:13817'];

export default async function home({ root, signal }: PageContext): Promise<void> {
  setTitle();
  const stats = await api<StatsResult>('stats', {}, signal);
  const traceId = 'trace-input';
  const traceForm = h(
    'form',
    {
      class: 'inline-form',
      role: 'search',
      'aria-label': t('home.trace'),
      onsubmit: (ev: Event) => {
        ev.preventDefault();
        const v = (document.getElementById(traceId) as HTMLInputElement).value.trim();
        if (v) navigate(href.trace(v));
      },
    },
    h('label', { for: traceId }, t('home.traceLabel')),
    h('input', { id: traceId, type: 'text', placeholder: 'gallium, mineral:lithium, 稀土', autocomplete: 'off' }),
    h('button', { type: 'submit' }, t('home.traceButton')),
  );
  const kinds = Object.entries(stats.by_kind).sort((a, b) => b[1] - a[1]);
  const langs = Object.entries(stats.by_language).sort((a, b) => b[1] - a[1]);
  add(root, 
    h('h1', { tabindex: '-1', class: 'home-title' }, t('home.title')),
    h('p', { class: 'lede' }, t('app.tagline')),
    searchForm(''),
    h(
      'p',
      { class: 'examples' },
      t('home.examples'),
      ': ',
      EXAMPLES.map((q, i) => [i ? ' · ' : '', h('a', { href: href.search(q) }, h('code', null, q))]),
    ),
    h(
      'div',
      { class: 'columns' },
      section(
        t('home.stats'),
        h('p', { class: 'big' }, t('home.docs', { n: formatNumber(stats.documents) })),
        h('h3', null, t('home.byKind')),
        table(
          [t('common.kind'), { text: t('common.documents'), num: true }],
          kinds.map(([k, n]) => [h('a', { href: href.search(`kind:${k}`) }, label('kind', k)), num(formatNumber(n))]),
        ),
        h('h3', null, t('home.byLanguage')),
        table(
          [t('doc.language'), { text: t('common.documents'), num: true }],
          langs.map(([l, n]) => [h('a', { href: href.search(`lang:${l}`) }, l), num(formatNumber(n))]),
        ),
        h('p', null, h('a', { href: href.timeline() }, t('home.everything'))),
        h('p', null, h('a', { href: href.map({ type: 'keywords' }), id: 'home-map' }, t('home.map'))),
      ),
      h(
        'div',
        null,
        section(t('home.trace'), traceForm),
        lazySection(t('home.central'), async () => {
          const r = await api<RankResult>('rank', { type: 'eo', limit: 10 }, signal);
          return table(
            ['#', t('common.document'), t('common.date')],
            r.nodes.map((n) => [
              num(n.rank),
              [idLink(n.id, n.name, { showId: true, external: n.external }), n.external ? h('span', { class: 'muted' }, ` (${t('common.external')})`) : null],
              when(n.date),
            ]),
          );
        }),
      ),
    ),
  );
}
