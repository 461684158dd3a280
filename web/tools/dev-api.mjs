#!/usr/bin/env node
// A stand-in for `lode serve` until it exists: serves the built web UI and answers every
// /api/... request by running the real `lode` binary with --json. It has no dependencies beyond
// Node itself, binds loopback only, and is meant for development and the browser tests.
//
//   node web/tools/dev-api.mjs [--listen 127.0.0.1:8080] [--index DIR] [--root build/web] [--lode build/query/lode]
//
// ENDPOINTS below is the API contract in one table: for each path, the lode command, which query
// parameters map to which flags, and the caps. `lode serve` must answer the same requests with
// the same JSON (web/README.md, "What the server must provide").

import { spawn } from 'node:child_process';
import { createReadStream, promises as fs } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');

// ---------------------------------------------------------------------------------- contract
// path: ':id' is the rest of the path, percent-decoded (ids contain ':' and '/').
// args: the lode command line before the flags. flags: query parameter -> flag ('!' = boolean,
// given as 1 or true). caps: largest value accepted (over it: 413). defaults: flags always given.
export const ENDPOINTS = [
  { path: '/api/search', args: (q) => ['search', need(q, 'q')], flags: { limit: '--limit', offset: '--offset', facets: '--facets!', by_date: '--by-date!', any: '--any!' }, caps: { limit: 100, offset: 10000 }, required: ['q'], params: ['q'] },
  { path: '/api/show/:id', args: (q, id) => ['show', id], flags: { no_text: '--no-text!' } },
  { path: '/api/entity/:id', args: (q, id) => ['entity', id], flags: { limit: '--limit' }, caps: { limit: 500 } },
  { path: '/api/trace/:id', args: (q, id) => ['trace', id], flags: { as_of: '--as-of', kind: '--kind', via: '--via', limit: '--limit' } },
  { path: '/api/neighbors/:id', args: (q, id) => ['neighbors', id], flags: { depth: '--depth', edge: '--edge', type: '--type', limit: '--limit' }, caps: { limit: 500, depth: 3 }, defaults: { limit: '100' } },
  { path: '/api/path', args: (q) => ['path', need(q, 'from'), need(q, 'to')], flags: { edge: '--edge' }, required: ['from', 'to'], params: ['from', 'to'] },
  { path: '/api/cites/:id', args: (q, id) => ['cites', id], flags: {} },
  { path: '/api/cited-by/:id', args: (q, id) => ['cited-by', id], flags: {} },
  { path: '/api/rank', args: () => ['rank'], flags: { by: '--by', type: '--type', edge: '--edge', limit: '--limit' }, caps: { limit: 1000 } },
  { path: '/api/timeline', args: () => ['timeline'], flags: { type: '--type', limit: '--limit' } },
  { path: '/api/timeline/:id', args: (q, id) => ['timeline', id], flags: { type: '--type', limit: '--limit' } },
  { path: '/api/cooccur/:id', args: (q, id) => ['cooccur', id], flags: { type: '--type', limit: '--limit' }, caps: { limit: 500 } },
  { path: '/api/cocite/:id', args: (q, id) => ['cocite', id], flags: { type: '--type', limit: '--limit' }, caps: { limit: 500 } },
  { path: '/api/couple/:id', args: (q, id) => ['couple', id], flags: { type: '--type', limit: '--limit' }, caps: { limit: 500 } },
  { path: '/api/similar/:id', args: (q, id) => ['similar', id], flags: { limit: '--limit' }, caps: { limit: 100 } },
  { path: '/api/stats', args: () => ['stats'], flags: {} },
  { path: '/api/dossier/:id', args: (q, id) => ['dossier', id], flags: { from: '--from', to: '--to', papers: '--papers' }, caps: { papers: 500 } },
  { path: '/api/network/:id', args: (q, id) => ['network', id], flags: { min: '--min', query: '--query', limit: '--limit', max_per_paper: '--max-per-paper', fractional: '--fractional!', cluster: '--cluster', resolution: '--resolution', starts: '--starts', keywords: '--keywords', short_names: '--short-names!' }, caps: { limit: 500 }, defaults: { limit: '500' } },
  { path: '/api/bursts', args: () => ['bursts'], flags: { type: '--type', query: '--query', gamma: '--gamma', s: '--s', min: '--min', min_duration: '--min-duration', limit: '--limit', keywords: '--keywords', short_names: '--short-names!' }, caps: { limit: 1000 } },
  // A download. csv and vosviewer write two files: `part` picks one (nodes|relationships, map|network).
  { path: '/api/export', args: () => ['export'], flags: { format: '--format', around: '--around', depth: '--depth', query: '--query', edge: '--edge', limit: '--limit' }, caps: { depth: 3, limit: 5000 }, required: ['format'], params: ['part'], download: true },
];

