// `/papers/ID`: a work's place in the citation network — what it cites, who cites it, what is
// cited together with it (co-citation) and who shares references with it (bibliographic
// coupling), with counts and Salton's cosine as `lode cocite` / `lode couple` give them.

import { api, ApiError, seg, type CitedByResult, type CitesResult, type RelatedResult, type ShowResult } from '../api';
import { exportPanel, lazySection, num, section, table, when } from '../components';
import { add, h } from '../dom';
import { label, t } from '../i18n';
import { href, idLink, metaLine } from '../links';
import { setTitle, type PageContext } from '../router';

const LIMIT = 50;

export default async function papers({ root, params, signal }: PageContext): Promise<void> {
  const id = params[0];
  let doc: ShowResult | null = null;
  try {
    doc = await api<ShowResult>(`show/${seg(id)}`, { no_text: true }, signal);
  } catch (e) {
    if (!(e instanceof ApiError && e.status === 404)) throw e;
  }
  const name = doc?.title || id;
  const canonical = doc?.id ?? id;
  setTitle(t('papers.title', { name }));

  const none = () => h('p', { class: 'muted' }, t('papers.none'));
  const citeTable = (list: CitesResult['citations']) =>
    list.length
      ? table(
          [t('common.document'), t('common.date'), t('papers.relations')],
          list.map((c) => [
            idLink(c.id, c.name, { showId: true, external: c.external }),
            when(c.date),
            c.relations.map((r) => label('edge', r)).join(', '),
          ]),
          { limit: 25 },
        )
      : none();
  const relatedTable = (r: RelatedResult) =>
    r.related.length
      ? [
          h('p', { class: 'muted small' }, `${t('papers.degree')}: ${r.degree}`),
          table(
            [t('common.document'), t('common.date'), { text: t('papers.shared'), num: true }, { text: t('papers.degree'), num: true }, { text: t('papers.cosine'), num: true }],
            r.related.map((x) => [idLink(x.id, x.name, { showId: true, external: x.external }), when(x.date), num(x.shared), num(x.degree), num(x.cosine, 3)]),
          ),
        ]
      : none();

  add(root, 
    h('h1', { tabindex: '-1' }, t('papers.title', { name })),
    doc ? metaLine({ id: doc.id, kind: doc.kind, date: doc.date, lang: doc.language, extra: [h('a', { href: href.doc(doc.id) }, t('common.document'))] }) : h('div', { class: 'meta' }, h('code', { class: 'id' }, id), ' · ', t('common.external')),
    doc?.authors.length ? h('p', { class: 'authors' }, doc.authors.join('; ')) : null,
    h(
      'div',
      { class: 'grid-2' },
      lazySection(t('papers.cites'), async () => citeTable((await api<CitesResult>(`cites/${seg(canonical)}`, {}, signal)).citations)),
      lazySection(t('papers.citedBy'), async () => citeTable((await api<CitedByResult>(`cited-by/${seg(canonical)}`, {}, signal)).cited_by)),
      lazySection(t('papers.cocite'), async () => relatedTable(await api<RelatedResult>(`cocite/${seg(canonical)}`, { limit: LIMIT }, signal))),
      lazySection(t('papers.couple'), async () => relatedTable(await api<RelatedResult>(`couple/${seg(canonical)}`, { limit: LIMIT }, signal))),
    ),
    section(t('export.title'), exportPanel({ around: canonical }, 'bibtex')),
    h('p', null, h('a', { href: href.graph(canonical) }, t('doc.graphView')), ' · ', h('a', { href: href.map({ type: 'keywords' }) }, t('papers.map'))),
  );
}
