// `/map?type=keywords&min=2&q=…&color=cluster|year`: a co-authorship, organisation, country or
// keyword co-occurrence map as VOSviewer draws it (issue 15) — `lode network TYPE --json`
// through /api/network/TYPE, laid out by force (cose), node size by occurrences, edge width by
// link weight, colour by cluster or by the items' average publication year (VOSviewer's overlay
// view), with a legend. Click a node for its figures and a search for its papers. Everything that
// changes the map is in the URL; the colour switch only restyles.

import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import { api, seg, type NetworkNode, type NetworkResult } from '../api';
import { num, section, table } from '../components';
import { add, clear, h } from '../dom';
import { formatNumber, t, type Key } from '../i18n';
import { href } from '../links';
import { navigate, setTitle, type PageContext } from '../router';

export const MAP_TYPES = ['keywords', 'coauthors', 'organizations', 'countries'] as const;
type MapType = (typeof MAP_TYPES)[number];
type Colour = 'cluster' | 'year';
const DEFAULT_MIN = 2;
const LISTED = 25;
// Lines drawn: the strongest up to VOSviewer's default maximum (a 500-keyword map of the real
// corpus has 31,850), plus each node's strongest, so no linked node is drawn alone.
export const MAX_LINES = 1000;

export function strongestLinks(links: NetworkResult['links'], max: number): NetworkResult['links'] {
  const sorted = [...links].sort((a, b) => b.weight - a.weight);
  const keep = new Set(sorted.slice(0, max));
  const linked = new Set<string>();
  for (const l of keep) linked.add(l.source).add(l.target);
  for (const l of sorted) {
    if (linked.has(l.source) && linked.has(l.target)) continue;
    keep.add(l);
    linked.add(l.source).add(l.target);
  }
  return sorted.filter((l) => keep.has(l));
}

// VOSviewer's first cluster colours; clusters past them share grey.
const CLUSTER_COLOURS = ['#d62728', '#2ca02c', '#1f77b4', '#bcbd22', '#9467bd', '#17becf', '#ff7f0e', '#e377c2', '#8c564b', '#7f7f7f', '#aec7e8', '#98df8a'];
const OTHER_CLUSTER = '#c7c7c7';
const NO_YEAR = '#d0d4da';
// The overlay scale, old to new (viridis, as VOSviewer's default overlay).
const YEAR_SCALE = ['#440154', '#3b528b', '#21918c', '#5ec962', '#fde725'];

export const clusterColour = (c: number): string => (c >= 1 && c <= CLUSTER_COLOURS.length ? CLUSTER_COLOURS[c - 1] : OTHER_CLUSTER);

function mix(a: string, b: string, f: number): string {
  const p = (s: string) => [1, 3, 5].map((i) => parseInt(s.slice(i, i + 2), 16));
  const [x, y] = [p(a), p(b)];
  return `#${x.map((v, i) => Math.round(v + (y[i] - v) * f).toString(16).padStart(2, '0')).join('')}`;
}

/** The overlay colour of `year` on a scale from `lo` to `hi`. */
export function yearColour(year: number | null, lo: number, hi: number): string {
  if (year === null) return NO_YEAR;
  const f = hi > lo ? Math.min(1, Math.max(0, (year - lo) / (hi - lo))) : 0.5;
  const pos = f * (YEAR_SCALE.length - 1);
  const i = Math.min(YEAR_SCALE.length - 2, Math.floor(pos));
  return mix(YEAR_SCALE[i], YEAR_SCALE[i + 1], pos - i);
}

/** A search for the papers naming a node: keywords and organisations are entities of each paper
 * (`entity:keyword:…`); author names and countries are not in the searchable text, so none. */
function papersQuery(type: MapType, n: NetworkNode, within: string): string | null {
  if (type !== 'keywords' && type !== 'organizations') return null;
  const slug = n.id.trim().replace(/\s+/g, '-');
  return [`entity:${type === 'keywords' ? 'keyword' : 'org'}:${slug}`, 'kind:paper', within].filter(Boolean).join(' ');
}