// UI paths answered with index.html (the single-page app routes itself); /map and /dossier are
// the planned pages of issues 15 and 16.
const UI_PATHS = /^\/(?:$|search\/?$|doc\/.+|entity\/.+|trace\/.+|timeline(?:\/.*)?$|graph\/.+|papers\/.+|map(?:\/.*)?$|dossier\/.+)/;

export const DOWNLOADS = {
  graphml: { ext: 'graphml', type: 'application/graphml+xml; charset=utf-8' },
  gexf: { ext: 'gexf', type: 'application/gexf+xml; charset=utf-8' },
  dot: { ext: 'dot', type: 'text/vnd.graphviz; charset=utf-8' },
  json: { ext: 'json', type: 'application/json; charset=utf-8' },
  csv: { ext: 'csv', type: 'text/csv; charset=utf-8', parts: { nodes: '-nodes.csv', relationships: '-relationships.csv' } },
  pajek: { ext: 'net', type: 'text/plain; charset=utf-8' },
  vosviewer: { ext: 'txt', type: 'text/plain; charset=utf-8', parts: { map: '-map.txt', network: '-network.txt' } },
  bibtex: { ext: 'bib', type: 'application/x-bibtex; charset=utf-8' },
  ris: { ext: 'ris', type: 'application/x-research-info-systems; charset=utf-8' },
  'csl-json': { ext: 'json', type: 'application/vnd.citationstyles.csl+json; charset=utf-8' },
};

const STATIC_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

const TIME_LIMIT_MS = 30_000;
const MAX_PROCESSES = 4;
const MAX_URL = 8192;

// ---------------------------------------------------------------------------------- errors

class HttpError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}
function need(q, name) {
  const v = q.get(name);
  if (v === null || v === '') throw new HttpError(400, 'invalid_argument', `missing parameter ${name}`);
  return v;
}
const STATUS_OF_CODE = { invalid_argument: 400, not_found: 404, too_large: 413, corrupt: 503, timeout: 503, not_implemented: 404 };

// ---------------------------------------------------------------------------------- lode runner

let running = 0;
const waiting = [];
async function slot() {
  if (running < MAX_PROCESSES) {
    running++;
    return;
  }
  await new Promise((resolve) => waiting.push(resolve));
  running++;
}
function release() {
  running--;
  waiting.shift()?.();
}

async function runLode(opts, args) {
  await slot();
  try {
    return await new Promise((resolve) => {
      const child = spawn(opts.lode, args, { stdio: ['ignore', 'pipe', 'pipe'] });
      const out = [];
      const err = [];
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        child.kill('SIGKILL');
      }, TIME_LIMIT_MS);
      child.stdout.on('data', (d) => out.push(d));
      child.stderr.on('data', (d) => err.push(d));
      child.on('error', (e) => {
        clearTimeout(timer);
        resolve({ code: -1, stdout: Buffer.alloc(0), stderr: String(e.message), timedOut });
      });
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve({ code, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8'), timedOut });
      });
    });
  } finally {
    release();
  }
}

/** lode's answer as an HTTP error, or null when it succeeded. */
function lodeError(r, command) {
  if (r.timedOut) return new HttpError(503, 'timeout', `${command} took longer than ${TIME_LIMIT_MS / 1000} s`);
  if (r.code === 0) return null;
  if (r.code === -1) return new HttpError(503, 'error', `cannot run lode: ${r.stderr}`);
  const text = r.stdout.toString('utf8').trim();
  if (text.startsWith('{')) {
    try {
      const j = JSON.parse(text);
      if (j.error && j.code) {
        if (/^no index at /.test(j.error)) return new HttpError(503, 'not_available', j.error);
        return new HttpError(STATUS_OF_CODE[j.code] ?? 500, j.code, j.error);
      }
    } catch {
      /* fall through */
    }
  }
  const msg = r.stderr.split('\n').find((l) => l.trim()) ?? `lode exited with ${r.code}`;
  // CLI11 names a subcommand it does not know this way: an endpoint this lode lacks.
  if (/A subcommand is required|not expected/.test(msg) && r.code !== 0 && command !== 'export')
    return new HttpError(404, 'not_implemented', `this lode has no command ${command}`);
  return new HttpError(r.code === 2 ? 400 : 500, r.code === 2 ? 'invalid_argument' : 'error', msg.replace(/^lode: /, ''));
}

