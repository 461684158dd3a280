// Marks the entities and citations of a document in its text, each linked to its page.
//
// `show --json` gives each entity and citation with a count and an evidence sentence, but not
// the byte offsets the index stores (web/README.md asks the server for them). Until it does,
// the places are found here: an entity by its names (name, aliases, Chinese names, from
// /api/entity), a citation by the ways texts write its id (Executive Order 13817, Pub. L.
// 117-169, 30 U.S.C. 1606 …). Latin names match as whole words, case-insensitively except the
// knowledge base's case-sensitive abbreviations; Chinese names match anywhere.

import { h } from './dom';

export interface Target {
  id: string;
  type: string;
  /** 'entity' links to /entity/ID, 'citation' to /doc/ID. */
  role: 'entity' | 'citation';
  href: string;
  title: string;
}

export interface Names {
  target: Target;
  names: string[];
  /** Case-sensitive names (abbreviations such as REE, Li-ion). */
  namesCs?: string[];
}

interface Hit {
  start: number;
  end: number;
  target: Target;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f]/;
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const WORD_BEFORE = '(?<![\\p{L}\\p{N}_])';
const WORD_AFTER = '(?![\\p{L}\\p{N}_])';

/** One regex for many literal names; `lookup` maps a matched string back to its target. */
function namesRegex(
  entries: [string, Target][],
  flags: string,
  bounded: boolean,
  fold: (s: string) => string,
): { re: RegExp; lookup: Map<string, Target> } | null {
  const lookup = new Map<string, Target>();
  for (const [name, target] of entries) {
    const k = fold(name);
    if (k.length < 2 && !CJK.test(k)) continue;
    if (!lookup.has(k)) lookup.set(k, target);
  }
  if (!lookup.size) return null;
  const alts = [...lookup.keys()].sort((a, b) => b.length - a.length).map(escapeRe);
  const body = `(?:${alts.join('|')})`;
  return { re: new RegExp(bounded ? `${WORD_BEFORE}${body}${WORD_AFTER}` : body, flags), lookup };
}

function collect(text: string, rx: ReturnType<typeof namesRegex>, fold: (s: string) => string, out: Hit[]): void {
  if (!rx) return;
  for (const m of text.matchAll(rx.re)) {
    const target = rx.lookup.get(fold(m[0]));
    if (target) out.push({ start: m.index!, end: m.index! + m[0].length, target });
  }
}

/** Regex source for the ways a text writes a cited id; null when there is no useful pattern. */
export function citationPattern(id: string): string | null {
  const i = id.indexOf(':');
  if (i < 0) return null;
  const type = id.slice(0, i);
  const key = id.slice(i + 1);
  const page = (p: string) => (p.length > 3 ? `${escapeRe(p.slice(0, -3))},?${escapeRe(p.slice(-3))}` : escapeRe(p));
  switch (type) {
    case 'eo': {
      // A bare number also counts ("Executive Orders 13817 and 14017"), but only a five-digit
      // one: shorter numbers are too often years or pages.
      const prefix = '(?:Executive Orders?|E\\.\\s?O\\.|EO)\\s*(?:No\\.\\s*)?';
      return `${key.length >= 5 ? `(?:${prefix})?` : prefix}\\b${escapeRe(key)}\\b`;
    }
    case 'pl': {
      const [c, n] = key.split('-');
      if (!n) return null;
      return `(?:(?:Public Law|Pub\\.\\s?L\\.(?:\\s?No\\.)?|P\\.\\s?L\\.)\\s*)?\\b${c}[-–‑]${escapeRe(n)}\\b`;
    }
    case 'usc': {
      const [title, sec] = key.split('/');
      if (!sec) return null;
      const tnum = escapeRe(title.replace(/-app$/, ''));
      const app = title.endsWith('-app') ? '\\s*App\\.?' : '(?:\\s*App\\.)?';
      const s = escapeRe(sec);
      return `\\b${tnum}\\s*U\\.\\s?S\\.\\s?C\\.?${app}\\s*(?:§+\\s*)?${s}\\b|section\\s+${s}\\s+of\\s+title\\s+${tnum}\\b(?:,\\s+United States Code)?`;
    }
    case 'cfr': {
      const [title, part] = key.split('/');
      if (!part) return null;
      return `\\b${escapeRe(title)}\\s*C\\.?\\s?F\\.?\\s?R\\.?\\s*(?:(?:[Pp]art|§+)\\s*)?${escapeRe(part)}\\b`;
    }
    case 'fr': {
      const [vol, p] = key.split('/');
      if (!p) return null;
      return `\\b${escapeRe(vol)}\\s+(?:FR|Fed\\.\\s?Reg\\.)\\s+${page(p)}\\b`;
    }
    case 'stat': {
      const [vol, p] = key.split('/');
      if (!p) return null;
      return `\\b${escapeRe(vol)}\\s+Stat\\.\\s+${page(p)}\\b`;
    }
    case 'pd':
      return `(?:Presidential Determination\\s+(?:No\\.\\s*)?)?\\b${escapeRe(key)}\\b`;
    case 'bill': {
      const [, kind, n] = key.split('/');
      if (!n) return null;
      const names: Record<string, string> = {
        hr: 'H\\.\\s?R\\.',
        s: 'S\\.',
        hres: 'H\\.\\s?Res\\.',
        sres: 'S\\.\\s?Res\\.',
        hjres: 'H\\.\\s?J\\.\\s?Res\\.',
        sjres: 'S\\.\\s?J\\.\\s?Res\\.',
      };
      return names[kind] ? `${names[kind]}\\s*${escapeRe(n)}\\b` : null;
    }
    case 'doi':
      return escapeRe(key);
    case 'act': {
      const words = key.replace(/-of-\d{4}$/, '').split('-').filter(Boolean).map(escapeRe);
      const year = /-of-(\d{4})$/.exec(key)?.[1];
      return `\\b${words.join('[\\s-]+')}\\b${year ? `(?:\\s+of\\s+${year})?` : ''}`;
    }
    default:
      return null;
  }
}

