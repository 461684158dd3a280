// `/graph/ID?expand=A,B&edge=cites,mentions`: a neighbourhood drawn with Cytoscape.js. Expand a
// node (double-click, or select it and press Expand), ask for more of its neighbours, collapse
// what an expansion brought in, undo, and filter edge types. Each expansion asks the server for
// at most CAP neighbours (Neo4j Browser's initial-node limit does the same) and says how many it
// has: "40 of 98 neighbours shown". The expansions and the edge filter are kept in the URL.

import cytoscape, { type Core, type ElementDefinition, type NodeSingular } from 'cytoscape';
import { api, ApiError, seg, type EntityResult, type GraphNode, type NeighborsResult, type ShowResult } from '../api';
import { exportPanel } from '../components';
import { add, clear, h } from '../dom';
import { formatNumber, label, t } from '../i18n';
import { href, isEntity, metaLine, nameFromId, pageOf } from '../links';
import { setTitle, type PageContext } from '../router';

export const CAP = 40;
const EDGE_TYPES = ['mentions', 'cites', 'revokes', 'amends', 'supersedes', 'directs', 'is_a', 'issued_by'];

interface Expansion {
  shown: number;
  total: number;
  limit: number;
}
interface State {
  expanded: Map<string, Expansion>;
  /** Which expansions brought a node or an edge in (the root is owned by ''). */
  owners: Map<string, Set<string>>;
}
interface Snapshot {
  elements: ElementDefinition[];
  expanded: [string, Expansion][];
  owners: [string, string[]][];
}

const NODE_COLOURS: Record<string, string> = {
  mineral: '#d89b1d',
  agency: '#3b78b5',
  country: '#3a8f57',
  person: '#8a5bb0',
  concept: '#7a7f87',
};
const KIND_COLOURS: Record<string, string> = {
  executive_order: '#1f4e79',
  presidential_memorandum: '#2c6a8f',
  proclamation: '#2c6a8f',
  law: '#6b4a2b',
  regulation: '#7d5a3a',
  paper: '#0f766e',
};
const EDGE_COLOURS: Record<string, string> = {
  mentions: '#c5cad1',
  cites: '#6b7280',
  revokes: '#c0392b',
  amends: '#cf8a12',
  supersedes: '#8e44ad',
  directs: '#2e86c1',
  is_a: '#9aa0a6',
  issued_by: '#b8bcc2',
};

function colourOf(n: GraphNode): string {
  const type = n.type || n.id.split(':')[0];
  if (NODE_COLOURS[type]) return NODE_COLOURS[type];
  return KIND_COLOURS[n.kind] ?? '#55606e';
}

const short = (s: string, n = 32) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const edgeId = (s: string, type: string, tgt: string) => `${s}|${type}|${tgt}`;

