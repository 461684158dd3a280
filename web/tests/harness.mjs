// What the browser tests need around them: an index of corpus/demo (plus the graph fixtures)
// built by the test, the server started from one command line, Debian's Chromium driven by
// playwright-core (no browser download), bounded waits, and processes killed at the end.
//
// Environment (all optional):
//   LODE_BIN              the lode binary (default build/query/lode)
//   LODE_WEB_DIST         the built UI (default build/web)
//   LODE_WEB_SHOTS        where screenshots go (default build/web-shots)
//   LODE_WEB_SERVER_CMD   the server, with {port} {index} {dist} {lode} {repo} filled in; default:
//                         the real one, '{lode} serve --index {index} --listen 127.0.0.1:{port} --web {dist} -q';
//                         the stand-in: 'node {repo}/web/tools/dev-api.mjs --listen 127.0.0.1:{port}
//                         --index {index} --root {dist} --lode {lode}'
//   CHROMIUM              the browser (default /usr/bin/chromium)
//   LODE_PYTHON           a Python with Debian's networkx and igraph (default /usr/bin/python3)

import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, mkdirSync, existsSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repo = path.resolve(here, '../..');

export const config = {
  lode: process.env.LODE_BIN || path.join(repo, 'build/query/lode'),
  dist: process.env.LODE_WEB_DIST || path.join(repo, 'build/web'),
  shots: process.env.LODE_WEB_SHOTS || path.join(repo, 'build/web-shots'),
  chromium: process.env.CHROMIUM || '/usr/bin/chromium',
  python: process.env.LODE_PYTHON || '/usr/bin/python3',
  serverCmd:
    process.env.LODE_WEB_SERVER_CMD || '{lode} serve --index {index} --listen 127.0.0.1:{port} --web {dist} -q',
};

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Fails early, naming what is missing, instead of timing out later. */
export function checkPrerequisites() {
  const missing = [];
  if (!existsSync(config.lode)) missing.push(`lode binary at ${config.lode} (build it: scripts/build.sh)`);
  if (!existsSync(path.join(config.dist, 'index.html'))) missing.push(`web UI at ${config.dist} (cd web && npm ci && npm run build)`);
  if (!existsSync(config.chromium)) missing.push(`Chromium at ${config.chromium} (apt-get install chromium)`);
  if (missing.length) throw new Error(`browser tests cannot run; missing:\n  ${missing.join('\n  ')}`);
}

export function tempDir(prefix) {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** lode ingest corpus/demo tests/fixtures/graph tests/fixtures/biblio (the maps' papers) into `dir`. */
export function buildIndex(dir) {
  const r = spawnSync(config.lode, ['ingest', path.join(repo, 'corpus/demo'), path.join(repo, 'tests/fixtures/graph'), path.join(repo, 'tests/fixtures/biblio'), '--index', dir, '-q'], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (r.status !== 0) throw new Error(`lode ingest failed (${r.status}): ${r.stderr}${r.stdout}`);
}

export async function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Starts the server command on a free loopback port and waits (bounded) until /api/stats answers. */
export async function startServer(index, { timeoutMs = 30_000 } = {}) {
  const port = await freePort();
  const fill = (s) =>
    s
      .replaceAll('{port}', String(port))
      .replaceAll('{index}', index)
      .replaceAll('{dist}', config.dist)
      .replaceAll('{lode}', config.lode)
      .replaceAll('{repo}', repo);
  const cmd = fill(config.serverCmd);
  const child = spawn('/bin/sh', ['-c', `exec ${cmd}`], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  let exited = null;
  child.on('exit', (code) => (exited = code));
  for (;;) {
    if (exited !== null) throw new Error(`server exited (${exited}) before answering: ${cmd}\n${output}`);
    try {
      const r = await fetch(`${url}/api/stats`, { signal: AbortSignal.timeout(2000) });
      if (r.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      stopProcess(child);
      throw new Error(`server did not answer /api/stats within ${timeoutMs} ms: ${cmd}\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, port, output: () => output, stop: () => stopProcess(child) };
}

/** SIGTERM to the process group, SIGKILL if it is still there after 3 s. */
export async function stopProcess(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((resolve) => child.once('exit', resolve));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }, 3000);
  await gone;
  clearTimeout(timer);
}

/** A fresh Chromium profile, 1366×768, downloads accepted. */
export async function launchBrowser() {
  const profile = tempDir('lode-chromium-');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: config.chromium,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1366, height: 768 },
    acceptDownloads: true,
    locale: 'en-US',
    timeout: 30_000,
  });
  context.setDefaultTimeout(10_000);
  context.setDefaultNavigationTimeout(15_000);
  return {
    context,
    close: async () => {
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export function shotPath(name) {
  mkdirSync(config.shots, { recursive: true });
  return path.join(config.shots, `${name}.png`);
}

/** Runs web/tests/read_export.py FORMAT FILE: what networkx / igraph / bibutils read. */
export function readExport(format, file) {
  const r = spawnSync(config.python, [path.join(here, 'read_export.py'), format, file], { encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`read_export.py ${format} failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout);
}
