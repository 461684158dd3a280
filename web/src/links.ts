// The URL scheme of the UI (a contract: scripts and tests rely on it; see web/README.md) and
// the small components that show an id as a link to its page.

import { h, type Child } from './dom';
import { label, t } from './i18n';

/** An id in a UI path: percent-encoded like encodeURIComponent, but `:` kept readable. */
export function pathId(id: string): string {
  return encodeURIComponent(id).replace(/%3A/gi, ':');
}

function withQuery(path: string, q: Record<string, string | number | undefined>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `${path}?${s}` : path;
}

export const href = {
  home: () => '/',
  search: (q: string, extra: Record<string, string | number | undefined> = {}) => withQuery('/search', { q, ...extra }),
  doc: (id: string) => `/doc/${pathId(id)}`,
  /** The document page at an evidence sentence: UTF-8 byte offset `at` of its text (issue 16). */
  docAt: (id: string, at: number) => `/doc/${pathId(id)}#at-${at}`,
  entity: (id: string) => `/entity/${pathId(id)}`,
  trace: (id: string, q: Record<string, string | undefined> = {}) => withQuery(`/trace/${pathId(id)}`, q),
  timeline: (id?: string, q: Record<string, string | undefined> = {}) =>
    withQuery(id ? `/timeline/${pathId(id)}` : '/timeline', q),
  graph: (id: string) => `/graph/${pathId(id)}`,
  papers: (id: string) => `/papers/${pathId(id)}`,
  dossier: (id: string, q: Record<string, string | undefined> = {}) => withQuery(`/dossier/${pathId(id)}`, q),
  map: (q: { type?: string; min?: number; q?: string; color?: string } = {}) => withQuery('/map', q),
};

/** Id types that name entities of the knowledge base (their page is /entity/ID). */
const ENTITY_TYPES = new Set(['mineral', 'agency', 'country', 'person', 'concept', 'org', 'keyword', 'fund']);

export function idType(id: string): string {
  const i = id.indexOf(':');
  return i < 0 ? '' : id.slice(0, i);
}

export function isEntity(id: string): boolean {
  return ENTITY_TYPES.has(idType(id));
}

/** The page of an id: an entity's page, else the document page (which explains external ids). */
export function pageOf(id: string): string {
  return isEntity(id) ? href.entity(id) : href.doc(id);
}

/** A readable name for an id when the API gave none: `mineral:rare-earth-elements` -> `rare earth elements`. */
export function nameFromId(id: string): string {
  const i = id.indexOf(':');
  if (i < 0 || !isEntity(id)) return id;
  const words = id.slice(i + 1).replace(/-/g, ' ');
  const type = id.slice(0, i);
  if (type === 'country') return words.toUpperCase();
  if (type === 'person') return words.replace(/\b\p{L}/gu, (c) => c.toUpperCase());
  return words;
}

/** A link to an id's page, showing its name (or the id) and, when asked, the id beside it. */
export function idLink(id: string, name?: string, opts: { showId?: boolean; external?: boolean } = {}): HTMLElement {
  const text = name && name !== id ? name : isEntity(id) ? nameFromId(id) : id;
  const a = h('a', { href: pageOf(id), class: opts.external ? 'external' : undefined, title: id }, text);
  if (!opts.showId || text === id) return a;
  return h('span', { class: 'idlink' }, a, ' ', h('code', { class: 'id' }, id));
}

/** "id · kind · date" under a title. */
export function metaLine(parts: { id?: string; kind?: string; date?: string; lang?: string; extra?: Child[] }): HTMLElement {
  const items: Child[] = [];
  const sep = () => h('span', { class: 'sep', 'aria-hidden': 'true' }, ' · ');
  if (parts.id) items.push(h('code', { class: 'id' }, parts.id));
  if (parts.kind) items.push(sep(), label('kind', parts.kind));
  items.push(sep(), parts.date ? h('time', { datetime: parts.date }, parts.date) : h('span', { class: 'muted' }, t('common.undated')));
  if (parts.lang && parts.lang !== 'en') items.push(sep(), h('span', { class: 'badge' }, parts.lang));
  if (parts.extra) items.push(...parts.extra.map((e) => [sep(), e]));
  return h('div', { class: 'meta' }, items);
}
