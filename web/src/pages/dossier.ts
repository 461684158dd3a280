// `/dossier/ID?from=YYYY-MM-DD&to=YYYY-MM-DD` (issue 16): one report on a mineral, a group or
// concept:critical-minerals — its names, U.S. measures by administration, China's measures, the
// timeline chart (drawn by lode as SVG: `chart_svg`), the literature, the counts and the
// commands that list the same documents. Everything shown is in `lode dossier ID --json`.

import { api, seg, type Status } from '../api';
import { quote, section, statusView, table, num } from '../components';
import { add, h, type Child } from '../dom';
import { formatNumber, label, lang } from '../i18n';
import { href, idLink } from '../links';
import { navigate, setTitle, type PageContext } from '../router';

interface Linked {
  id: string;
  name: string;
  zh?: string;
  date?: string;
  /** Directs items: the sentence tasking the body and its byte offset (null: none). */
  evidence?: string;
  evidence_at?: number | null;
}
interface Measure {
  id: string;
  title: string;
  kind: string;
  date: string;
  jurisdiction: string;
  via: 'direct' | 'member' | 'group' | 'category';
  via_entity: string;
  evidence: string;
  /** Byte offset of the evidence in the document's text (null: none): the link's #at- anchor. */
  evidence_at?: number | null;
  status: Status;
  directs: Linked[];
  versions: string[];
}
interface Administration {
  label: string;
  documents: number;
  direct: number;
  measures: Measure[];
}
interface Paper {
  id: string;
  title: string;
  date: string;
  language: string;
  authors: string[];
  cited_by: number;
  via: 'names' | 'cites';
  cites: string[];
  evidence: string;
  cluster: number;
}
interface Gap {
  side: string;
  name: string;
  date: string;
  citation: string;
  query: string;
  in_index: boolean;
  found: string[];
}
export interface DossierResult {
  subject: {
    id: string;
    name: string;
    zh: string[];
    lists: { list: string; year: number; citation: string }[];
    groups: string[];
    categories: string[];
    members: { id: string; zh: string }[];
  };
  from: string;
  to: string;
  status_on: string;
  us: { administrations: Administration[]; unattributed: Measure[] };
  china: Measure[];
  sequences: { first: string; first_date: string; second: string; second_date: string; first_side: string; second_side: string; days: number }[];
  literature: { total: number; clusters: number; truncated: boolean; papers: Paper[] };
  counts: Record<string, number | Record<string, number>>;
  commands: { section: string; command: string; lists: string }[];
  gaps: Gap[];
  notes: string[];
  chart_svg: string;
}

// The page's words, English and Chinese (the rest of the UI's are in i18n.ts).
const WORDS = {
  en: {
    title: 'Dossier: {name}',
    s1: '1. The mineral',
    s2: '2. United States, by administration',
    s3: '3. China',
    s4: '4. Timeline',
    s5: '5. Literature',
    s6: '6. Counts and the commands that list them',
    none: 'None in this index.',
    chinese: 'Chinese',
    lists: 'Lists',
    belongs: 'Belongs to',
    members: 'Members',
    naming: '{n} documents, {d} naming it itself',
    unattributed: 'No administration (undated Code sections, bills)',
    names: 'names it',
    group: 'names its group',
    category: 'names the category',
    tasks: 'tasks',
    inText: 'in the text',
    member: 'names its member',
    versions: 'versions',
    gaps: 'Known instruments, searched for in this index',
    missing: 'not in this index',
    found: 'a search finds',
    sequence: 'Sequence pairs: a measure followed within 12 months by one of the other side naming the same mineral — a sequence in time, not a claim that one caused the other.',
    then: 'then',
    daysLater: '{n} days later',
    papers: '{n} papers name it or cite a measure above; {c} co-citation clusters',
    citedBy: 'cited by {n}',
    cluster: 'cluster {n}',
    cites: 'cites',
    from: 'From',
    to: 'To',
    apply: 'Apply',
    statusOn: 'Statuses on {date}',
    statusAll: 'Statuses as the index knows them',
    command: 'command',
    listsWhat: 'lists',
    sectionCol: 'section',
    documents: 'documents',
  },
  zh: {
    title: '档案：{name}',
    s1: '1. 矿产',
    s2: '2. 美国（按政府任期）',
    s3: '3. 中国',
    s4: '4. 时间线',
    s5: '5. 文献',
    s6: '6. 计数与列出同样文件的命令',
    none: '本索引中没有。',
    chinese: '中文名',
    lists: '名录',
    belongs: '属于',
    members: '成员',
    naming: '{n} 份文件，其中 {d} 份直接提及',
    unattributed: '无政府任期（无日期的法典条文、法案）',
    names: '直接提及',
    group: '提及其类别',
    category: '提及关键矿产',
    tasks: '责成',
    inText: '见原文',
    member: '提及其成员',
    versions: '版本',
    gaps: '已知文件（在本索引中检索）',
    missing: '本索引中没有',
    found: '检索到',
    sequence: '先后关系：一方的措施之后 12 个月内另一方出台提及同一矿产的措施——仅为时间先后，并非因果。',
    then: '之后',
    daysLater: '相隔 {n} 天',
    papers: '{n} 篇论文提及它或引用上述措施；{c} 个共被引聚类',
    citedBy: '被引 {n} 次',
    cluster: '聚类 {n}',
    cites: '引用',
    from: '起',
    to: '止',
    apply: '应用',
    statusOn: '效力状态截至 {date}',
    statusAll: '效力状态为索引所知的最新状态',
    command: '命令',
    listsWhat: '列出',
    sectionCol: '部分',
    documents: '文件',
  },
};
type Word = keyof typeof WORDS.en;
function w(key: Word, vars: Record<string, string | number> = {}): string {
  const s = (lang() === 'zh' ? WORDS.zh : WORDS.en)[key];
  return s.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
}

