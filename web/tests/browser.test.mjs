// Browser tests of the web UI (issue 12): a user's path through every page, in Debian's Chromium
// driven by playwright-core, against an index of corpus/demo and the graph fixtures built here.
// Elements are found by role and visible text; every wait is Playwright's auto-wait, bounded by
// the context's timeouts; no fixed sleeps. Screenshots of each page go to build/web-shots/.
//
//   node --test web/tests/          (after scripts/build.sh; see web/README.md)

import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  buildIndex,
  checkPrerequisites,
  launchBrowser,
  readExport,
  shotPath,
  startServer,
  tempDir,
} from './harness.mjs';

let tmp;
let server;
let browser;
let base;

before(async () => {
  checkPrerequisites();
  tmp = tempDir('lode-web-test-');
  buildIndex(path.join(tmp, 'index'));
  server = await startServer(path.join(tmp, 'index'));
  base = server.url;
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** A new tab that fails the test on any script error; console 404s (similar) are expected. */
async function open(url, { width = 1366, height = 768 } = {}) {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width, height });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.errors = errors;
  await page.goto(base + url);
  return page;
}

async function done(page, shot, { fullPage = false } = {}) {
  if (shot) {
    // The sections filled after the page shows (cited by, similar …) finish first.
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: shotPath(shot), fullPage });
  }
  assert.deepEqual(page.errors, [], 'no script errors');
  await page.close();
}

async function apiJson(p) {
  const r = await fetch(base + p);
  assert.equal(r.status, 200, `${p} answers 200`);
  return r.json();
}

const resultsStatus = (page) => page.getByRole('status').filter({ hasText: /match/ });

describe('search', () => {
  test('typing a query shows ranked results, honest totals and facets', async () => {
    const page = await open('/');
    const box = page.getByRole('searchbox', { name: 'Search' });
    await box.fill('lithium');
    await box.press('Enter');
    await page.waitForURL(/\/search\?q=lithium/);
    const expected = await apiJson('/api/search?q=lithium&limit=20&facets=1');
    await assertText(resultsStatus(page), new RegExp(`^${expected.total} documents match`));
    const titles = await page.locator('ol.hits > li h3').allInnerTexts();
    assert.deepEqual(titles, expected.hits.map((h) => h.title), 'hits in the ranked order the API gives');
    // Snippets keep the API's highlights as <mark>, and nothing else as markup.
    assert.ok((await page.locator('ol.hits mark').count()) >= expected.hits.length);
    const filters = page.getByRole('navigation', { name: 'Filters' });
    await filters.getByRole('heading', { name: 'Kind' }).waitFor();
    const lawCount = expected.facets.kind.law;
    await assertText(filters.getByRole('link', { name: /^law\s*\d+$/ }), new RegExp(`${lawCount}$`));
    await done(page, 'search');
  });

  test('a facet filters the results and can be removed again', async () => {
    const page = await open('/search?q=lithium');
    await resultsStatus(page).waitFor();
    await page.getByRole('navigation', { name: 'Filters' }).getByRole('link', { name: /^law\s*\d+$/ }).click();
    await page.waitForURL(/kind%3Alaw|kind:law/);
    const expected = await apiJson(`/api/search?q=${encodeURIComponent('lithium kind:law')}&limit=20`);
    await assertText(resultsStatus(page), new RegExp(`^${expected.total} documents? match`));
    const metas = await page.locator('ol.hits > li .meta').allInnerTexts();
    assert.equal(metas.length, expected.total);
    for (const m of metas) assert.match(m, /\blaw\b/, 'every hit is a law');
    await page.getByRole('link', { name: 'Remove filter kind:law' }).click();
    await page.waitForURL((u) => u.searchParams.get('q') === 'lithium');
    await done(page, 'search-facet');
  });

  test('pages exist only as far as the results go; sorting by date is in the URL', async () => {
    const q = 'critical';
    const all = await apiJson(`/api/search?q=${q}&limit=100`);
    assert.ok(all.total > 20, 'the fixture query fills more than one page');
    const page = await open(`/search?q=${q}&sort=date`);
    await resultsStatus(page).waitFor();
    const pager = page.getByRole('navigation', { name: 'Pages' });
    const pages = Math.ceil(all.total / 20);
    assert.equal(await pager.getByRole('link', { name: /^Page \d+$/ }).count(), pages - 1, 'one link per other page');
    await pager.getByRole('link', { name: 'Next' }).click();
    await page.waitForURL(/page=2/);
    await assertText(resultsStatus(page), new RegExp(`showing 21–${all.total}`));
    assert.match(page.url(), /sort=date/);
    const byDate = await apiJson(`/api/search?q=${q}&limit=20&offset=20&by_date=1`);
    assert.deepEqual(await page.locator('ol.hits > li h3').allInnerTexts(), byDate.hits.map((h) => h.title));
    await done(page);
  });

  test('the keyboard reaches the search box and Enter searches', async () => {
    const page = await open('/');
    await page.getByRole('heading', { level: 1, name: 'Search the index' }).waitFor();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Skip to content');
    let reached = false;
    for (let i = 0; i < 15 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.getAttribute('type') === 'search');
    }
    assert.ok(reached, 'Tab reaches the search box');
    await page.keyboard.type('gallium');
    await page.keyboard.press('Enter');
    await page.waitForURL(/q=gallium/);
    await resultsStatus(page).waitFor();
    await done(page);
  });
});

