// `/timeline` and `/timeline/ID?year=…|president=…`: documents per year and per administration
// as bar charts (Chart.js); a bar, or a row of the table under it, lists its documents.

import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  LinearScale,
  Tooltip,
  type ChartEvent,
  type ActiveElement,
} from 'chart.js';
import { api, seg, type EntityResult, type TimelineResult } from '../api';
import { num, section, table, when } from '../components';
import { add, h } from '../dom';
import { formatNumber, label, t } from '../i18n';
import { href, idLink, nameFromId } from '../links';
import { navigate, setTitle, type PageContext } from '../router';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

const BAR = '#4a6f9c';
const BAR_ON = '#c0692b';
const BAR_UNDATED = '#a9b1ba';
const UNKNOWN = 'unknown';
const NONE = 'none';

export default async function timeline({ root, params, query, signal, mounted }: PageContext): Promise<void> {
  const id = params[0] ?? '';
  const year = query.get('year') ?? '';
  const president = query.get('president') ?? '';
  const r = await api<TimelineResult>(id ? `timeline/${seg(id)}` : 'timeline', { limit: 0 }, signal);
  const title = id ? t('timeline.of', { name: nameFromId(id) }) : t('timeline.all');
  setTitle(title, year || president);

  // Years in order with the gaps filled, so the axis is time; undated last.
  const dated = Object.keys(r.by_year).filter((y) => y !== UNKNOWN).map(Number).sort((a, b) => a - b);
  const years: string[] = [];
  if (dated.length) for (let y = dated[0]; y <= dated[dated.length - 1]; y++) years.push(String(y));
  if (r.by_year[UNKNOWN]) years.push(UNKNOWN);
  const yearCounts = years.map((y) => r.by_year[y] ?? 0);

  // Administrations in the order of their first document.
  const first = new Map<string, string>();
  for (const d of r.documents) {
    const p = d.president || NONE;
    if (d.date && (!first.has(p) || d.date < first.get(p)!)) first.set(p, d.date);
  }
  const presidents = Object.keys(r.by_president).sort((a, b) => {
    if (a === NONE) return 1;
    if (b === NONE) return -1;
    return (first.get(a) ?? '9999').localeCompare(first.get(b) ?? '9999');
  });
  const names = await presidentNames(presidents, signal);
  const presidentLabel = (p: string) => (p === NONE ? t('timeline.noPresident') : names.get(p) ?? nameFromId(p));

  const link = (q: Record<string, string>) => href.timeline(id || undefined, q);
  const selectYear = (y: string) => navigate(link(y === year ? {} : { year: y }), { replace: false });
  const selectPresident = (p: string) => navigate(link(p === president ? {} : { president: p }));

  const yearCanvas = h('canvas', { role: 'img', 'aria-label': `${t('timeline.byYear')}: ${years.map((y, i) => `${y} ${yearCounts[i]}`).join(', ')}` }) as HTMLCanvasElement;
  const presCanvas = h('canvas', { role: 'img', 'aria-label': `${t('timeline.byPresident')}: ${presidents.map((p) => `${presidentLabel(p)} ${r.by_president[p]}`).join(', ')}` }) as HTMLCanvasElement;

  const docs = r.documents.filter((d) => {
    if (year) return year === UNKNOWN ? !d.date : d.date.startsWith(year);
    if (president) return (d.president || NONE) === president;
    return true;
  });
  const filterText = year ? (year === UNKNOWN ? t('timeline.unknown') : year) : president ? presidentLabel(president) : '';

  add(root, 
    h('h1', { tabindex: '-1' }, title),
    h(
      'div',
      { class: 'meta' },
      id ? [idLink(id, id), ' · '] : null,
      t('timeline.total', { n: formatNumber(r.total) }),
      ' · ',
      h('span', { class: 'muted' }, t('timeline.clickHint')),
    ),
    h(
      'div',
      { class: 'charts' },
      section(
        t('timeline.byYear'),
        h('div', { class: 'chart-box wide' }, yearCanvas),
        h(
          'details',
          null,
          h('summary', null, t('timeline.table')),
          table(
            [t('timeline.year'), { text: t('common.documents'), num: true }],
            years.filter((y) => r.by_year[y]).map((y) => [h('a', { href: link({ year: y }), 'aria-current': y === year ? 'true' : undefined }, y === UNKNOWN ? t('timeline.unknown') : y), num(r.by_year[y])]),
          ),
        ),
      ),
      section(
        t('timeline.byPresident'),
        h('div', { class: 'chart-box' }, presCanvas),
        table(
          [t('timeline.president'), { text: t('common.documents'), num: true }],
          presidents.map((p) => [h('a', { href: link({ president: p }), 'aria-current': p === president ? 'true' : undefined }, presidentLabel(p)), num(r.by_president[p])]),
        ),
      ),
    ),
    section(
      filterText ? t('timeline.filtered', { n: formatNumber(docs.length), filter: filterText }) : t('common.documents'),
      filterText ? h('p', null, h('a', { href: link({}) }, t('common.clear'))) : null,
      table(
        [t('common.date'), t('common.document'), t('common.kind'), t('timeline.president')],
        docs.map((d) => [
          d.date ? when(d.date) : h('span', { class: 'muted' }, t('common.undated')),
          [h('a', { href: href.doc(d.id) }, d.name || d.id), ' ', h('code', { class: 'id small' }, d.id)],
          label('kind', d.kind),
          d.president ? presidentLabel(d.president) : '',
        ]),
        { limit: 200 },
      ),
    ),
  );

  // Charts are drawn once the canvases are in the document (Chart.js measures its parent).
  mounted(() => {
    bars(yearCanvas, years.map((y) => (y === UNKNOWN ? t('timeline.unknown') : y)), yearCounts, years.indexOf(year), years.indexOf(UNKNOWN), (i) => selectYear(years[i]), signal);
    // On the chart "no president" is short; the table under it says what it holds.
    const chartLabel = (p: string) => (p === NONE ? t('common.none') : presidentLabel(p));
    bars(presCanvas, presidents.map(chartLabel), presidents.map((p) => r.by_president[p]), presidents.indexOf(president), presidents.indexOf(NONE), (i) => selectPresident(presidents[i]), signal, true);
  });
}