function measureItem(m: Measure): HTMLElement {
  const via =
    m.via === 'direct' ? w('names') : [m.via === 'member' ? w('member') : m.via === 'group' ? w('group') : w('category'), ' ', idLink(m.via_entity)];
  return h(
    'li',
    { class: `measure ${m.status.in_force ? 'in-force' : 'not-in-force'}`, 'data-id': m.id },
    h('div', { class: 'trace-date' }, m.date ? h('time', { datetime: m.date }, m.date) : '—'),
    h(
      'div',
      { class: 'trace-body' },
      h('h4', null, idLink(m.id, m.title || m.id)),
      h(
        'div',
        { class: 'meta' },
        h('code', { class: 'id' }, m.id),
        ' · ',
        label('kind', m.kind),
        m.jurisdiction === 'intl' ? ' (joint)' : null,
        ' · ',
        via,
        ' · ',
        statusView(m.status),
      ),
      m.directs.length
        ? h('div', { class: 'directs small' }, `${w('tasks')}: `, m.directs.map((a, i) => [i ? ', ' : '', idLink(a.id, a.zh ? `${a.name} (${a.zh})` : a.name)]))
        : null,
      m.versions.length > 1 ? h('div', { class: 'small' }, `${w('versions')}: `, m.versions.map((v, i) => [i ? ', ' : '', idLink(v, v)])) : null,
      evidenceQuote(m.id, m.evidence, m.evidence_at),
      // China's measures: each body tasked with the sentence tasking it.
      m.jurisdiction === 'cn' && m.directs.some((a) => a.evidence)
        ? h(
            'ul',
            { class: 'tasked plain small' },
            m.directs
              .filter((a) => a.evidence)
              .map((a) => h('li', null, `${w('tasks')} `, idLink(a.id, a.zh ? `${a.name} (${a.zh})` : a.name), evidenceQuote(m.id, a.evidence ?? '', a.evidence_at, 'zh-Hans'))),
          )
        : null,
    ),
  );
}

/** The evidence sentence, with a link to it in its document (/doc/ID#at-OFFSET). */
function evidenceQuote(id: string, text: string, at: number | null | undefined, lang?: string): HTMLElement | null {
  if (!text) return null;
  return h(
    'blockquote',
    { class: 'evidence', lang },
    text,
    typeof at === 'number' ? [' ', h('a', { class: 'at', href: href.docAt(id, at) }, w('inText'))] : null,
  );
}

function measureList(list: Measure[]): HTMLElement {
  return h('ol', { class: 'trace-list' }, list.map((m) => measureItem(m)));
}

function gapList(gaps: Gap[], side: string): Child {
  const mine = gaps.filter((g) => g.side === side);
  if (!mine.length) return null;
  return [
    h('h3', null, w('gaps')),
    h(
      'ul',
      { class: 'gaps' },
      mine.map((g) =>
        h(
          'li',
          null,
          `${g.date} ${g.name}, ${g.citation}: `,
          g.in_index ? [w('found'), ' ', g.found.map((id, i) => [i ? ', ' : '', idLink(id, id)])] : h('strong', null, w('missing')),
          ' (',
          h('code', null, `lode search '${g.query}'`),
          ')',
        ),
      ),
    ),
  ];
}

function counts(title: string, m: Record<string, number>): HTMLElement {
  return table([title, { text: w('documents'), num: true }], Object.entries(m).map(([k, n]) => [k, num(n)]));
}