export default async function graph({ root, params, query, signal, mounted }: PageContext): Promise<void> {
  const edgeParam = query.get('edge');
  const edges = new Set(edgeParam ? edgeParam.split(',').filter((e) => EDGE_TYPES.includes(e)) : EDGE_TYPES);
  const wantExpanded = (query.get('expand') ?? '').split(',').filter(Boolean);
  const first = await neighbours(params[0], CAP, edges, signal);
  const rootId = first.id;
  const rootNode = await describe(rootId, signal);
  setTitle(t('graph.title', { name: rootNode.name }));

  const state: State = { expanded: new Map(), owners: new Map() };
  const undo: Snapshot[] = [];
  let selected = rootId;

  const container = h('div', { class: 'graph-canvas', role: 'img', 'aria-label': t('graph.canvas') });
  const summary = h('p', { class: 'summary', role: 'status' });
  const panel = h('div', { class: 'graph-selected' });
  const nodeList = h('ul', { class: 'node-list', 'aria-label': t('graph.nodes') });
  const undoBtn = h('button', { type: 'button', id: 'graph-undo', disabled: true, onclick: () => doUndo() }, t('graph.undo')) as HTMLButtonElement;

  let cy: Core;

  const syncUrl = () => {
    const p = new URLSearchParams();
    const ex = [...state.expanded.keys()].filter((x) => x !== rootId);
    if (ex.length) p.set('expand', ex.join(','));
    if (edges.size !== EDGE_TYPES.length) p.set('edge', [...edges].join(','));
    const lang = new URLSearchParams(location.search).get('lang');
    if (lang) p.set('lang', lang);
    const s = p.toString();
    history.replaceState(null, '', `${href.graph(rootId)}${s ? `?${s}` : ''}`);
  };

  const own = (id: string, by: string) => {
    const s = state.owners.get(id) ?? new Set<string>();
    s.add(by);
    state.owners.set(id, s);
  };

  const addResult = (r: NeighborsResult, by: string) => {
    const centre = cy.getElementById(by);
    const c = centre.nonempty() ? centre.position() : { x: 0, y: 0 };
    const fresh = r.nodes.filter((n) => cy.getElementById(n.id).empty());
    const els: ElementDefinition[] = [];
    fresh.forEach((n, i) => {
      const a = (2 * Math.PI * i) / Math.max(1, fresh.length);
      const radius = 120 + 6 * Math.sqrt(fresh.length);
      els.push({ group: 'nodes', data: nodeData(n), position: { x: c.x + radius * Math.cos(a), y: c.y + radius * Math.sin(a) } });
    });
    for (const n of r.nodes) own(n.id, by);
    for (const n of r.nodes) {
      const v = n.via;
      const eid = edgeId(v.source, v.type, v.target);
      if (cy.getElementById(eid).empty() && !els.some((e) => e.data.id === eid)) {
        els.push({ group: 'edges', data: { id: eid, source: v.source, target: v.target, type: v.type, count: v.count, evidence: n.evidence } });
      }
      own(eid, by);
    }
    cy.add(els);
    state.expanded.set(by, { shown: r.nodes.length, total: r.total, limit: Math.max(r.nodes.length, state.expanded.get(by)?.limit ?? 0, CAP) });
  };

  const snapshot = (): Snapshot => ({
    elements: cy.elements().jsons() as unknown as ElementDefinition[],
    expanded: [...state.expanded.entries()].map(([k, v]) => [k, { ...v }]),
    owners: [...state.owners.entries()].map(([k, v]) => [k, [...v]]),
  });
  const pushUndo = () => {
    undo.push(snapshot());
    if (undo.length > 50) undo.shift();
    undoBtn.disabled = false;
  };
  const doUndo = () => {
    const s = undo.pop();
    if (!s) return;
    cy.elements().remove();
    cy.add(s.elements);
    state.expanded = new Map(s.expanded);
    state.owners = new Map(s.owners.map(([k, v]) => [k, new Set(v)]));
    undoBtn.disabled = undo.length === 0;
    if (cy.getElementById(selected).empty()) selected = rootId;
    refresh();
  };

  const expand = async (id: string, more = false) => {
    const ex = state.expanded.get(id);
    const limit = more && ex ? ex.limit + CAP : CAP;
    const r = await neighbours(id, limit, edges, signal);
    pushUndo();
    addResult(r, id);
    const e = state.expanded.get(id)!;
    e.limit = limit;
    layout();
    refresh();
  };

  const collapse = (id: string) => {
    if (!state.expanded.has(id)) return;
    pushUndo();
    // Whatever only this expansion brought in goes, and the expansions of what goes, in turn.
    const drop = (x: string) => {
      state.expanded.delete(x);
      const orphans: string[] = [];
      for (const [el, by] of state.owners) if (by.delete(x) && by.size === 0 && el !== rootId) orphans.push(el);
      for (const el of orphans) {
        state.owners.delete(el);
        if (state.expanded.has(el)) drop(el);
        cy.getElementById(el).remove();
      }
    };
    drop(id);
    // A removed node takes its edges along: forget the owners of what is no longer drawn.
    for (const el of [...state.owners.keys()]) if (cy.getElementById(el).empty()) state.owners.delete(el);
    refresh();
  };

  const applyEdgeFilter = () => {
    cy.batch(() => {
      cy.edges().forEach((e) => {
        e.toggleClass('hidden', !edges.has(e.data('type')));
      });
      cy.nodes().forEach((n) => {
        const visible = n.id() === rootId || n.connectedEdges().not('.hidden').nonempty();
        n.toggleClass('hidden', !visible);
      });
    });
  };

  const layout = () => {
    cy.layout({
      name: 'cose',
      animate: false,
      randomize: false,
      fit: true,
      padding: 30,
      nodeDimensionsIncludeLabels: true,
      nodeRepulsion: () => 30000,
      idealEdgeLength: () => 70,
      edgeElasticity: () => 80,
      gravity: 1,
      numIter: 1500,
    } as cytoscape.LayoutOptions).run();
    // A small neighbourhood fitted to the canvas would be drawn huge.
    if (cy.zoom() > 1.3) {
      cy.zoom(1.3);
      cy.center();
    }
  };

  const refresh = () => {
    applyEdgeFilter();
    cy.nodes().removeClass('selected expanded');
    for (const id of state.expanded.keys()) cy.getElementById(id).addClass('expanded');
    cy.getElementById(selected).addClass('selected');
    const visibleNodes = cy.nodes().not('.hidden');
    const visibleEdges = cy.edges().not('.hidden');
    const rx = state.expanded.get(rootId);
    clear(summary);
    add(summary, 
      h('strong', null, t('graph.showing', { nodes: formatNumber(visibleNodes.length), edges: formatNumber(visibleEdges.length) })),
      rx ? [' · ', `${rootNode.name}: `, t('graph.neighbours', { shown: rx.shown, total: rx.total })] : null,
      ' · ',
      h('span', { class: 'muted' }, t('graph.capped', { cap: CAP })),
    );
    renderPanel();
    renderList(visibleNodes);
    syncUrl();
  };

  const renderPanel = () => {
    clear(panel);
    const n = cy.getElementById(selected);
    if (n.empty()) return;
    const d = n.data() as GraphNode;
    const ex = state.expanded.get(d.id);
    add(panel, 
      h('h2', null, t('graph.selected')),
      h('h3', { lang: /[\u3400-\u9fff]/.test(d.name) ? 'zh-Hans' : undefined }, h('a', { href: pageOf(d.id) }, d.name)),
      metaLine({ id: d.id, kind: d.kind || label('type', d.type), date: d.date }),
      d.external && !isEntity(d.id) ? h('p', { class: 'muted small' }, t('common.external')) : null,
      ex ? h('p', { class: 'small' }, t('graph.neighbours', { shown: ex.shown, total: ex.total })) : null,
      h(
        'div',
        { class: 'button-row' },
        !ex ? h('button', { type: 'button', id: 'graph-expand', onclick: () => void expand(d.id) }, t('graph.expand')) : null,
        ex && ex.shown < ex.total ? h('button', { type: 'button', id: 'graph-more', onclick: () => void expand(d.id, true) }, t('graph.more')) : null,
        ex && d.id !== rootId ? h('button', { type: 'button', id: 'graph-collapse', class: 'secondary', onclick: () => collapse(d.id) }, t('graph.collapse')) : null,
      ),
      h('p', { class: 'small' }, h('a', { href: pageOf(d.id) }, t('graph.openPage'))),
    );
  };

  const select = (id: string) => {
    selected = id;
    refresh();
    document.querySelector<HTMLElement>(`.node-list [data-id="${CSS.escape(id)}"]`)?.focus();
  };

  const renderList = (nodes: cytoscape.NodeCollection) => {
    clear(nodeList);
    const sorted = nodes.sort((a, b) => {
      const ra = a.id() === rootId ? 0 : state.expanded.has(a.id()) ? 1 : 2;
      const rb = b.id() === rootId ? 0 : state.expanded.has(b.id()) ? 1 : 2;
      return ra - rb || String(a.data('name')).localeCompare(String(b.data('name')));
    });
    sorted.forEach((n: NodeSingular) => {
      const d = n.data() as GraphNode;
      nodeList.append(
        h(
          'li',
          null,
          h(
            'button',
            {
              type: 'button',
              class: 'node-item',
              'data-id': d.id,
              'aria-pressed': String(d.id === selected),
              onclick: () => select(d.id),
              ondblclick: () => void expand(d.id),
            },
            h('span', { class: 'dot', style: `background:${colourOf(d)}`, 'aria-hidden': 'true' }),
            h('span', { class: 'node-name' }, short(d.name, 48)),
            h('span', { class: 'node-type' }, state.expanded.has(d.id) ? `${d.type} · ${t('graph.expanded')}` : d.type),
          ),
        ),
      );
    });
  };

  const filters = h(
    'fieldset',
    { class: 'edge-filter' },
    h('legend', null, t('graph.edges')),
    EDGE_TYPES.map((type) => {
      const id = `edge-${type}`;
      const box = h('input', { type: 'checkbox', id, checked: edges.has(type) }) as HTMLInputElement;
      box.addEventListener('change', () => {
        if (box.checked) edges.add(type);
        else edges.delete(type);
        refresh();
      });
      return h('div', { class: 'check' }, box, h('label', { for: id }, h('span', { class: 'edge-swatch', style: `background:${EDGE_COLOURS[type]}`, 'aria-hidden': 'true' }), label('edge', type)));
    }),
  );

  add(root, 
    h('h1', { tabindex: '-1' }, t('graph.title', { name: rootNode.name })),
    h('div', { class: 'meta' }, h('a', { href: pageOf(rootId) }, h('code', { class: 'id' }, rootId)), ' · ', h('span', { class: 'muted' }, t('graph.selectHint'))),
    summary,
    h(
      'div',
      { class: 'graph-layout' },
      h(
        'div',
        { class: 'graph-main' },
        h(
          'div',
          { class: 'toolbar' },
          undoBtn,
          h('button', { type: 'button', class: 'secondary', onclick: () => cy.fit(undefined, 30) }, t('graph.fit')),
          h('button', { type: 'button', class: 'secondary', onclick: () => layout() }, t('graph.layout')),
        ),
        container,
      ),
      h(
        'aside',
        { class: 'graph-side', 'aria-label': t('graph.nodes') },
        panel,
        filters,
        h('h2', null, t('graph.nodes')),
        nodeList,
        h('details', { class: 'export-details' }, h('summary', null, t('export.title')), exportPanel({ around: rootId, edge: edges.size === EDGE_TYPES.length ? undefined : [...edges].join(',') })),
      ),
    ),
  );

  mounted(() => {
    cy = cytoscape({
      container,
      elements: [{ group: 'nodes', data: nodeData(rootNode), position: { x: 0, y: 0 } }],
      style: graphStyle(),
      wheelSensitivity: 0.3,
      minZoom: 0.1,
      maxZoom: 3,
    });
    own(rootId, '');
    addResult(first, rootId);
    cy.on('tap', 'node', (ev) => select(ev.target.id()));
    cy.on('dbltap', 'node', (ev) => {
      const id = ev.target.id() as string;
      selected = id;
      if (!state.expanded.has(id)) void expand(id);
    });
    signal.addEventListener('abort', () => cy.destroy());
    layout();
    refresh();
    // Replay the expansions the URL names, in order.
    void (async () => {
      for (const id of wantExpanded) {
        if (signal.aborted) return;
        if (cy.getElementById(id).nonempty() && !state.expanded.has(id)) await expand(id).catch(() => undefined);
      }
      undo.length = 0;
      undoBtn.disabled = true;
    })();
  });
}