// ---------------------------------------------------------------------------------- handlers

function match(pathname) {
  for (const e of ENDPOINTS) {
    if (e.path.endsWith('/:id')) {
      const base = e.path.slice(0, -3);
      if (pathname.startsWith(base) && pathname.length > base.length) {
        let id;
        try {
          id = decodeURIComponent(pathname.slice(base.length));
        } catch {
          throw new HttpError(400, 'invalid_argument', 'bad percent-encoding in the id');
        }
        return { e, id };
      }
    } else if (pathname === e.path) {
      return { e, id: '' };
    }
  }
  return null;
}

function flagsFor(e, q) {
  const out = [];
  const known = new Set([...Object.keys(e.flags), ...(e.params ?? [])]);
  for (const key of q.keys()) {
    if (!known.has(key)) throw new HttpError(400, 'invalid_argument', `unknown parameter ${key} for ${e.path}`);
  }
  for (const [key, flag] of Object.entries(e.flags)) {
    let v = q.get(key);
    if ((v === null || v === '') && e.defaults?.[key] !== undefined) v = e.defaults[key];
    if (v === null || v === '') continue;
    if (flag.endsWith('!')) {
      if (v === '1' || v === 'true') out.push(flag.slice(0, -1));
      else if (v !== '0' && v !== 'false') throw new HttpError(400, 'invalid_argument', `${key} takes 1 or 0`);
      continue;
    }
    const cap = e.caps?.[key];
    if (cap !== undefined) {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0) throw new HttpError(400, 'invalid_argument', `${key} must be a whole number`);
      if (n > cap) throw new HttpError(413, 'too_large', `${key}=${v} is over this server's cap of ${cap}`);
    }
    out.push(flag, v);
  }
  return out;
}

async function handleApi(opts, url, res) {
  const m = match(url.pathname);
  if (!m) throw new HttpError(404, 'not_found', `no endpoint ${url.pathname}`);
  const { e, id } = m;
  const q = url.searchParams;
  for (const r of e.required ?? []) need(q, r);
  const base = e.args(q, id);
  const flags = flagsFor(e, q);
  const command = base[0];
  if (!e.download) {
    const r = await runLode(opts, [...base, ...flags, '--index', opts.index, '--json']);
    const err = lodeError(r, command);
    if (err) throw err;
    return send(res, 200, 'application/json; charset=utf-8', r.stdout);
  }
  // Downloads: stdout, or the requested part of a two-file format.
  const format = q.get('format');
  const d = DOWNLOADS[format];
  if (!d) throw new HttpError(400, 'invalid_argument', `unknown export format ${format}`);
  const part = q.get('part') ?? '';
  const name = `lodestone-${slug(q.get('around') || q.get('query') || 'graph')}`;
  let body;
  let filename = `${name}.${d.ext}`;
  if (d.parts) {
    if (!d.parts[part]) throw new HttpError(400, 'invalid_argument', `format ${format} needs part=${Object.keys(d.parts).join('|')}`);
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'lode-export-'));
    try {
      const r = await runLode(opts, [...base, ...flags, '-o', path.join(dir, 'x'), '--index', opts.index, '--json']);
      const err = lodeError(r, command);
      if (err) throw err;
      body = await fs.readFile(path.join(dir, `x${d.parts[part]}`));
      filename = `${name}${d.parts[part]}`;
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  } else {
    if (part) throw new HttpError(400, 'invalid_argument', `format ${format} has no parts`);
    const r = await runLode(opts, [...base, ...flags, '--index', opts.index, '--json']);
    const err = lodeError(r, command);
    if (err) throw err;
    body = r.stdout;
  }
  return send(res, 200, d.type, body, { 'Content-Disposition': `attachment; filename="${filename}"` });
}

