// `/entity/ID`: an entity's names in English and Chinese, its place in the knowledge base (is a,
// members, the lists that name it), the documents naming it and the entities named with it. A
// cited id (eo:13817) lists the documents citing it.

import { api, seg, type CooccurResult, type EntityResult } from '../api';
import { lazySection, num, section, table, when } from '../components';
import { add, h, type Child } from '../dom';
import { formatNumber, label, t } from '../i18n';
import { href, idLink, isEntity, nameFromId } from '../links';
import { setTitle, type PageContext } from '../router';

const DOCS = 50;

export default async function entity({ root, params, signal }: PageContext): Promise<void> {
  const e = await api<EntityResult>(`entity/${seg(params[0])}`, { limit: DOCS }, signal);
  const name = e.name || nameFromId(e.id);
  setTitle(name);
  const zhName = e.zh?.[0];
  const rows: [string, Child][] = [];
  if (e.aliases?.length) rows.push([t('entity.aliases'), e.aliases.join(', ')]);
  if (e.aliases_cs?.length) rows.push([t('entity.aliasesCs'), e.aliases_cs.join(', ')]);
  if (e.zh?.length) rows.push([t('entity.zh'), h('span', { lang: 'zh-Hans' }, e.zh.join('、'))]);
  if (e.is_a?.length) rows.push([t('entity.isA'), e.is_a.map((x, i) => [i ? ', ' : '', idLink(x)])]);
  if (e.parent) rows.push([t('entity.parent'), idLink(e.parent)]);
  if (e.lists?.length)
    rows.push([
      t('entity.lists'),
      h('ul', { class: 'plain' }, e.lists.map((l) => h('li', null, h('code', null, l.list), ` (${l.year}, ${l.citation})`))),
    ]);
  if (e.members.length) rows.push([t('entity.members'), e.members.map((m, i) => [i ? ', ' : '', idLink(m)])]);

  const traceable = e.type === 'mineral' || e.type === 'concept';
  const actions = h(
    'ul',
    { class: 'actions' },
    traceable ? h('li', null, h('a', { class: 'button', href: href.trace(e.id) }, t('entity.trace'))) : null,
    traceable ? h('li', null, h('a', { class: 'button secondary', href: href.dossier(e.id) }, t('entity.dossier'))) : null,
    h('li', null, h('a', { class: 'button secondary', href: href.timeline(e.id) }, t('doc.timelineView'))),
    h('li', null, h('a', { class: 'button secondary', href: href.graph(e.id) }, t('doc.graphView'))),
    h('li', null, h('a', { class: 'button secondary', href: href.search(isEntity(e.id) ? e.id : `cites:${e.id}`) }, t('entity.search'))),
    !isEntity(e.id) ? h('li', null, h('a', { class: 'button secondary', href: href.doc(e.id) }, t('common.document'))) : null,
  );

  const docs = e.documents;
  const docsTitle = isEntity(e.id) ? t('entity.documents', { n: formatNumber(docs.total) }) : t('entity.citing', { n: formatNumber(docs.total) });
  add(root, 
    h(
      'h1',
      { tabindex: '-1' },
      name,
      zhName && zhName !== name ? h('span', { class: 'zh-name', lang: 'zh-Hans' }, ` ${zhName}`) : null,
    ),
    h(
      'div',
      { class: 'meta' },
      h('code', { class: 'id' }, e.id),
      ' · ',
      label('type', e.type),
      !e.known ? [' · ', h('span', { class: 'muted' }, t('entity.notKb'))] : null,
    ),
    actions,
    h(
      'div',
      { class: 'with-aside' },
      h(
        'div',
        { class: 'main-col' },
        rows.length ? h('section', { class: 'block', 'aria-label': t('entity.title') }, h('dl', { class: 'meta-list' }, rows.map(([k, v]) => [h('dt', null, k), h('dd', null, v)]))) : null,
        section(
          docsTitle,
          docs.top.length < docs.total ? h('p', { class: 'muted small' }, t('common.showingOf', { shown: docs.top.length, total: docs.total })) : null,
          table(
            [{ text: isEntity(e.id) ? t('entity.mentions') : t('common.count'), num: true }, t('common.date'), t('common.document'), t('common.kind')],
            docs.top.map((d) => [num(d.count), when(d.date), h('a', { href: href.doc(d.id) }, d.title || d.id), label('kind', d.kind)]),
          ),
        ),
      ),
      h(
        'aside',
        { class: 'aside-col', 'aria-label': t('entity.cooccur') },
        isEntity(e.id)
          ? lazySection(
              t('entity.cooccur'),
              async () => {
                const c = await api<CooccurResult>(`cooccur/${seg(e.id)}`, { limit: 25 }, signal);
                return table(
                  [t('common.name'), { text: t('entity.shared'), num: true }, { text: t('entity.jaccard'), num: true }, { text: t('entity.lift'), num: true }],
                  c.cooccurs.map((x) => [idLink(x.id, x.name), num(x.shared), num(x.jaccard, 2), num(x.lift, 2)]),
                );
              },
              () =>
                h(
                  'ul',
                  { class: 'plain counts' },
                  e.cooccurs.map((x) => h('li', null, idLink(x.id, x.name), h('span', { class: 'count' }, ` ${x.documents}`))),
                ),
            )
          : null,
      ),
    ),
  );
}