/** Where the names and citations occur in `text`, longest first, never overlapping. */
export function findHighlights(text: string, entities: Names[], citations: Target[]): Hit[] {
  const hits: Hit[] = [];
  const lower = (s: string) => s.toLocaleLowerCase('en');
  const same = (s: string) => s;
  const latin: [string, Target][] = [];
  const latinCs: [string, Target][] = [];
  const cjk: [string, Target][] = [];
  for (const e of entities) {
    for (const n of e.names) (CJK.test(n) ? cjk : latin).push([n, e.target]);
    for (const n of e.namesCs ?? []) (CJK.test(n) ? cjk : latinCs).push([n, e.target]);
  }
  collect(text, namesRegex(latin, 'giu', true, lower), lower, hits);
  collect(text, namesRegex(latinCs, 'gu', true, same), same, hits);
  collect(text, namesRegex(cjk, 'gu', false, same), same, hits);

  const patterns = citations
    .map((c) => ({ c, p: citationPattern(c.id) }))
    .filter((x): x is { c: Target; p: string } => !!x.p);
  if (patterns.length) {
    const tests = patterns.map((x) => ({ c: x.c, re: new RegExp(`^(?:${x.p})$`, 'i') }));
    const all = new RegExp(patterns.map((x) => `(?:${x.p})`).join('|'), 'gi');
    for (const m of text.matchAll(all)) {
      const hit = tests.find((x) => x.re.test(m[0]));
      if (hit) hits.push({ start: m.index!, end: m.index! + m[0].length, target: hit.c });
    }
  }

  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Hit[] = [];
  let end = -1;
  for (const x of hits) {
    if (x.start >= end) {
      kept.push(x);
      end = x.end;
    }
  }
  return kept;
}

/** The text as DOM: plain text nodes between links that carry the highlight. */
export function renderHighlighted(text: string, hits: Hit[]): DocumentFragment {
  const frag = document.createDocumentFragment();
  let last = 0;
  for (const x of hits) {
    if (x.start > last) frag.appendChild(document.createTextNode(text.slice(last, x.start)));
    const cls = x.target.role === 'citation' ? 'hl hl-citation' : `hl hl-${x.target.type}`;
    frag.appendChild(
      h('a', { class: cls, href: x.target.href, title: x.target.title, 'data-id': x.target.id }, text.slice(x.start, x.end)),
    );
    last = x.end;
  }
  if (last < text.length) frag.appendChild(document.createTextNode(text.slice(last)));
  return frag;
}