function nodeData(n: GraphNode): Record<string, unknown> {
  return {
    id: n.id,
    name: n.name || nameFromId(n.id),
    label: short(n.name || nameFromId(n.id)),
    type: n.type || n.id.split(':')[0],
    kind: n.kind,
    date: n.date,
    external: n.external,
    colour: colourOf(n),
  };
}

async function neighbours(id: string, limit: number, edges: Set<string>, signal: AbortSignal): Promise<NeighborsResult> {
  return api<NeighborsResult>(
    `neighbors/${seg(id)}`,
    { depth: 1, limit, edge: edges.size === EDGE_TYPES.length ? undefined : [...edges].join(',') },
    signal,
  );
}

/** The root's own name, kind and date (neighbours lists only the others). */
async function describe(id: string, signal: AbortSignal): Promise<GraphNode> {
  const type = id.split(':')[0];
  try {
    if (isEntity(id)) {
      const e = await api<EntityResult>(`entity/${seg(id)}`, { limit: 0 }, signal);
      return { id, type, name: e.name || nameFromId(id), kind: '', date: '', external: true };
    }
    const d = await api<ShowResult>(`show/${seg(id)}`, { no_text: true }, signal);
    return { id, type, name: d.title || id, kind: d.kind, date: d.date, external: false };
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return { id, type, name: id, kind: '', date: '', external: true };
    throw e;
  }
}