function slug(s) {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'graph';
}

async function handleStatic(opts, url, res) {
  let rel;
  try {
    rel = decodeURIComponent(url.pathname);
  } catch {
    rel = '/';
  }
  const file = path.join(opts.root, path.normalize(rel).replace(/^(\.\.[/\\])+/, ''));
  if (file.startsWith(opts.root + path.sep) && !UI_PATHS.test(url.pathname)) {
    const st = await fs.stat(file).catch(() => null);
    if (st?.isFile()) {
      const immutable = url.pathname.startsWith('/assets/');
      res.writeHead(200, {
        'Content-Type': STATIC_TYPES[path.extname(file)] ?? 'application/octet-stream',
        'Content-Length': st.size,
        'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
        'X-Content-Type-Options': 'nosniff',
      });
      return createReadStream(file).pipe(res);
    }
  }
  if (UI_PATHS.test(url.pathname)) {
    const index = await fs.readFile(path.join(opts.root, 'index.html')).catch(() => null);
    if (!index) return send(res, 503, 'text/plain; charset=utf-8', `no web UI built at ${opts.root} (cd web && npm ci && npm run build)\n`);
    return send(res, 200, 'text/html; charset=utf-8', index, { 'Cache-Control': 'no-cache' });
  }
  return send(res, 404, 'text/plain; charset=utf-8', `not found: ${url.pathname}\n`);
}

function send(res, status, type, body, headers = {}) {
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), 'X-Content-Type-Options': 'nosniff', ...headers });
  res.end(body);
}

export function createServer(opts) {
  return http.createServer(async (req, res) => {
    const started = Date.now();
    try {
      if (req.url.length > MAX_URL) throw new HttpError(414, 'too_large', 'request line too long');
      if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'invalid_argument', `method ${req.method} not allowed`);
      const url = new URL(req.url, 'http://localhost');
      if (url.pathname.startsWith('/api/')) await handleApi(opts, url, res);
      else await handleStatic(opts, url, res);
    } catch (e) {
      const err = e instanceof HttpError ? e : new HttpError(500, 'error', String(e?.message ?? e));
      if (!res.headersSent) send(res, err.status, 'application/json; charset=utf-8', JSON.stringify({ error: err.message, code: err.code }));
      else res.destroy();
    } finally {
      if (opts.verbose) process.stderr.write(`${req.method} ${req.url} ${res.statusCode} ${Date.now() - started} ms\n`);
    }
  });
}

// ---------------------------------------------------------------------------------- main

function parseArgs(argv) {
  const opts = {
    listen: '127.0.0.1:8080',
    index: process.env.LODE_INDEX || 'lode-index',
    root: path.join(repo, 'build/web'),
    lode: process.env.LODE_BIN || path.join(repo, 'build/query/lode'),
    verbose: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--listen') opts.listen = val();
    else if (a === '--index') opts.index = val();
    else if (a === '--root') opts.root = val();
    else if (a === '--lode') opts.lode = val();
    else if (a === '-v' || a === '--verbose') opts.verbose = true;
    else if (a === '-h' || a === '--help') {
      process.stdout.write('usage: dev-api.mjs [--listen 127.0.0.1:PORT] [--index DIR] [--root DIR] [--lode PATH] [-v]\n');
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  opts.root = path.resolve(opts.root);
  opts.index = path.resolve(opts.index);
  return opts;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`dev-api: ${e.message}\n`);
    process.exit(2);
  }
  const colon = opts.listen.lastIndexOf(':');
  const host = opts.listen.slice(0, colon) || '127.0.0.1';
  const port = Number(opts.listen.slice(colon + 1));
  if (!/^(127\.\d+\.\d+\.\d+|localhost|\[?::1\]?)$/.test(host)) {
    process.stderr.write(`dev-api: warning: listening on ${host}, not loopback; there is no authentication\n`);
  }
  const server = createServer(opts);
  server.keepAliveTimeout = 5000;
  server.headersTimeout = 10000;
  server.listen(port, host.replace(/^\[|\]$/g, ''), () => {
    const a = server.address();
    process.stdout.write(`dev-api: http://${host}:${a.port}/ (index ${opts.index}, lode ${opts.lode})\n`);
  });
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