describe('document, entity, trace', () => {
  test('a document shows its text with entities and citations highlighted and linked', async () => {
    const page = await open('/doc/eo:99102');
    await page.getByRole('heading', { level: 1, name: 'Magnets for an Imaginary Grid' }).waitFor();
    const text = page.getByRole('region', { name: 'Text' });
    const mineral = text.getByRole('link', { name: 'neodymium' });
    await mineral.waitFor();
    assert.match(await mineral.getAttribute('class'), /hl-mineral/);
    const citation = text.getByRole('link', { name: 'Executive Order 99101' });
    assert.match(await citation.getAttribute('class'), /hl-citation/);
    // Relations with their sentence, and "cited by" from the graph.
    const rel = page.getByRole('region', { name: 'Relations' });
    await assertText(rel, /revokes[\s\S]*Executive Order 99101 of March 1, 2019, is hereby revoked\./i);
    await assertText(page.getByRole('region', { name: 'Cited by' }), /An Imaginary Review of Supply Chains/);
    // The server may not offer `similar` yet: the page says so instead of failing.
    await assertText(page.getByRole('region', { name: 'Similar documents' }), /.+/);
    await done(page, 'doc', { fullPage: true });

    const page2 = await open('/doc/eo:99102');
    await page2.getByRole('region', { name: 'Text' }).getByRole('link', { name: 'neodymium' }).click();
    await page2.waitForURL(/\/entity\/mineral:neodymium$/);
    await page2.getByRole('heading', { level: 1, name: /neodymium/ }).waitFor();
    await done(page2);
  });

  test('a Chinese document renders and highlights its Chinese names', async () => {
    const hit = (await apiJson(`/api/search?q=${encodeURIComponent('稀土 lang:zh')}&limit=1`)).hits[0];
    const page = await open(`/doc/${hit.id}`);
    await page.getByRole('heading', { level: 1, name: hit.title }).waitFor();
    // The entity names come from /api/entity: 稀土 is an alias of rare earth elements.
    await page.getByRole('region', { name: 'Text' }).locator('a.hl-mineral', { hasText: '稀土' }).first().waitFor();
    await done(page, 'doc-zh');
  });

  test('an entity shows its names in English and Chinese, lists and documents; then its trace', async () => {
    const e = await apiJson('/api/entity/mineral%3Alithium?limit=50');
    const page = await open('/entity/mineral:lithium');
    await page.getByRole('heading', { level: 1, name: /lithium/ }).waitFor();
    await assertText(page.locator('dl.meta-list'), new RegExp(e.zh[0]));
    await assertText(page.locator('dl.meta-list'), /usgs-2022/);
    await assertText(page.getByRole('region', { name: new RegExp(`^${e.documents.total} documents name it`) }), new RegExp(e.documents.top[0].title.slice(0, 30).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    await assertText(page.getByRole('region', { name: 'Named in the same documents' }), /nickel/);
    await done(page, 'entity');

    const p2 = await open('/entity/mineral:lithium');
    await p2.getByRole('link', { name: 'Trace: documents that affect it' }).click();
    await p2.waitForURL(/\/trace\/mineral:lithium$/);
    await p2.getByRole('heading', { level: 1, name: 'Trace: lithium' }).waitFor();
    await done(p2);
  });

  test('the trace follows the as-of date: an order revoked later is in force before, gone after', async () => {
    // eo:99101 (2019) names lithium and is revoked by eo:99102 on 2021-06-01.
    const page = await open('/trace/mineral:lithium');
    await page.getByRole('heading', { level: 1, name: 'Trace: lithium' }).waitFor();
    const all = await apiJson('/api/trace/mineral%3Alithium');
    await assertText(page.getByRole('status'), new RegExp(`^${all.documents.length} documents listed`));
    const item = page.locator('ol.trace-list > li', { hasText: 'Securing Imaginary Supplies of Lithium' });
    await assertText(item, /revoked by\s*eo:99102/);
    await page.getByLabel('In force on').fill('2020-06-01');
    await page.getByLabel('In force on').press('Enter');
    await page.waitForURL(/as_of=2020-06-01/);
    const before2021 = await apiJson('/api/trace/mineral%3Alithium?as_of=2020-06-01');
    await assertText(page.getByRole('status'), new RegExp(`^${before2021.documents.length} documents listed · in force on 2020-06-01`));
    await item.waitFor();
    await done(page, 'trace');

    const later = await open('/trace/mineral:lithium?as_of=2022-01-01');
    await assertText(later.getByRole('status'), /in force on 2022-01-01/);
    assert.equal(await later.locator('ol.trace-list > li', { hasText: 'Securing Imaginary Supplies of Lithium' }).count(), 0);
    assert.equal(await later.getByLabel('In force on').inputValue(), '2022-01-01', 'the URL state is in the control');
    await done(later);
  });
});

describe('timeline, graph, papers', () => {
  test('the timeline charts years and administrations; a row lists its documents', async () => {
    const t = await apiJson('/api/timeline/mineral%3Alithium?limit=0');
    const page = await open('/timeline/mineral:lithium');
    await page.getByRole('heading', { level: 1, name: /Timeline: lithium/ }).waitFor();
    await page.getByRole('img', { name: /Documents per year/ }).waitFor();
    const year = Object.keys(t.by_year).find((y) => y !== 'unknown' && t.by_year[y] >= 2) ?? Object.keys(t.by_year)[0];
    await done(page, 'timeline');

    const p2 = await open('/timeline/mineral:lithium');
    await p2.getByText('Counts as a table').click();
    await p2.getByRole('link', { name: year, exact: true }).click();
    await p2.waitForURL(new RegExp(`year=${year}`));
    await assertText(p2.getByRole('region', { name: new RegExp(`Showing ${t.by_year[year]} documents of ${year}`) }), /.+/);
    await done(p2);
  });

  test('the graph expands a node, says how many it shows, and undoes', async () => {
    const page = await open('/graph/eo:99102');
    await page.getByRole('heading', { level: 1, name: /Graph: Magnets for an Imaginary Grid/ }).waitFor();
    const status = page.getByRole('status');
    const root = await apiJson('/api/neighbors/eo%3A99102?depth=1&limit=40');
    await assertText(status, new RegExp(`Showing ${root.nodes.length + 1} nodes and \\d+ edges · .*${root.nodes.length} of ${root.total} neighbours shown`));
    const nodes = page.getByRole('complementary', { name: 'Nodes' });
    await nodes.getByRole('button', { name: /Securing Imaginary Supplies of Lithium/ }).click();
    await page.getByRole('button', { name: 'Expand', exact: true }).click();
    await page.waitForURL(/expand=eo(:|%3A)99101/);
    const more = await apiJson('/api/neighbors/eo%3A99101?depth=1&limit=40');
    const union = new Set([root.id, ...root.nodes.map((n) => n.id), ...more.nodes.map((n) => n.id)]);
    await assertText(status, new RegExp(`Showing ${union.size} nodes`));
    await done(page, 'graph');

    // The expansion is in the URL: opening it again shows the same graph; Undo takes it back.
    const again = await open(`/graph/eo:99102?expand=eo:99101`);
    await assertText(again.getByRole('status'), new RegExp(`Showing ${union.size} nodes`));
    await again.getByRole('complementary', { name: 'Nodes' }).getByRole('button', { name: /Securing Imaginary Supplies of Lithium/ }).click();
    await again.getByRole('button', { name: 'Collapse' }).click();
    await assertText(again.getByRole('status'), new RegExp(`Showing ${root.nodes.length + 1} nodes`));
    await again.getByRole('button', { name: 'Undo' }).click();
    await assertText(again.getByRole('status'), new RegExp(`Showing ${union.size} nodes`));
    // Filtering an edge type hides its edges.
    await again.getByLabel('mentions').uncheck();
    await assertText(again.getByRole('status'), new RegExp(`Showing (?!${union.size} )\\d+ nodes`));
    await done(again);
  });

  test('papers: co-citation and coupling with counts and cosines', async () => {
    const cc = await apiJson('/api/cocite/doi%3A10.5555%2Fjip.2015.3?limit=50');
    const page = await open('/papers/doi:10.5555%2Fjip.2015.3');
    await page.getByRole('heading', { level: 1, name: /Counting imaginary minerals/ }).waitFor();
    const region = page.getByRole('region', { name: /Co-citation/ });
    await assertText(region, new RegExp(cc.related[0].cosine.toFixed(3)));
    await assertText(page.getByRole('region', { name: /Cited by/ }), /Imaginary lithium supply/);
    await done(page, 'papers');
  });
});

describe('maps', () => {
  // issue 15: VOSviewer's network and overlay views in the browser.
  test('the keyword map draws the network by cluster with a legend, lists a node\'s papers, and recolours by year', async () => {
    const net = await apiJson('/api/network/keywords?min=2');
    assert.ok(net.nodes.length >= 2 && net.links.length >= 1, 'the fixture papers share keywords');
    const page = await open('/map?type=keywords');
    await page.getByRole('heading', { level: 1, name: 'Map: Keywords' }).waitFor();
    await assertText(page.getByRole('status'), new RegExp(`^${net.nodes.length} of ${net.items} items, ${net.links.length} links`));
    const canvas = page.locator('.map-canvas');
    await page.waitForFunction((n) => document.querySelector('.map-canvas')?.dataset.nodes === String(n), net.nodes.length);
    assert.equal(await canvas.getAttribute('data-edges'), String(net.links.length));
    // The legend names every cluster (up to the twelve coloured ones) with its size.
    const legend = page.locator('#map-legend');
    await assertText(legend, /Clusters/);
    const clusters = new Set(net.nodes.map((n) => n.cluster));
    assert.equal(await legend.locator('li').count(), Math.min(clusters.size, 13));
    // Nodes are drawn: their size follows occurrences, the drawing is on screen.
    const drawn = await page.evaluate(() => {
      const cy = document.querySelector('.map-canvas')._cyreg.cy;
      return cy.nodes().map((n) => ({ id: n.id(), w: n.width(), colour: n.data('colour'), pos: n.renderedPosition() }));
    });
    const byId = new Map(net.nodes.map((n) => [n.id, n]));
    const [big, small] = [...net.nodes].sort((a, b) => b.occurrences - a.occurrences).filter((n, i, a) => i === 0 || i === a.length - 1);
    if (big.occurrences > small.occurrences) assert.ok(drawn.find((d) => d.id === big.id).w > drawn.find((d) => d.id === small.id).w);
    // Click the most frequent keyword: its figures and a search listing exactly its papers.
    const box = await canvas.boundingBox();
    const target = drawn.find((d) => d.id === big.id);
    await page.mouse.click(box.x + target.pos.x, box.y + target.pos.y);
    const panel = page.locator('#map-selected');
    await panel.getByRole('heading', { level: 3, name: big.label }).waitFor();
    await panel.getByRole('link', { name: `Its ${big.occurrences} papers` }).waitFor();
    await done(page, 'map');

    const year = await open('/map?type=keywords');
    await year.waitForFunction(() => document.querySelector('.map-canvas')?.dataset.nodes !== undefined);
    await year.getByLabel('Colour by').selectOption('year');
    await year.waitForURL(/color=year/);
    const years = net.nodes.map((n) => n.avg_year).filter((y) => y !== null);
    await assertText(year.locator('#map-legend'), new RegExp(`Average publication year\\s*${Math.floor(Math.min(...years))}\\s*${Math.ceil(Math.max(...years))}`));
    const recoloured = await year.evaluate(() => document.querySelector('.map-canvas')._cyreg.cy.nodes().map((n) => [n.id(), n.data('colour')]));
    const oldest = [...net.nodes].filter((n) => n.avg_year !== null).sort((a, b) => a.avg_year - b.avg_year);
    const colourOf = new Map(recoloured);
    if (oldest[0].avg_year < oldest[oldest.length - 1].avg_year)
      assert.notEqual(colourOf.get(oldest[0].id), colourOf.get(oldest[oldest.length - 1].id), 'old and new keywords differ in colour');
    assert.ok(byId.size === recoloured.length);
    await done(year, 'map-year');

    // The paper search a node links to finds the papers the network counted.
    const search = await open(`/search?q=${encodeURIComponent(`entity:keyword:${big.id.replace(/\s+/g, '-')} kind:paper`)}`);
    await assertText(resultsStatus(search), new RegExp(`^${big.occurrences} documents match`));
    await done(search);
  });
});

describe('language and direct URLs', () => {
  test('the language switch turns the UI into Chinese, persists, and ?lang= works', async () => {
    const page = await open('/search?q=稀土');
    await resultsStatus(page).waitFor();
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '检索' }).waitFor();
    await assertText(page.getByRole('status'), /份文件匹配/);
    await page.reload();
    await page.getByRole('navigation', { name: '主导航' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-Hans');
    await done(page, 'search-zh');

    const en = await open('/doc/eo:99102?lang=en');
    await en.getByRole('region', { name: 'Text' }).waitFor();
    await en.close();
    const zh = await open('/entity/mineral:rare-earth-elements?lang=zh');
    await zh.getByRole('heading', { level: 1, name: /rare earth elements 稀土/ }).waitFor();
    await zh.getByText('中文名').waitFor();
    await done(zh, 'entity-zh');
    const back = await open('/?lang=en');
    await back.getByRole('heading', { level: 1, name: 'Search the index' }).waitFor();
    await back.close();
  });

  test('every page renders when opened directly, at 1920×1080 too', async () => {
    const urls = {
      home: ['/', 'Search the index'],
      search: ['/search?q=%22critical%20minerals%22%20kind%3Aexecutive_order', 'Search: "critical minerals" kind:executive_order'],
      doc: ['/doc/usc:30%2F1606', /30 U\.S\.C\. 1606|1606/],
      entity: ['/entity/agency:interior-department', /Department of the Interior/],
      trace: ['/trace/gallium?as_of=2024-12-31', 'Trace: gallium'],
      timeline: ['/timeline', 'Timeline of every document'],
      graph: ['/graph/mineral:gallium', /Graph: gallium/],
      papers: ['/papers/doi:10.5555%2Fjip.2018.6', /Imaginary lithium supply/],
      map: ['/map?type=coauthors&min=1&color=year', 'Map: Co-authors'],
    };
    for (const [name, [url, heading]] of Object.entries(urls)) {
      const page = await open(url, { width: 1920, height: 1080 });
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await done(page, `${name}-1920`);
    }
    const missing = await open('/doc/eo:1');
    await missing.getByRole('alert').getByRole('heading', { name: 'Not found' }).waitFor();
    await done(missing);
  });
});

describe('dossier', () => {
  // issue 16: the report of one mineral, with the chart lode draws.
  test('a dossier shows its six sections, one chart point per dated measure, and links to documents', async () => {
    const expected = await apiJson('/api/dossier/mineral%3Agallium');
    const page = await open('/dossier/mineral:gallium', { width: 1366, height: 900 });
    await page.getByRole('heading', { level: 1, name: 'Dossier: gallium' }).waitFor();
    for (const name of ['1. The mineral', '2. United States, by administration', '3. China', '4. Timeline', '5. Literature', '6. Counts and the commands that list them'])
      await page.getByRole('heading', { level: 2, name }).waitFor();
    // Each administration of the JSON is a heading, with its measures listed under it.
    for (const a of expected.us.administrations) await page.getByRole('heading', { level: 3, name: new RegExp(`^${a.label}`) }).waitFor();
    const measures = expected.us.administrations.reduce((n, a) => n + a.measures.length, 0) + expected.us.unattributed.length + expected.china.length;
    assert.equal(await page.locator('li.measure').count(), measures, 'every measure of the JSON is listed');
    const dated = [...expected.us.administrations.flatMap((a) => a.measures), ...expected.us.unattributed, ...expected.china].filter((m) => m.date).length;
    assert.equal(await page.locator('svg.dossier-chart circle.measure').count(), dated, 'one point per dated measure');
    // Empty sections say so; the 2023 export-control announcement is reported missing.
    assert.equal(await page.locator('p.none').count(), (expected.sequences.length ? 0 : 1) + (expected.literature.papers.length ? 0 : 1));
    await page.getByText(/export control on gallium- and germanium-related items/).waitFor();
    await page.screenshot({ path: shotPath('dossier'), fullPage: true });
    // A point of the chart opens its document in the app.
    const first = page.locator('svg.dossier-chart circle.measure').first();
    const id = await first.getAttribute('data-id');
    await first.click();
    await page.waitForURL((u) => decodeURIComponent(u.pathname) === `/doc/${id}`);
    await done(page);
  });

  // issue 16: "in the text" opens the document at its evidence sentence, marked and in view;
  // China's measures list each body tasked with the sentence tasking it.
  test('an evidence link jumps to its sentence in the document, and China lists the bodies tasked', async () => {
    const expected = await apiJson('/api/dossier/mineral%3Agallium');
    const page = await open('/dossier/mineral:gallium', { width: 1366, height: 900 });
    await page.getByRole('heading', { level: 2, name: '3. China' }).waitFor();
    const tasked = expected.china.flatMap((m) => m.directs.filter((a) => a.evidence).map((a) => ({ m, a })));
    assert.ok(tasked.length > 0, 'a Chinese measure of the demo corpus tasks a body');
    assert.equal(await page.locator('ul.tasked > li').count(), tasked.length, 'one line per body tasked');
    const { m, a } = tasked[0];
    const link = page.locator(`li.measure[data-id="${m.id}"] ul.tasked a.at`).first();
    const docPath = `/doc/${encodeURIComponent(m.id).replace(/%3A/gi, ':')}`;
    assert.equal(await link.getAttribute('href'), `${docPath}#at-${a.evidence_at}`);
    await link.click();
    await page.waitForURL((u) => u.hash === `#at-${a.evidence_at}`);
    const mark = page.locator(`mark.evidence-at#at-${a.evidence_at}`);
    await mark.waitFor();
    // The marked words are the sentence the dossier quoted (without its "…" ends), and on screen.
    const words = a.evidence.replace(/^… /, '').replace(/ …$/, '').slice(0, 12);
    assert.ok((await mark.textContent()).includes(words), `the mark holds "${words}"`);
    // The page paints again when the entities' other names arrive (and reveals the mark again):
    // ask for the box until it is in view, at most 5 s.
    let box = null;
    for (let i = 0; i < 50; i++) {
      box = await mark.boundingBox();
      if (box && box.y >= 0 && box.y < 900) break;
      await page.waitForTimeout(100);
    }
    assert.ok(box && box.y >= 0 && box.y < 900, `the sentence is in view (y ${box && box.y})`);
    await page.screenshot({ path: shotPath('doc-at-evidence') });
    // ?at= works as well as #at-.
    const again = await open(`${docPath}?at=${a.evidence_at}`, { width: 1366, height: 900 });
    await again.locator('mark.evidence-at').waitFor();
    await done(again);
    await done(page);
  });
});

describe('exports read back by real readers', () => {
  /** Picks a format in a page's export panel, clicks Download and saves the file. */
  async function download(page, formatLabel, buttonName = 'Download') {
    await page.getByLabel('Format').selectOption({ label: formatLabel });
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: buttonName }).click()]);
    const file = path.join(tmp, `${Date.now()}-${dl.suggestedFilename()}`);
    await dl.saveAs(file);
    return { file, name: dl.suggestedFilename() };
  }

  test('GraphML, GEXF and Pajek open in networkx and igraph with the nodes and edges of the JSON export', async () => {
    const json = await apiJson('/api/export?format=json&around=eo%3A99102&depth=1');
    const ids = json.nodes.map((n) => n.id).sort();
    const page = await open('/doc/eo:99102');
    const panel = page.getByRole('region', { name: 'Export' });
    await panel.waitFor();

    const graphml = await download(page, 'GraphML (Gephi, Cytoscape, yEd)');
    assert.match(graphml.name, /\.graphml$/);
    const g = readExport('graphml', graphml.file);
    assert.deepEqual(g.networkx.ids, ids);
    assert.equal(g.networkx.edges, json.edges.length);
    assert.deepEqual(g.igraph.ids, ids);
    assert.equal(g.igraph.edges, json.edges.length);
    assert.equal(g.networkx.names['eo:99102'], 'Magnets for an Imaginary Grid');

    const gexf = readExport('gexf', (await download(page, 'GEXF (Gephi)')).file);
    assert.deepEqual(gexf.networkx.ids, ids);
    assert.equal(gexf.networkx.edges, json.edges.length);

    const pajek = readExport('pajek', (await download(page, 'Pajek .net')).file);
    assert.deepEqual(pajek.networkx.ids, ids);
    assert.equal(pajek.networkx.edges, json.edges.length);
    assert.equal(pajek.igraph.edges, json.edges.length);

    const csv = await download(page, 'CSV (neo4j-admin import)', 'Download nodes');
    assert.match(csv.name, /-nodes\.csv$/);
    await done(page);
  });

  test('BibTeX and RIS open in bibutils with one record per document of the CSL-JSON export', async () => {
    const around = 'doi:10.5555/jip.2018.6';
    const csl = await apiJson(`/api/export?format=csl-json&around=${encodeURIComponent(around)}&depth=1`);
    const titles = csl.map((r) => r.title).sort();
    const page = await open(`/papers/${encodeURIComponent(around)}`);
    await page.getByRole('region', { name: 'Export' }).waitFor();
    const bib = readExport('bibtex', (await download(page, 'BibTeX')).file);
    assert.equal(bib.records, csl.length);
    assert.deepEqual(bib.titles.slice().sort(), titles);
    const ris = readExport('ris', (await download(page, 'RIS')).file);
    assert.equal(ris.records, csl.length);
    assert.deepEqual(ris.titles.slice().sort(), titles);
    await done(page);
  });
});

/** Waits (Playwright's auto-wait, bounded by the default timeout) until the locator's text matches. */
async function assertText(locator, re) {
  try {
    await locator.filter({ hasText: re }).first().waitFor();
  } catch {
    const last = await locator.first().innerText({ timeout: 1000 }).catch(() => '(not found)');
    assert.fail(`text ${JSON.stringify(last.replace(/\s+/g, ' ').trim())} does not match ${re}`);
  }
}
