// Pieces several pages share: titled sections, sections filled later, simple tables, the export
// panel, the status of an order.

import { ApiError, apiUrl, type Status } from './api';
import { append, clear, h, type Child } from './dom';
import { t, type Key } from './i18n';
import { idLink } from './links';

let uid = 0;
export function nextId(prefix: string): string {
  uid += 1;
  return `${prefix}-${uid}`;
}

/** A region with a heading (a landmark screen readers list by its title). */
export function section(title: string, ...children: Child[]): HTMLElement {
  const id = nextId('s');
  return h('section', { 'aria-labelledby': id, class: 'block' }, h('h2', { id }, title), ...children);
}

/**
 * A section whose body is fetched after the page shows. `onError` may turn an expected error
 * (a 404 from an endpoint the server lacks) into content; other errors are shown in place.
 */
export function lazySection(
  title: string,
  load: () => Promise<Child>,
  onError?: (e: ApiError) => Child | undefined,
): HTMLElement {
  const body = h('div', { 'aria-live': 'polite', 'aria-busy': 'true' }, h('p', { class: 'muted' }, t('common.loading')));
  const s = section(title, body);
  load()
    .then((c) => {
      clear(body);
      append(body, [c]);
    })
    .catch((e: unknown) => {
      if ((e as Error).name === 'AbortError') return;
      clear(body);
      const handled = e instanceof ApiError && onError ? onError(e) : undefined;
      if (handled !== undefined) append(body, [handled]);
      else body.append(h('p', { class: 'error-inline' }, (e as Error).message));
    })
    .finally(() => body.removeAttribute('aria-busy'));
  return s;
}

/**
 * A data table. Past `limit` rows only the first are drawn, with a button that draws the rest
 * (a list of 10,000 documents should not freeze the page before anyone asked for it).
 */
export function table(
  headers: (string | { text: string; num?: boolean })[],
  rows: Child[][],
  opts: { caption?: string; limit?: number } = {},
): HTMLElement {
  const limit = opts.limit ?? 100;
  const tr = (r: Child[]) => h('tr', null, r.map((c) => (c instanceof HTMLElement && c.tagName === 'TD' ? c : h('td', null, c))));
  const body = h('tbody', null, rows.slice(0, limit).map(tr));
  const wrap = h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'data' },
      opts.caption ? h('caption', { class: 'visually-hidden' }, opts.caption) : null,
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          headers.map((x) =>
            typeof x === 'string' ? h('th', { scope: 'col' }, x) : h('th', { scope: 'col', class: x.num ? 'num' : undefined }, x.text),
          ),
        ),
      ),
      body,
    ),
  );
  if (rows.length > limit) {
    const more = h(
      'button',
      {
        type: 'button',
        class: 'secondary small more',
        onclick: () => {
          append(body, rows.slice(limit).map(tr));
          more.remove();
        },
      },
      t('common.more', { n: rows.length }),
    );
    wrap.append(h('p', { class: 'muted small' }, t('common.showingOf', { shown: limit, total: rows.length }), ' ', more));
  }
  return wrap;
}

/** A date as <time> (never wrapped), or nothing. */
export function when(date: string): HTMLElement | string {
  return date ? h('time', { datetime: date }, date) : '';
}

export const num = (v: number | string, digits?: number): HTMLElement =>
  h('td', { class: 'num' }, typeof v === 'number' && digits !== undefined ? v.toFixed(digits) : String(v));

export function quote(text: string): HTMLElement | null {
  return text ? h('blockquote', { class: 'evidence' }, text) : null;
}

/** In force / revoked by … / amended by …, each later order linked. */
export function statusView(s: Status): HTMLElement {
  const parts: Child[] = [];
  const list = (key: Key, items: { id: string; name: string; date: string }[]) =>
    items.length
      ? h(
          'span',
          { class: 'status-part' },
          t(key),
          ' ',
          items.map((x, i) => [i ? ', ' : '', idLink(x.id, x.id), x.date ? ` (${x.date})` : '']),
        )
      : null;
  if (s.in_force) parts.push(h('span', { class: 'badge ok' }, t('trace.inForce')));
  parts.push(list('trace.revokedBy', s.revoked_by), list('trace.supersededBy', s.superseded_by));
  if (!s.in_force && !s.revoked_by.length && !s.superseded_by.length) parts.push(h('span', { class: 'badge warn' }, s.state));
  parts.push(list('trace.amendedBy', s.amended_by));
  return h('span', { class: s.in_force ? 'status in-force' : 'status revoked' }, parts.filter(Boolean).map((p, i) => [i ? '; ' : '', p]));
}

// ------------------------------------------------------------------ export

/** The formats `lode export` writes, and the files of the two that write two. */
export const EXPORT_FORMATS: { format: string; label: string; parts?: { part: string; key: Key }[] }[] = [
  { format: 'graphml', label: 'GraphML (Gephi, Cytoscape, yEd)' },
  { format: 'gexf', label: 'GEXF (Gephi)' },
  { format: 'dot', label: 'DOT (Graphviz)' },
  { format: 'json', label: 'JSON {nodes, edges}' },
  {
    format: 'csv',
    label: 'CSV (neo4j-admin import)',
    parts: [
      { part: 'nodes', key: 'export.nodes' },
      { part: 'relationships', key: 'export.relationships' },
    ],
  },
  { format: 'pajek', label: 'Pajek .net' },
  {
    format: 'vosviewer',
    label: 'VOSviewer map + network',
    parts: [
      { part: 'map', key: 'export.map' },
      { part: 'network', key: 'export.network' },
    ],
  },
  { format: 'bibtex', label: 'BibTeX' },
  { format: 'ris', label: 'RIS' },
  { format: 'csl-json', label: 'CSL-JSON' },
];

export interface ExportSelection {
  around?: string;
  query?: string;
  depth?: number;
  edge?: string;
}

/** Links that download `/api/export?format=…` for a selection; a select picks the format. */
export function exportPanel(sel: ExportSelection, initial = 'graphml'): HTMLElement {
  const selectId = nextId('fmt');
  const depthId = nextId('depth');
  const links = h('div', { class: 'export-links' });
  const select = h(
    'select',
    { id: selectId },
    EXPORT_FORMATS.map((f) => h('option', { value: f.format, selected: f.format === initial }, f.label)),
  ) as HTMLSelectElement;
  const depth = sel.around
    ? (h(
        'select',
        { id: depthId },
        [1, 2, 3].map((d) => h('option', { value: String(d), selected: d === (sel.depth ?? 1) }, String(d))),
      ) as HTMLSelectElement)
    : null;
  const update = () => {
    clear(links);
    const f = EXPORT_FORMATS.find((x) => x.format === select.value)!;
    const base = {
      format: f.format,
      around: sel.around,
      depth: depth ? depth.value : undefined,
      query: sel.query,
      edge: sel.edge,
    };
    const parts = f.parts ?? [{ part: '', key: 'export.download' as Key }];
    for (const p of parts) {
      links.append(
        h('a', { class: 'button', href: apiUrl('export', { ...base, part: p.part || undefined }), download: '' }, t(p.key)),
      );
    }
  };
  select.addEventListener('change', update);
  depth?.addEventListener('change', update);
  update();
  return h(
    'div',
    { class: 'export' },
    h('p', { class: 'muted' }, sel.around ? t('export.around', { id: sel.around }) : t('export.query')),
    h(
      'div',
      { class: 'export-row' },
      h('label', { for: selectId }, t('export.format')),
      select,
      depth ? [h('label', { for: depthId }, t('export.depth')), depth] : null,
    ),
    links,
  );
}
