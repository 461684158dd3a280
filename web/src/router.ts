// Client-side routing with the History API. Every page's state is in its URL (path + query), so
// a page renders the same when opened directly, bookmarked or shared; the server answers these
// paths with index.html. Same-origin link clicks are turned into pushState navigations.

import { clear, h } from './dom';
import { t } from './i18n';
import { ApiError } from './api';

export interface PageContext {
  /** Decoded path parameters (the id). */
  params: string[];
  query: URLSearchParams;
  /** Aborted when the user navigates away; pass it to api(). */
  signal: AbortSignal;
  root: HTMLElement;
  /** Runs `fn` once the page is in the document (for libraries that measure their container). */
  mounted: (fn: () => void) => void;
}
export type Page = (ctx: PageContext) => Promise<void>;

export interface Route {
  pattern: RegExp;
  page: () => Promise<Page>;
}

let routes: Route[] = [];
let controller: AbortController | null = null;
let lastPath = '';
let root: HTMLElement;
let onChange: () => void = () => {};

/** Starts routing into `rootEl`; `changed` runs at every navigation (to mark the current nav entry). */
export function startRouter(rootEl: HTMLElement, table: Route[], changed?: () => void): void {
  root = rootEl;
  routes = table;
  if (changed) onChange = changed;
  document.addEventListener('click', onClick);
  window.addEventListener('popstate', () => void render());
  void render();
}

/** Go to a URL of the app; `replace` keeps the history entry (for in-page state changes). */
export function navigate(url: string, opts: { replace?: boolean } = {}): void {
  if (opts.replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  void render();
}

/** Re-render the current URL (after a language switch). */
export function rerender(): void {
  void render();
}

function onClick(ev: MouseEvent): void {
  if (ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
  const a = (ev.target as Element | null)?.closest?.('a');
  if (!a || a.hasAttribute('download') || (a.target && a.target !== '_self')) return;
  const url = new URL(a.href, location.href);
  if (url.origin !== location.origin || url.pathname.startsWith('/api/')) return;
  if (url.pathname === location.pathname && url.search === location.search && url.hash) return;
  ev.preventDefault();
  navigate(url.pathname + url.search + url.hash);
}

async function render(): Promise<void> {
  controller?.abort();
  controller = new AbortController();
  const { signal } = controller;
  onChange();
  const path = location.pathname;
  const samePage = path === lastPath;
  const firstRender = lastPath === '';
  const focusedId = samePage ? (document.activeElement as HTMLElement | null)?.id : undefined;
  const scroll = window.scrollY;
  lastPath = path;

  let page: Page | null = null;
  let params: string[] = [];
  for (const r of routes) {
    const m = r.pattern.exec(path);
    if (m) {
      params = m.slice(1).map((p) => (p === undefined ? '' : safeDecode(p)));
      page = await r.page();
      break;
    }
  }
  const next = h('div', { class: 'page' });
  const afterMount: (() => void)[] = [];
  try {
    if (!page) {
      next.append(h('h1', { tabindex: '-1' }, t('common.notFound')), h('p', null, t('error.page')));
      document.title = `${t('common.notFound')} · ${t('app.name')}`;
    } else {
      root.setAttribute('aria-busy', 'true');
      await page({
        params,
        query: new URLSearchParams(location.search),
        signal,
        root: next,
        mounted: (fn) => afterMount.push(fn),
      });
    }
  } catch (e) {
    if ((e as Error).name === 'AbortError' || signal.aborted) return;
    next.append(errorBox(e));
  } finally {
    if (!signal.aborted) root.removeAttribute('aria-busy');
  }
  if (signal.aborted) return;
  clear(root);
  root.append(next);
  for (const fn of afterMount) fn();
  if (samePage) {
    window.scrollTo(0, scroll);
    const el = focusedId ? document.getElementById(focusedId) : null;
    if (el) el.focus();
  } else if (!firstRender) {
    // After a navigation, start at the new page's heading (as a page load starts at the top).
    window.scrollTo(0, 0);
    root.querySelector<HTMLElement>('h1')?.focus({ preventScroll: true });
  }
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** An error as a page shows it: the API's message and code, never a stack. */
export function errorBox(e: unknown): HTMLElement {
  const api = e instanceof ApiError ? e : null;
  const heading = api?.status === 404 ? t('common.notFound') : t('common.error');
  return h(
    'div',
    { class: 'error', role: 'alert' },
    h('h1', { tabindex: '-1' }, heading),
    h('p', null, api ? api.message : String((e as Error)?.message ?? e)),
    api ? h('p', { class: 'muted' }, `HTTP ${api.status} · ${api.code}`) : null,
  );
}

export function setTitle(...parts: string[]): void {
  document.title = [...parts.filter(Boolean), t('app.name')].join(' · ');
}