export default async function map({ root, params, query, signal, mounted }: PageContext): Promise<void> {
  const wanted = params[0] || query.get('type') || 'keywords';
  const type: MapType = (MAP_TYPES as readonly string[]).includes(wanted) ? (wanted as MapType) : 'keywords';
  const minText = query.get('min') ?? '';
  const min = /^\d{1,6}$/.test(minText) ? Number(minText) : DEFAULT_MIN;
  const q = query.get('q') ?? '';
  let colour: Colour = query.get('color') === 'year' ? 'year' : 'cluster';
  const typeName = t(`map.type.${type}` as Key);
  setTitle(t('map.title', { type: typeName }), q);

  const r = await api<NetworkResult>(`network/${seg(type)}`, { min, query: q }, signal);
  const years = r.nodes.map((n) => n.avg_year).filter((y): y is number => y !== null);
  const lo = years.length ? Math.floor(Math.min(...years)) : 0;
  const hi = years.length ? Math.ceil(Math.max(...years)) : 0;
  const maxOcc = Math.max(1, ...r.nodes.map((n) => n.occurrences));
  const drawnLinks = strongestLinks(r.links, MAX_LINES);
  const maxWeight = Math.max(1e-9, ...drawnLinks.map((l) => l.weight));
  const colourOf = (n: NetworkNode) => (colour === 'year' ? yearColour(n.avg_year, lo, hi) : clusterColour(n.cluster));
  const byId = new Map(r.nodes.map((n) => [n.id, n]));

  const urlOf = (p: { type?: string; min?: number; q?: string; color?: Colour }) => {
    const u = new URLSearchParams();
    u.set('type', p.type ?? type);
    u.set('min', String(p.min ?? min));
    if (p.q ?? q) u.set('q', p.q ?? q);
    if ((p.color ?? colour) === 'year') u.set('color', 'year');
    const l = new URLSearchParams(location.search).get('lang');
    if (l) u.set('lang', l);
    return `/map?${u.toString()}`;
  };

  // ---- controls: type, threshold and selection reload; colour restyles.
  const typeSelect = h('select', { id: 'map-type', name: 'type' }, MAP_TYPES.map((x) => h('option', { value: x, selected: x === type }, t(`map.type.${x}` as Key)))) as HTMLSelectElement;
  const minInput = h('input', { id: 'map-min', name: 'min', type: 'number', min: '1', step: '1', value: String(min) }) as HTMLInputElement;
  const qInput = h('input', { id: 'map-q', name: 'q', type: 'search', value: q, placeholder: t('map.queryHint') }) as HTMLInputElement;
  const colourSelect = h('select', { id: 'map-color', name: 'color' }, (['cluster', 'year'] as Colour[]).map((c) => h('option', { value: c, selected: c === colour }, t(`map.color.${c}` as Key)))) as HTMLSelectElement;
  const form = h(
    'form',
    {
      class: 'controls',
      onsubmit: (ev: Event) => {
        ev.preventDefault();
        const m = Math.max(1, Math.floor(Number(minInput.value) || DEFAULT_MIN));
        navigate(urlOf({ type: typeSelect.value, min: m, q: qInput.value.trim() }));
      },
    },
    h('div', { class: 'field' }, h('label', { for: 'map-type' }, t('map.type')), typeSelect),
    h('div', { class: 'field' }, h('label', { for: 'map-min' }, t('map.min')), minInput),
    h('div', { class: 'field' }, h('label', { for: 'map-q' }, t('map.query')), qInput),
    h('div', { class: 'field' }, h('label', { for: 'map-color' }, t('map.color')), colourSelect),
    h('button', { type: 'submit' }, t('map.draw')),
  );

  const summary = h(
    'p',
    { class: 'summary', role: 'status' },
    h('strong', null, t('map.summary', { nodes: formatNumber(r.nodes.length), items: formatNumber(r.items), links: formatNumber(r.links.length), papers: formatNumber(r.papers_used) })),
    r.cluster_method !== 'none' ? [' · ', t('map.clusters', { n: r.clusters, q: r.modularity.toFixed(3) })] : null,
    drawnLinks.length < r.links.length ? [' · ', h('span', { class: 'muted' }, t('map.lines', { n: formatNumber(drawnLinks.length) }))] : null,
    r.truncated ? [' · ', h('span', { class: 'muted', id: 'map-truncated' }, t('map.truncated', { shown: formatNumber(r.nodes.length), total: formatNumber(r.items_over_threshold) }))] : null,
  );

  const legend = h('div', { class: 'map-legend', id: 'map-legend', 'aria-live': 'polite' });
  const renderLegend = () => {
    clear(legend);
    legend.dataset.color = colour;
    if (colour === 'year') {
      add(
        legend,
        h('h2', null, t('map.legend.year')),
        years.length
          ? h('div', { class: 'year-scale' }, h('span', null, String(lo)), h('span', { class: 'year-bar', style: `background:linear-gradient(to right, ${YEAR_SCALE.join(', ')})`, 'aria-hidden': 'true' }), h('span', null, String(hi)))
          : h('p', { class: 'muted small' }, t('map.noYears')),
        h('p', { class: 'small muted' }, h('span', { class: 'dot', style: `background:${NO_YEAR}`, 'aria-hidden': 'true' }), ' ', t('map.legend.noYear')),
      );
      return;
    }
    const members = new Map<number, NetworkNode[]>();
    for (const n of r.nodes) members.set(n.cluster, [...(members.get(n.cluster) ?? []), n]);
    const clusters = [...members.keys()].sort((a, b) => a - b);
    add(
      legend,
      h('h2', null, t('map.legend.cluster')),
      h(
        'ul',
        { class: 'cluster-list' },
        clusters.slice(0, CLUSTER_COLOURS.length).map((c) =>
          h('li', null, h('span', { class: 'dot', style: `background:${clusterColour(c)}`, 'aria-hidden': 'true' }), ` ${c} · `, t('map.legend.members', { n: members.get(c)!.length }), ': ', members.get(c)!.slice(0, 3).map((n) => n.label).join('; ')),
        ),
        clusters.length > CLUSTER_COLOURS.length ? h('li', null, h('span', { class: 'dot', style: `background:${OTHER_CLUSTER}`, 'aria-hidden': 'true' }), ' ', t('map.legend.more', { n: clusters.length - CLUSTER_COLOURS.length })) : null,
      ),
    );
  };

  const papersLink = (n: NetworkNode, attrs: Record<string, string>, text: string) => {
    const s = papersQuery(type, n, q);
    return s === null ? null : h('a', { href: href.search(s), ...attrs }, text);
  };
  const panel = h('div', { class: 'graph-selected', id: 'map-selected' }, h('p', { class: 'small muted' }, t('map.clickHint')));
  const select = (id: string) => {
    const n = byId.get(id);
    clear(panel);
    if (!n) return;
    add(
      panel,
      h('h2', null, t('graph.selected')),
      h('h3', { lang: /[\u3400-\u9fff]/.test(n.label) ? 'zh-Hans' : undefined }, n.label),
      table(
        [t('map.figure'), { text: t('map.value'), num: true }],
        [
          [t('map.occurrences'), num(n.occurrences)],
          [t('map.links'), num(n.links)],
          [t('map.strength'), num(n.total_link_strength, 1)],
          [t('map.cluster'), num(n.cluster)],
          [t('map.avgYear'), n.avg_year === null ? '–' : num(n.avg_year, 1)],
        ],
      ),
      h('p', null, papersLink(n, { id: 'map-papers' }, t('map.papers', { n: n.occurrences })) ?? h('span', { class: 'small muted' }, t('map.noSearch'))),
    );
  };

  const container = h('div', { class: 'graph-canvas map-canvas', role: 'img', 'aria-label': t('map.canvas') });
  const top = [...r.nodes].sort((a, b) => b.occurrences - a.occurrences).slice(0, LISTED);

  add(
    root,
    h('h1', { tabindex: '-1' }, t('map.title', { type: typeName })),
    form,
    summary,
    r.nodes.length
      ? h(
          'div',
          { class: 'graph-layout' },
          h('div', { class: 'graph-main' }, container),
          h('div', { class: 'graph-side' }, legend, panel),
        )
      : h('p', { class: 'muted', id: 'map-empty' }, t('map.empty')),
    r.nodes.length
      ? section(
          t('map.top', { n: top.length }),
          table(
            [t(`map.type.${type}` as Key), { text: t('map.occurrences'), num: true }, { text: t('map.cluster'), num: true }, { text: t('map.avgYear'), num: true }],
            top.map((n) => [papersLink(n, {}, n.label) ?? n.label, num(n.occurrences), num(n.cluster), n.avg_year === null ? '–' : num(n.avg_year, 1)]),
          ),
        )
      : null,
  );
  renderLegend();
  if (!r.nodes.length) return;

  let cy: Core;
  const restyle = () => {
    cy.batch(() => cy.nodes().forEach((x) => void x.data('colour', colourOf(byId.get(x.id())!))));
    renderLegend();
  };
  colourSelect.addEventListener('change', () => {
    colour = colourSelect.value === 'year' ? 'year' : 'cluster';
    history.replaceState(null, '', urlOf({}));
    restyle();
  });

  mounted(() => {
    const elements: ElementDefinition[] = [
      // Start on a circle in the JSON's order (strongest first), so one URL draws one picture.
      ...r.nodes.map((n, i) => ({
        group: 'nodes' as const,
        data: { id: n.id, label: n.label, colour: colourOf(n), size: 10 + 40 * Math.sqrt(n.occurrences / maxOcc) },
        position: { x: 300 * Math.cos((2 * Math.PI * i) / r.nodes.length), y: 300 * Math.sin((2 * Math.PI * i) / r.nodes.length) },
      })),
      ...drawnLinks.map((l, i) => ({ group: 'edges' as const, data: { id: `e${i}`, source: l.source, target: l.target, width: 0.5 + 5 * (l.weight / maxWeight) } })),
    ];
    cy = cytoscape({ container, elements, style: mapStyle(), wheelSensitivity: 0.3, minZoom: 0.1, maxZoom: 4 });
    cy.on('tap', 'node', (ev) => {
      cy.nodes().removeClass('selected');
      ev.target.addClass('selected');
      select(ev.target.id());
    });
    signal.addEventListener('abort', () => cy.destroy());
    cy.layout({
      name: 'cose',
      animate: false,
      randomize: false,
      fit: true,
      padding: 30,
      nodeDimensionsIncludeLabels: true,
      nodeRepulsion: () => 60000,
      idealEdgeLength: () => 60,
      gravity: 0.8,
      numIter: 1500,
    } as cytoscape.LayoutOptions).run();
    if (cy.zoom() > 1.5) {
      cy.zoom(1.5);
      cy.center();
    }
    container.dataset.nodes = String(cy.nodes().length);
    container.dataset.edges = String(cy.edges().length);
  });
}

function mapStyle(): cytoscape.StylesheetJson {
  const font = getComputedStyle(document.body).fontFamily;
  return [
    {
      selector: 'node',
      style: {
        'background-color': 'data(colour)',
        width: 'data(size)',
        height: 'data(size)',
        label: 'data(label)',
        'font-family': font,
        'font-size': 10,
        color: '#1f2328',
        'text-valign': 'center',
        'text-halign': 'center',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.6,
        'text-background-padding': '1px',
        'text-max-width': '110px',
        'text-wrap': 'ellipsis',
        'border-width': 1,
        'border-color': '#ffffff',
      },
    },
    { selector: 'node.selected', style: { 'border-width': 3, 'border-color': '#1f2328', 'font-weight': 'bold', 'z-index': 10 } },
    { selector: 'edge', style: { width: 'data(width)', 'line-color': '#b9bec6', opacity: 0.55, 'curve-style': 'haystack' } },
  ] as unknown as cytoscape.StylesheetJson;
}