function graphStyle(): cytoscape.StylesheetJson {
  const font = getComputedStyle(document.body).fontFamily;
  return [
    {
      selector: 'node',
      style: {
        'background-color': 'data(colour)',
        label: 'data(label)',
        'font-family': font,
        'font-size': 11,
        color: '#1f2328',
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-wrap': 'wrap',
        'text-max-width': '120px',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.75,
        'text-background-padding': '1px',
        width: 16,
        height: 16,
        'border-width': 1,
        'border-color': '#ffffff',
      },
    },
    { selector: 'node[type = "mineral"], node[type = "agency"], node[type = "country"], node[type = "person"], node[type = "concept"]', style: { shape: 'ellipse' } },
    { selector: 'node[kind != ""]', style: { shape: 'round-rectangle', width: 20, height: 14 } },
    { selector: 'node[?external][kind = ""][type != "mineral"][type != "agency"][type != "country"][type != "person"][type != "concept"]', style: { 'background-opacity': 0.35, 'border-style': 'dashed', 'border-color': '#55606e', shape: 'round-rectangle', width: 20, height: 14 } },
    { selector: 'node.expanded', style: { 'border-width': 3, 'border-color': '#1f2328' } },
    { selector: 'node.selected', style: { 'border-width': 3, 'border-color': '#c0692b', 'font-weight': 'bold', 'z-index': 10 } },
    {
      selector: 'edge',
      style: {
        width: 1.2,
        'line-color': (e: cytoscape.EdgeSingular) => EDGE_COLOURS[e.data('type')] ?? '#999',
        'target-arrow-color': (e: cytoscape.EdgeSingular) => EDGE_COLOURS[e.data('type')] ?? '#999',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.7,
        'curve-style': 'bezier',
      },
    },
    { selector: 'edge[type = "revokes"], edge[type = "amends"], edge[type = "supersedes"]', style: { width: 2.2 } },
    { selector: 'edge[type = "is_a"]', style: { 'line-style': 'dashed' } },
    { selector: '.hidden', style: { display: 'none' } },
  ] as unknown as cytoscape.StylesheetJson;
}

