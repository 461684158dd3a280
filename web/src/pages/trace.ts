// `/trace/ID?as_of=YYYY-MM-DD&kind=…&via=…`: every document that affects a mineral, grouped by
// how it is linked (names it, names its group, critical minerals in general), each with its
// status on the as-of date, the agencies it tasks and the sentence that proves the link.

import { api, seg, type TraceDoc, type TraceResult } from '../api';
import { exportPanel, quote, section, statusView, table, num } from '../components';
import { add, h } from '../dom';
import { formatNumber, label, t, type Key } from '../i18n';
import { href, idLink } from '../links';
import { navigate, setTitle, type PageContext } from '../router';

const KINDS = ['executive_order', 'presidential_memorandum', 'proclamation', 'law', 'regulation', 'notice', 'fact_sheet', 'statement', 'paper', 'other'];
const VIAS: { via: TraceDoc['via']; key: Key }[] = [
  { via: 'direct', key: 'trace.direct' },
  { via: 'member', key: 'trace.member' },
  { via: 'group', key: 'trace.group' },
  { via: 'category', key: 'trace.category' },
];

export default async function trace({ root, params, query, signal }: PageContext): Promise<void> {
  const id = params[0];
  const asOf = query.get('as_of') ?? '';
  const kind = query.get('kind') ?? '';
  const via = query.get('via') ?? '';
  const r = await api<TraceResult>(`trace/${seg(id)}`, { as_of: asOf, kind, via }, signal);
  const name = r.entity.name || r.entity.id;
  setTitle(t('trace.title', { name }), asOf);

  const go = (next: Record<string, string>) => {
    const merged = { as_of: asOf, kind, via, ...next };
    navigate(href.trace(r.entity.id, Object.fromEntries(Object.entries(merged).filter(([, v]) => v))));
  };
  const dateInput = h('input', { id: 'as-of', name: 'as_of', type: 'date', value: asOf, 'aria-describedby': 'as-of-hint' }) as HTMLInputElement;
  const kindSelect = h(
    'select',
    { id: 'trace-kind', name: 'kind' },
    h('option', { value: '' }, t('trace.kindAll')),
    KINDS.map((k) => h('option', { value: k, selected: k === kind }, label('kind', k))),
  ) as HTMLSelectElement;
  const viaSelect = h(
    'select',
    { id: 'trace-via', name: 'via' },
    h('option', { value: '' }, t('trace.viaAll')),
    VIAS.map((v) => h('option', { value: v.via, selected: v.via === via }, t(v.key))),
  ) as HTMLSelectElement;
  kindSelect.addEventListener('change', () => go({ kind: kindSelect.value }));
  viaSelect.addEventListener('change', () => go({ via: viaSelect.value }));
  const controls = h(
    'form',
    {
      class: 'controls',
      'aria-label': t('trace.controls'),
      onsubmit: (ev: Event) => {
        ev.preventDefault();
        go({ as_of: dateInput.value });
      },
    },
    h('div', { class: 'field' }, h('label', { for: 'as-of' }, t('trace.asOf')), dateInput, h('span', { id: 'as-of-hint', class: 'muted small' }, t('trace.asOfHint'))),
    h('button', { type: 'submit', id: 'as-of-apply' }, t('common.apply')),
    asOf ? h('a', { href: href.trace(r.entity.id, { kind: kind || undefined, via: via || undefined }), class: 'small' }, t('common.clear')) : null,
    h('div', { class: 'field' }, h('label', { for: 'trace-kind' }, t('common.kind')), kindSelect),
    h('div', { class: 'field' }, h('label', { for: 'trace-via' }, t('trace.via')), viaSelect),
  );

  const docs = r.documents;
  const inForce = docs.filter((d) => d.status.in_force).length;
  const agencies = new Map<string, { name: string; n: number }>();
  for (const d of docs) for (const a of d.directs) agencies.set(a.id, { name: a.name, n: (agencies.get(a.id)?.n ?? 0) + 1 });

  const counts = h(
    'p',
    { class: 'summary', role: 'status' },
    h('strong', null, t('trace.listed', { n: formatNumber(docs.length) })),
    asOf ? [' · ', t('trace.asOfNote', { date: asOf })] : null,
    ' · ',
    t('trace.inForceCount', { n: formatNumber(inForce) }),
    ' · ',
    t('trace.revokedCount', { n: formatNumber(docs.length - inForce) }),
  );

  const groups = VIAS.map(({ via: v, key }) => {
    const list = docs.filter((d) => d.via === v);
    if (!list.length) return null;
    return section(
      `${t(key)} (${formatNumber(list.length)})`,
      h(
        'ol',
        { class: 'trace-list' },
        list.map((d) =>
          h(
            'li',
            { class: d.status.in_force ? 'in-force' : 'not-in-force' },
            h('div', { class: 'trace-date' }, d.date ? h('time', { datetime: d.date }, d.date) : h('span', { class: 'muted' }, t('common.undated'))),
            h(
              'div',
              { class: 'trace-body' },
              h('h3', null, h('a', { href: href.doc(d.id) }, d.title || d.id)),
              h(
                'div',
                { class: 'meta' },
                h('code', { class: 'id' }, d.id),
                ' · ',
                label('kind', d.kind),
                d.via !== 'direct' ? [' · ', idLink(d.via_entity)] : null,
                ' · ',
                statusView(d.status),
              ),
              d.directs.length
                ? h('div', { class: 'directs small' }, `${label('edge', 'directs')}: `, d.directs.map((a, i) => [i ? ', ' : '', idLink(a.id, a.name)]))
                : null,
              quote(d.evidence),
            ),
          ),
        ),
      ),
    );
  });

  add(root, 
    h('h1', { tabindex: '-1' }, t('trace.title', { name })),
    h(
      'div',
      { class: 'meta' },
      idLink(r.entity.id, r.entity.id),
      r.entity.groups.length ? [' · ', t('trace.groups'), ': ', r.entity.groups.map((g, i) => [i ? ', ' : '', idLink(g)])] : null,
      r.entity.categories.length ? [' · ', t('trace.categories'), ': ', r.entity.categories.map((g, i) => [i ? ', ' : '', idLink(g)])] : null,
      ' · ',
      h('a', { href: href.timeline(r.entity.id) }, t('doc.timelineView')),
      ' · ',
      h('a', { href: href.graph(r.entity.id) }, t('doc.graphView')),
    ),
    controls,
    h(
      'ul',
      { class: 'via-counts' },
      VIAS.map(({ via: v, key }) =>
        h('li', null, h('a', { href: href.trace(r.entity.id, { as_of: asOf || undefined, kind: kind || undefined, via: via === v ? undefined : v }), 'aria-current': via === v ? 'true' : undefined }, t(key), h('span', { class: 'fc' }, formatNumber(r.counts[v] ?? 0)))),
      ),
    ),
    counts,
    h(
      'div',
      { class: 'with-aside' },
      h('div', { class: 'main-col' }, docs.length ? groups : h('p', { class: 'muted' }, t('trace.empty'))),
      h(
        'aside',
        { class: 'aside-col', 'aria-label': t('trace.agencies') },
        section(
          t('trace.agencies'),
          agencies.size
            ? table(
                [t('common.name'), { text: t('common.documents'), num: true }],
                [...agencies.entries()].sort((a, b) => b[1].n - a[1].n).map(([aid, a]) => [idLink(aid, a.name), num(a.n)]),
              )
            : h('p', { class: 'muted' }, t('trace.noAgencies')),
        ),
        section(t('export.title'), exportPanel({ around: r.entity.id })),
      ),
    ),
  );
}