export default async function dossier({ root, params, query, signal }: PageContext): Promise<void> {
  const id = params[0];
  const from = query.get('from') ?? '';
  const to = query.get('to') ?? '';
  const r = await api<DossierResult>(`dossier/${seg(id)}`, { from, to }, signal);
  const name = r.subject.name || r.subject.id;
  setTitle(w('title', { name }));
  const none = () => h('p', { class: 'muted none' }, w('none'));

  const fromInput = h('input', { id: 'dossier-from', name: 'from', type: 'date', value: from }) as HTMLInputElement;
  const toInput = h('input', { id: 'dossier-to', name: 'to', type: 'date', value: to }) as HTMLInputElement;
  const controls = h(
    'form',
    {
      class: 'controls',
      onsubmit: (ev: Event) => {
        ev.preventDefault();
        navigate(href.dossier(r.subject.id, { from: fromInput.value || undefined, to: toInput.value || undefined }));
      },
    },
    h('div', { class: 'field' }, h('label', { for: 'dossier-from' }, w('from')), fromInput),
    h('div', { class: 'field' }, h('label', { for: 'dossier-to' }, w('to')), toInput),
    h('button', { type: 'submit' }, w('apply')),
  );

  const s = r.subject;
  const mineral = section(
    w('s1'),
    h(
      'ul',
      null,
      h('li', null, idLink(s.id, s.id)),
      h('li', null, `${w('chinese')}: `, s.zh.join('、') || '—'),
      h('li', null, `${w('lists')}: `, s.lists.map((l) => `${l.list} (${l.year}, ${l.citation})`).join('; ') || '—'),
      s.groups.length + s.categories.length ? h('li', null, `${w('belongs')}: `, [...s.groups, ...s.categories].map((g, i) => [i ? ', ' : '', idLink(g)])) : null,
      s.members.length ? h('li', null, `${w('members')} (${s.members.length}): `, s.members.map((m, i) => [i ? ', ' : '', idLink(m.id), m.zh ? ` ${m.zh}` : ''])) : null,
      r.notes.map((n) => h('li', { class: 'muted' }, n)),
    ),
  );

  const us = section(
    w('s2'),
    r.us.administrations.length || r.us.unattributed.length
      ? [
          r.us.administrations.map((a) => [h('h3', null, a.label, ' — ', h('span', { class: 'muted' }, w('naming', { n: formatNumber(a.documents), d: formatNumber(a.direct) }))), measureList(a.measures)]),
          r.us.unattributed.length ? [h('h3', null, w('unattributed'), ` (${r.us.unattributed.length})`), measureList(r.us.unattributed)] : null,
        ]
      : none(),
    gapList(r.gaps, 'us'),
  );

  const china = section(w('s3'), r.china.length ? measureList(r.china) : none(), gapList(r.gaps, 'cn'));

  const chart = h('div', { class: 'dossier-chart-wrap', style: 'overflow-x:auto' });
  chart.innerHTML = r.chart_svg; // drawn by lode from the index, every text escaped there
  // The chart's links are SVG <a> elements (their href is not a string): route them here.
  chart.addEventListener('click', (ev) => {
    const a = (ev.target as Element | null)?.closest?.('a');
    const target = a?.getAttribute('href');
    if (!a || !target || ev.button !== 0 || ev.metaKey || ev.ctrlKey) return;
    ev.preventDefault();
    navigate(target);
  });
  const timeline = section(
    w('s4'),
    chart,
    h('p', { class: 'small' }, w('sequence')),
    r.sequences.length
      ? h(
          'ul',
          { class: 'sequences' },
          r.sequences.map((q) =>
            h('li', null, idLink(q.first, q.first), ` (${q.first_date}) `, w('then'), ' ', idLink(q.second, q.second), ` (${q.second_date}), `, w('daysLater', { n: q.days })),
          ),
        )
      : none(),
  );

  const lit = r.literature;
  const literature = section(
    w('s5'),
    h('p', null, w('papers', { n: formatNumber(lit.total), c: formatNumber(lit.clusters) })),
    lit.papers.length
      ? h(
          'ol',
          { class: 'papers' },
          lit.papers.map((p) =>
            h(
              'li',
              null,
              idLink(p.id, p.title || p.id),
              p.date ? ` (${p.date.slice(0, 4)})` : '',
              p.authors.length ? `, ${p.authors.join('; ')}` : '',
              ' — ',
              w('citedBy', { n: p.cited_by }),
              p.cluster ? [', ', w('cluster', { n: p.cluster })] : null,
              p.cites.length ? ['; ', w('cites'), ' ', p.cites.map((c, i) => [i ? ', ' : '', idLink(c, c)])] : null,
              quote(p.evidence),
            ),
          ),
        )
      : none(),
  );

  const c = r.counts as Record<string, Record<string, number>>;
  const checks = section(
    w('s6'),
    h('div', { class: 'dossier-counts' }, counts('administration', c.by_administration), counts('jurisdiction', c.by_jurisdiction), counts('kind', c.by_kind), counts('via', c.by_via)),
    table(
      [w('sectionCol'), w('command'), w('listsWhat')],
      r.commands.map((x) => [x.section, h('code', null, x.command), x.lists]),
    ),
  );

  add(
    root,
    h('h1', { tabindex: '-1' }, w('title', { name })),
    h('p', { class: 'meta' }, r.status_on ? w('statusOn', { date: r.status_on }) : w('statusAll')),
    controls,
    mineral,
    us,
    china,
    timeline,
    literature,
    checks,
  );
}
