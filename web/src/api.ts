// The /api client and the JSON shapes it returns. Each endpoint answers exactly what
// `lode COMMAND --json` prints (README.md, "JSON (contracts)"); these types mirror those
// contracts and only list the fields the UI reads. Errors are {"error","code"} with an HTTP
// status (400 bad request, 404 unknown id, 413 too large, 503 not available).

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
  ) {
    super(message);
  }
}

export type Params = Record<string, string | number | boolean | undefined | null>;

/** Builds `/api/<path>?<params>`; parameters that are undefined, null, '' or false are left out. */
export function apiUrl(path: string, params: Params = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '' || v === false) continue;
    q.set(k, v === true ? '1' : String(v));
  }
  const s = q.toString();
  return `/api/${path}${s ? `?${s}` : ''}`;
}

/** An id as one path segment: `usc:50/4501` -> `usc%3A50%2F4501`. */
export const seg = (id: string): string => encodeURIComponent(id);

export async function api<T>(path: string, params: Params = {}, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(apiUrl(path, params), { signal, headers: { Accept: 'application/json' } });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(`the server did not answer (${(e as Error).message})`, 0, 'network');
  }
  const text = await res.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : {};
  } catch {
    throw new ApiError(`the server sent something that is not JSON (HTTP ${res.status})`, res.status, 'bad_response');
  }
  const err = body as { error?: string; code?: string };
  if (!res.ok || (typeof err.error === 'string' && typeof err.code === 'string')) {
    throw new ApiError(err.error ?? `HTTP ${res.status}`, res.status || 500, err.code ?? 'error');
  }
  return body as T;
}

// ------------------------------------------------------------------ shapes

export interface SearchHit {
  id: string;
  source: string;
  title: string;
  kind: string;
  date: string;
  score: number;
  snippet: string;
  rank: number;
  language: string;
  number: string;
}
export interface SearchResult {
  query: string;
  total: number;
  total_exact: boolean;
  offset: number;
  limit: number;
  hits: SearchHit[];
  facets?: Record<string, Record<string, number>>;
  suggestion?: string;
}

export interface Evidenced {
  id: string;
  type: string;
  name?: string;
  count: number;
  evidence: string;
}
export interface Relation {
  type: string;
  target: string;
  origin: string;
  evidence: string;
}
export interface Reference {
  label: string;
  text: string;
  doi: string;
  title: string;
  year: string;
  authors?: string[];
  journal?: string;
  volume?: string;
  page?: string;
  ids?: string[];
}
export interface ShowResult {
  id: string;
  source: string;
  title: string;
  kind: string;
  date: string;
  number: string;
  language: string;
  url: string;
  format: string;
  authors: string[];
  meta: Record<string, string>;
  sources: { path: string; format: string; size: number }[];
  entities: Evidenced[];
  citations: Evidenced[];
  relations: Relation[];
  references: Reference[];
  aliases?: string[];
  text?: string;
}

export interface DocRef {
  id: string;
  title: string;
  kind: string;
  date: string;
  count: number;
}
export interface EntityResult {
  id: string;
  type: string;
  known: boolean;
  name?: string;
  aliases?: string[];
  aliases_cs?: string[];
  zh?: string[];
  is_a?: string[];
  parent?: string;
  lists?: { list: string; year: number; citation: string }[];
  members: string[];
  documents: { total: number; top: DocRef[] };
  cooccurs: { id: string; name: string; documents: number; share: number }[];
}

export interface GraphNode {
  id: string;
  type: string;
  name: string;
  kind: string;
  date: string;
  external: boolean;
}
export interface Status {
  state: string;
  in_force: boolean;
  revoked_on: string;
  revoked_by: { id: string; name: string; date: string }[];
  superseded_by: { id: string; name: string; date: string }[];
  amended_by: { id: string; name: string; date: string }[];
}
export interface TraceDoc {
  id: string;
  source: string;
  title: string;
  kind: string;
  date: string;
  via: 'direct' | 'member' | 'group' | 'category';
  via_entity: string;
  evidence: string;
  status: Status;
  directs: { id: string; name: string }[];
}
export interface TraceResult {
  entity: GraphNode & { groups: string[]; categories: string[] };
  as_of: string;
  kind: string;
  counts: { direct: number; group: number; category: number; member?: number };
  documents: TraceDoc[];
}

export interface EdgeRef {
  source: string;
  target: string;
  type: string;
  count: number;
}
export interface NeighborsResult {
  id: string;
  depth: number;
  total: number;
  truncated?: boolean;
  nodes: (GraphNode & { depth: number; via: EdgeRef; evidence: string })[];
}

export interface CiteEntry extends GraphNode {
  count: number;
  relations: string[];
  evidence: string;
}
export interface CitesResult {
  id: string;
  citations: CiteEntry[];
}
export interface CitedByResult {
  id: string;
  cited_by: CiteEntry[];
}

export interface RelatedResult {
  id: string;
  relation: 'cocitation' | 'coupling';
  degree: number;
  related: (GraphNode & { shared: number; degree: number; cosine: number })[];
}

export interface RankResult {
  by: string;
  type: string;
  edges: string[];
  nodes: (GraphNode & { rank: number; score: number })[];
}

export interface TimelineResult {
  id: string;
  total: number;
  by_year: Record<string, number>;
  by_president: Record<string, number>;
  documents: (GraphNode & { president: string })[];
}

export interface CooccurResult {
  id: string;
  documents: number;
  cooccurs: (GraphNode & { shared: number; documents: number; jaccard: number; lift: number })[];
}

export interface StatsResult {
  documents: number;
  revision: number;
  index_bytes: number;
  words: number;
  by_kind: Record<string, number>;
  by_year: Record<string, number>;
  by_format: Record<string, number>;
  by_language: Record<string, number>;
  entities_by_type: Record<string, number>;
  citations_by_type: Record<string, number>;
  relations_by_type: Record<string, number>;
}

/** `similar` answers like search (hits); a server without it answers 404. */
export type SimilarResult = SearchResult;

/** `lode network TYPE --json` (issue 15): VOSviewer's map of items and their links. */
export interface NetworkNode {
  id: string;
  label: string;
  occurrences: number;
  cluster: number;
  avg_year: number | null;
  links: number;
  total_link_strength: number;
}
export interface NetworkResult {
  type: string;
  query: string;
  threshold: number;
  cluster_method: string;
  papers: number;
  papers_used: number;
  items: number;
  items_over_threshold: number;
  truncated: boolean;
  clusters: number;
  modularity: number;
  nodes: NetworkNode[];
  links: { source: string; target: string; weight: number; strength: number }[];
}