function bars(
  canvas: HTMLCanvasElement,
  labels: string[],
  data: number[],
  selected: number,
  muted: number,
  onPick: (i: number) => void,
  signal: AbortSignal,
  horizontal = false,
): void {
  const chart = new Chart(canvas, {
    type: 'bar',
    data: {
      labels,
      datasets: [{ data, backgroundColor: data.map((_, i) => (i === selected ? BAR_ON : i === muted ? BAR_UNDATED : BAR)), borderRadius: 2, maxBarThickness: 36 }],
    },
    options: {
      indexAxis: horizontal ? 'y' : 'x',
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      plugins: { legend: { display: false }, tooltip: { displayColors: false } },
      scales: {
        [horizontal ? 'x' : 'y']: { beginAtZero: true, ticks: { precision: 0 } },
        [horizontal ? 'y' : 'x']: { grid: { display: false }, ticks: { autoSkip: !horizontal, maxRotation: 60 } },
      },
      onClick: (_e: ChartEvent, els: ActiveElement[]) => {
        if (els.length) onPick(els[0].index);
      },
      onHover: (e: ChartEvent, els: ActiveElement[]) => {
        const target = e.native?.target as HTMLElement | undefined;
        if (target) target.style.cursor = els.length ? 'pointer' : 'default';
      },
    },
  });
  signal.addEventListener('abort', () => chart.destroy());
}

async function presidentNames(ids: string[], signal: AbortSignal): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  await Promise.all(
    ids
      .filter((p) => p !== NONE)
      .map(async (p) => {
        try {
          const e = await api<EntityResult>(`entity/${seg(p)}`, { limit: 0 }, signal);
          if (e.name) out.set(p, e.name);
        } catch (err) {
          if ((err as Error).name === 'AbortError') throw err;
        }
      }),
  );
  return out;
}
