// The application shell: header with navigation and the language switch, the page area, and the
// route table. Pages that need a big library (the graph, the charts) are loaded on first use.

import './style.css';
import { clear, h } from './dom';
import { initLang, lang, setLang, t, type Lang } from './i18n';
import { rerender, startRouter, type Route } from './router';

// The URL scheme (web/README.md). The server answers each of these paths with index.html.
const routes: Route[] = [
  { pattern: /^\/$/, page: () => import('./pages/home').then((m) => m.default) },
  { pattern: /^\/search\/?$/, page: () => import('./pages/search').then((m) => m.default) },
  { pattern: /^\/doc\/(.+)$/, page: () => import('./pages/doc').then((m) => m.default) },
  { pattern: /^\/entity\/(.+)$/, page: () => import('./pages/entity').then((m) => m.default) },
  { pattern: /^\/trace\/(.+)$/, page: () => import('./pages/trace').then((m) => m.default) },
  { pattern: /^\/timeline(?:\/(.+))?\/?$/, page: () => import('./pages/timeline').then((m) => m.default) },
  { pattern: /^\/graph\/(.+)$/, page: () => import('./pages/graph').then((m) => m.default) },
  { pattern: /^\/papers\/(.+)$/, page: () => import('./pages/papers').then((m) => m.default) },
  { pattern: /^\/dossier\/(.+)$/, page: () => import('./pages/dossier').then((m) => m.default) },
  { pattern: /^\/map(?:\/([a-z]+))?\/?$/, page: () => import('./pages/map').then((m) => m.default) },
];

// Navigation entries and the paths each one is "current" for; later pages (maps, dossiers) are
// added here.
const nav: { href: string; key: 'nav.search' | 'nav.timeline' | 'nav.map'; match: RegExp }[] = [
  { href: '/search', key: 'nav.search', match: /^\/(search|doc|entity|trace|graph|papers|dossier)(\/|$)/ },
  { href: '/timeline', key: 'nav.timeline', match: /^\/timeline(\/|$)/ },
  { href: '/map?type=keywords', key: 'nav.map', match: /^\/map(\/|$)/ },
];

function header(): HTMLElement {
  const switcher = h(
    'div',
    { class: 'lang', role: 'group', 'aria-label': t('nav.language') },
    (['en', 'zh'] as Lang[]).map((l) =>
      h(
        'button',
        {
          type: 'button',
          lang: l === 'zh' ? 'zh-Hans' : 'en',
          'aria-pressed': String(lang() === l),
          onclick: () => switchLang(l),
        },
        l === 'zh' ? '中文' : 'English',
      ),
    ),
  );
  return h(
    'div',
    { class: 'bar' },
    h('a', { class: 'brand', href: '/' }, h('span', { class: 'mark', 'aria-hidden': 'true' }, '◆'), t('app.name')),
    h(
      'nav',
      { 'aria-label': t('nav.main') },
      h(
        'ul',
        null,
        nav.map((n) =>
          h('li', null, h('a', { href: n.href, 'data-nav': n.href }, t(n.key))),
        ),
      ),
    ),
    switcher,
  );
}

function markCurrentNav(): void {
  for (const a of document.querySelectorAll<HTMLAnchorElement>('header nav a')) {
    const n = nav.find((x) => x.href === a.dataset.nav);
    if (n && n.match.test(location.pathname)) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
}

function renderShell(): void {
  const head = document.getElementById('site-header')!;
  clear(head);
  head.append(header());
  const skip = document.getElementById('skip')!;
  skip.textContent = t('nav.skip');
  const foot = document.getElementById('site-footer')!;
  clear(foot);
  foot.append(h('p', null, t('footer.api')));
  markCurrentNav();
}

function switchLang(l: Lang): void {
  if (l === lang()) return;
  setLang(l);
  const url = new URL(location.href);
  if (url.searchParams.has('lang')) {
    url.searchParams.set('lang', l);
    history.replaceState(null, '', url.pathname + url.search + url.hash);
  }
  renderShell();
  document.querySelector<HTMLButtonElement>(`.lang button[lang="${l === 'zh' ? 'zh-Hans' : 'en'}"]`)?.focus();
  rerender();
}

initLang();
renderShell();
startRouter(document.getElementById('main')!, routes, markCurrentNav);
