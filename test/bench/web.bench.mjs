#!/usr/bin/env node
// npm run bench:web: issue 8's web budgets, measured in Debian's Chromium against the real
// simulator and API serving the production build (a copy of apps/web/dist, rebuilt first when
// older than its sources), with the simulator moving once a second as the bot does:
//   1. the JS a browser loads for /login and then the dashboard, gzip -9 per file (zlib), each
//      chunk classed as initial (entry, its static imports, the route chunks) or lazy (Recharts);
//   2. the time from a Socket.IO message reaching the page to the DOM showing it, for
//      BENCH_WEB_CHANGES (200) health-factor changes driven through the simulator, and for every
//      state-changing feed message (the dashboard's data-feed-seq attribute);
//   3. Lighthouse 12.8 on the dashboard behind the repository's Caddyfile (as deployed), signed in
//      through the same browser's refresh cookie: the default mobile preset, plus desktop when
//      mobile misses a budget or BENCH_LH_DESKTOP=1; BENCH_LH_API=1 also runs it straight against
//      the API (uncompressed, as npm start serves). Reports go to test-results/bench-web/.
// A benchmark prints figures and verdicts; it exits non-zero only when it could not measure.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { FEED_EVENT_TYPES } from '@dnb/contracts';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { chromium } from 'playwright-core';
/* global window, document, MutationObserver -- pageProbe and the evaluate callbacks run in the page */
import { freePort, percentile, ROOT, sleep, startStack, waitHttp } from './lib.mjs';

const LIGHTHOUSE_VERSION = JSON.parse(readFileSync(join(ROOT, 'node_modules/lighthouse/package.json'), 'utf8')).version;
const CHANGES = Number(process.env.BENCH_WEB_CHANGES ?? 200);
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CADDY = process.env.CADDY_BIN ?? '/usr/bin/caddy';
const REPORTS = join(ROOT, 'test-results', 'bench-web');
// chrome-launcher adds the rest of test/support/browser.ts's flags (no first run, no background
// networking, component updates or sync); the new headless mode is what Lighthouse expects.
const CHROMIUM_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic'];
const BUDGET = { initialJsKb: 200, performance: 90, accessibility: 95, liveP99Ms: 100 };
const WEB_DIST = join(ROOT, 'apps/web/dist');
/** The copy of apps/web/dist this run serves and measures (set by snapshotDist). */
let DIST = WEB_DIST;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const verdict = (ok) => (ok ? 'PASS' : 'MISS');

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

/** Builds what is missing; rebuilds the SPA when a source is newer than its dist. */
function ensureBuild() {
  const run = (args) => spawnSync('npm', args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] }).status === 0;
  if (!existsSync(join(ROOT, 'apps/api/dist/main.js')) || !existsSync(join(ROOT, 'apps/bot-sim/dist/main.js'))) {
    console.log('API or simulator build missing: npm run build');
    if (!run(['run', 'build'])) throw new Error('npm run build failed');
    return 'built now (npm run build)';
  }
  const built = existsSync(join(WEB_DIST, 'index.html')) ? statSync(join(WEB_DIST, 'index.html')).mtimeMs : 0;
  const sources = Math.max(
    ...['apps/web/src', 'apps/web/public', 'apps/web/index.html', 'apps/web/vite.config.ts', 'libs/contracts/src'].map((p) =>
      newestMtime(join(ROOT, p)),
    ),
  );
  if (built >= sources) return 'up to date with its sources';
  console.log(
    built ? 'apps/web/dist is older than its sources: npm run build -w @dnb/web' : 'apps/web/dist missing: npm run build -w @dnb/web',
  );
  if (run(['run', 'build', '-w', '@dnb/web'])) return 'rebuilt now from the working tree';
  if (!built) throw new Error('npm run build -w @dnb/web failed and there is no earlier build');
  return 'STALE: the rebuild failed, so these figures are for the previous build';
}

/**
 * Copies apps/web/dist for this run: others rebuild it while they work, and a build in progress
 * (index.html naming assets not written yet) must not be measured or served half-made.
 */
async function snapshotDist() {
  for (let attempt = 0; attempt < 20; attempt++) {
    const dir = mkdtempSync(join(tmpdir(), 'dnb-bench-web-'));
    try {
      cpSync(WEB_DIST, dir, { recursive: true });
      const html = readFileSync(join(dir, 'index.html'), 'utf8');
      const assets = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) => m[1]);
      if (assets.length && assets.every((a) => existsSync(join(dir, a)))) return dir;
    } catch {
      // a build is replacing the directory right now
    }
    rmSync(dir, { recursive: true, force: true });
    await sleep(3000);
  }
  throw new Error('apps/web/dist stayed incomplete for a minute (a build in progress?)');
}

// ---------------------------------------------------------------- 1. initial JS

/** The chunk graph of the build: static imports and dynamic import() targets, by file name. */
function chunkGraph() {
  const graph = new Map();
  for (const name of readdirSync(join(DIST, 'assets')).filter((n) => n.endsWith('.js'))) {
    const code = readFileSync(join(DIST, 'assets', name), 'utf8');
    const targets = (re) => [...code.matchAll(re)].map((m) => m[1]);
    graph.set(name, {
      static: targets(/(?:from|import)\s*["'`]\.\/([\w.-]+\.js)["'`]/g),
      dynamic: targets(/import\(\s*["'`]\.\/([\w.-]+\.js)["'`]\s*\)/g),
    });
  }
  return graph;
}

function staticClosure(graph, roots) {
  const seen = new Set();
  const visit = (name) => {
    if (seen.has(name) || !graph.has(name)) return;
    seen.add(name);
    graph.get(name).static.forEach(visit);
  };
  roots.forEach(visit);
  return seen;
}

/**
 * Classes each loaded chunk: the entry and its static imports, the route chunks the entry's router
 * imported for /login and / with their static imports (together: initial), and anything else a
 * page imported on demand after rendering (lazy, e.g. the Recharts plot).
 */
function classify(loadedAssets) {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const entry = /<script type="module"[^>]*src="\/assets\/([\w.-]+\.js)"/.exec(html)?.[1];
  if (!entry) throw new Error('no module entry in apps/web/dist/index.html');
  const graph = chunkGraph();
  const entryStatic = staticClosure(graph, [entry]);
  const routeChunks = [...entryStatic].flatMap((n) => graph.get(n).dynamic).filter((n) => loadedAssets.has(n));
  const initial = staticClosure(graph, [entry, ...routeChunks]);
  return (name) =>
    name === entry
      ? 'entry'
      : entryStatic.has(name)
        ? 'static'
        : routeChunks.includes(name)
          ? 'route'
          : initial.has(name)
            ? 'route dep'
            : 'lazy';
}

async function measureInitialJs(page, { signIn, dashboardReady }) {
  const loaded = []; // {url, phase, bytes, encoding}
  let phase = 'login';
  page.on('response', async (response) => {
    const request = response.request();
    if (request.resourceType() !== 'script') return;
    const entry = { url: new URL(response.url()).pathname, phase, encoding: response.headers()['content-encoding'] ?? 'none', body: null };
    loaded.push(entry);
    entry.body = await response.body().catch(() => null);
  });
  await page.goto('/login');
  await page.getByLabel('Username').waitFor();
  await page.waitForLoadState('networkidle');
  phase = 'dashboard';
  await signIn();
  await dashboardReady();
  await page.waitForLoadState('networkidle');
  await sleep(500); // a lazy chunk the dashboard asks for after its first render

  const isAsset = (url) => url.startsWith('/assets/');
  const kind = classify(new Set(loaded.filter((l) => isAsset(l.url)).map((l) => l.url.slice('/assets/'.length))));
  const rows = loaded.map((l) => {
    const file = join(DIST, l.url);
    if (!existsSync(file)) throw new Error(`the page loaded ${l.url}, which is not in apps/web/dist (is the API serving another build?)`);
    const bytes = readFileSync(file);
    if (l.body && !l.body.equals(bytes)) throw new Error(`${l.url} as served differs from apps/web/dist`);
    const name = l.url.replace(/^\/(assets\/)?/, '');
    return { ...l, name, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, kind: isAsset(l.url) ? kind(name) : 'classic' };
  });
  return rows;
}

function printInitialJs(rows) {
  console.log('\n1. JavaScript loaded for /login, then signing in to the dashboard (gzip -9 of each file, zlib)');
  console.log(`   ${'file'.padEnd(34)} ${'kind'.padEnd(10)} ${'loaded for'.padEnd(10)} ${'raw'.padStart(10)} ${'gzip'.padStart(10)}`);
  for (const r of rows)
    console.log(`   ${r.name.padEnd(34)} ${r.kind.padEnd(10)} ${r.phase.padEnd(10)} ${kb(r.raw).padStart(10)} ${kb(r.gzip).padStart(10)}`);
  const sum = (list) => list.reduce((s, r) => s + r.gzip, 0);
  const sumRaw = (list) => list.reduce((s, r) => s + r.raw, 0);
  const initial = rows.filter((r) => r.kind !== 'lazy');
  const login = rows.filter((r) => r.phase === 'login');
  const encodings = [...new Set(rows.map((r) => r.encoding))].join(', ');
  console.log(`   login page alone: ${login.length} files, ${kb(sum(login))} gzip`);
  console.log(`   lazy, after the dashboard rendered: ${kb(sum(rows.filter((r) => r.kind === 'lazy')))} gzip`);
  console.log(`   all JS the browser fetched by then: ${kb(sum(rows))} gzip (${kb(sumRaw(rows))} raw)`);
  console.log(`   served by the API with content-encoding: ${encodings} (Caddy's "encode zstd gzip" compresses in deployment)`);
  const total = sum(initial);
  console.log(
    `   INITIAL JS login + dashboard: ${kb(total)} gzip (${initial.length} files, ${kb(sumRaw(initial))} raw)   budget <= ${BUDGET.initialJsKb} KB   ${verdict(total <= BUDGET.initialJsKb * 1024)}`,
  );
  return total;
}

// ---------------------------------------------------------------- 3. live update -> DOM

/**
 * Runs in the page before its scripts: timestamps every WebSocket message as it is dispatched
 * (this listener is added before socket.io's onmessage, so it runs first and does no parsing), and
 * records, after each DOM mutation, the dashboard's data-feed-seq and the tracked card's HF text.
 */
function pageProbe() {
  const probe = { messages: [], dom: [], positionId: null };
  window.__webBench = probe;
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (event) => probe.messages.push({ t: performance.now(), data: event.data }));
    }
  };
  let lastSeq = null;
  let lastHf = null;
  const observer = new MutationObserver(() => {
    const t = performance.now();
    const live = document.querySelector('.dashboard-live');
    const seq = live?.getAttribute('data-feed-seq') || null;
    const card = probe.positionId ? document.querySelector(`[data-position-id="${probe.positionId}"]`) : null;
    const hf = card ? (/HF: ([^%\s]+%)/.exec(card.textContent ?? '')?.[1] ?? null) : null;
    if (seq !== lastSeq || hf !== lastHf) {
      probe.dom.push({ t, seq: seq === null ? null : Number(seq), hf });
      lastSeq = seq;
      lastHf = hf;
    }
  });
  const start = () =>
    observer.observe(document.documentElement, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['data-feed-seq'],
    });
  if (document.documentElement) start();
  else document.addEventListener('DOMContentLoaded', start);
}

const STATE_TYPES = new Set(['snapshot', 'catch_up', 'batch', ...FEED_EVENT_TYPES]);

/** A Socket.IO text frame `42["message",{...}]` (optionally `42/ns,`) -> the feed message. */
function feedMessage(data) {
  if (typeof data !== 'string' || !data.startsWith('42')) return null;
  const json = data.slice(2).replace(/^\/[^,]*,/, '');
  try {
    const [name, payload] = JSON.parse(json);
    return name === 'message' && payload && typeof payload === 'object' ? payload : null;
  } catch {
    return null;
  }
}

/** The HF the SPA would show for the position after this message ("45.0%"), or undefined. */
function carriedHf(message, positionId) {
  const fmt = (v) => (v === undefined || v === null ? undefined : `${(Number(v) * 100).toFixed(1)}%`);
  if (message.type === 'snapshot') return fmt(message.data?.positions?.[positionId]?.asgard_hf);
  let found;
  for (const e of message.events ?? [message]) {
    if (e.type === 'position_update' && e.data?.position_id === positionId && e.data.asgard_hf !== undefined) found = fmt(e.data.asgard_hf);
    if (e.type === 'position_opened' && e.data?.position?.position_id === positionId) found = fmt(e.data.position.asgard_hf);
  }
  return found;
}

function latencies({ messages, dom, positionId }) {
  const parsed = messages
    .map((m) => ({ t: m.t, message: feedMessage(m.data) }))
    .filter((m) => m.message && STATE_TYPES.has(m.message.type));
  // Every state-changing message: until the attribute shows a seq >= its own.
  const bySeq = [];
  let unseenSeq = 0;
  for (const { t, message } of parsed) {
    const seq = message.to_seq ?? message.seq;
    if (typeof seq !== 'number') continue;
    const shown = dom.find((d) => d.t >= t && d.seq !== null && d.seq >= seq);
    if (shown) bySeq.push(shown.t - t);
    else unseenSeq++;
  }
  // The tracked position's health factor: from the message that first carried a new value to the card showing it.
  const pending = []; // {hf, t}
  const byValue = [];
  let carried = null;
  for (const { t, message } of parsed) {
    const hf = carriedHf(message, positionId);
    if (hf !== undefined && hf !== carried) pending.push({ hf, t });
    if (hf !== undefined) carried = hf;
  }
  let superseded = 0;
  let shownHf = null;
  for (const d of dom) {
    if (d.hf === shownHf) continue;
    shownHf = d.hf;
    const i = pending.findIndex((p) => p.hf === d.hf && p.t <= d.t);
    if (i < 0) continue;
    superseded += i;
    byValue.push(d.t - pending[i].t);
    pending.splice(0, i + 1);
  }
  return { bySeq, unseenSeq, byValue, superseded, unshown: pending.length, frames: messages.length };
}

function stats(list) {
  const sorted = [...list].sort((a, b) => a - b);
  const f = (v) => `${v.toFixed(1)} ms`;
  return {
    p99: percentile(sorted, 99),
    text: `p50 ${f(percentile(sorted, 50))}  p95 ${f(percentile(sorted, 95))}  p99 ${f(percentile(sorted, 99))}  max ${f(sorted.at(-1) ?? NaN)}`,
  };
}

async function measureLive(page, stack) {
  const positionId = await page.locator('.dashboard-live [data-position-id]').first().getAttribute('data-position-id');
  if (!positionId) throw new Error('no position on the dashboard');
  await page.evaluate((id) => (window.__webBench.positionId = id), positionId);
  // Clear what the sign-in produced; the measurement starts now.
  await page.evaluate(() => {
    window.__webBench.messages.length = 0;
    window.__webBench.dom.length = 0;
  });
  let notShown = 0;
  const started = Date.now();
  for (let i = 0; i < CHANGES; i++) {
    // 45.0%, 45.1%, ... : a new value each time, far from any alert threshold.
    const value = (0.45 + (i % 300) * 0.001).toFixed(3);
    const expected = `HF: ${(Number(value) * 100).toFixed(1)}%`;
    const res = await fetch(`${stack.controlUrl}/scenarios/health-factor`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ value, positionId }),
    });
    if (!res.ok) throw new Error(`simulator refused health-factor ${value}: ${res.status} ${await res.text()}`);
    const shown = await page
      .waitForFunction(
        ({ id, text }) => document.querySelector(`[data-position-id="${id}"]`)?.textContent?.includes(text),
        { id: positionId, text: expected },
        { polling: 50, timeout: 5000 },
      )
      .then(
        () => true,
        () => false,
      );
    if (!shown) notShown++;
    await sleep(Math.random() * 100); // not in lockstep with the API's 100 ms batches
  }
  const probe = await page.evaluate(() => ({
    messages: window.__webBench.messages,
    dom: window.__webBench.dom,
    positionId: window.__webBench.positionId,
  }));
  return { ...latencies(probe), notShown, seconds: (Date.now() - started) / 1000 };
}

function printLive(live) {
  console.log(`\n2. Live update: Socket.IO message dispatched in the page -> DOM mutated (MutationObserver), desktop 1440x900`);
  console.log(
    `   ${CHANGES} health-factor changes driven through the simulator in ${live.seconds.toFixed(0)} s (${live.notShown} never shown within 5 s); ${live.frames} WebSocket frames seen`,
  );
  const value = stats(live.byValue);
  const seq = stats(live.bySeq);
  console.log(
    `   HF value shown on the position card: ${live.byValue.length} matched (${live.superseded} superseded by a newer value before rendering, ${live.unshown} not shown)`,
  );
  console.log(`      ${value.text}   budget p99 <= ${BUDGET.liveP99Ms} ms   ${verdict(value.p99 <= BUDGET.liveP99Ms)}`);
  console.log(
    `   every state-changing feed message (dashboard data-feed-seq reaches its seq): ${live.bySeq.length} matched, ${live.unseenSeq} not seen`,
  );
  console.log(`      ${seq.text}   budget p99 <= ${BUDGET.liveP99Ms} ms   ${verdict(seq.p99 <= BUDGET.liveP99Ms)}`);
  return { value, seq };
}

// ---------------------------------------------------------------- 3. Lighthouse

/**
 * The deployment's front: the repository's Caddyfile (zstd/gzip, cache headers, CSP) on a free
 * loopback port, serving the same dist and proxying /api and /ws to the API. Cookies ignore the
 * port, so the session signed in on the API's port holds here too.
 */
async function startCaddy(apiPort) {
  const port = await freePort();
  const home = mkdtempSync(join(tmpdir(), 'dnb-bench-caddy-'));
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(CADDY, ['run', '--config', join(ROOT, 'Caddyfile'), '--adapter', 'caddyfile'], {
    cwd: home,
    env: {
      ...process.env,
      DASHBOARD_DOMAIN: url,
      ACME_EMAIL: 'bench@example.invalid',
      API_UPSTREAM: `127.0.0.1:${apiPort}`,
      WEB_ROOT: DIST,
      HOME: home,
      XDG_DATA_HOME: join(home, 'data'),
      XDG_CONFIG_HOME: join(home, 'config'),
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let tail = '';
  child.stderr.on('data', (d) => (tail = (tail + d.toString()).slice(-2000)));
  const kill = () => child.exitCode === null && child.kill('SIGKILL');
  process.on('exit', kill);
  const stop = async () => {
    if (child.exitCode === null) await new Promise((r) => (child.once('exit', r), child.kill('SIGTERM')));
    rmSync(home, { recursive: true, force: true });
  };
  try {
    await waitHttp(`${url}/api/v1/health/live`, (status) => status === 200, 20_000);
  } catch (error) {
    await stop();
    throw new Error(`Caddy did not serve: ${error.message}\n${tail}`);
  }
  return { url, stop };
}

async function runLighthouse(port, url, preset, name) {
  const flags = { port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] };
  const result = await lighthouse(url, flags, preset === 'desktop' ? desktopConfig : undefined);
  if (!result?.lhr) throw new Error(`Lighthouse (${preset}) returned no report`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse (${preset}): ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const finalPath = new URL(lhr.finalDisplayedUrl).pathname;
  if (finalPath !== '/')
    throw new Error(`Lighthouse (${preset}) ended on ${lhr.finalDisplayedUrl}, not the dashboard (was the session lost?)`);
  mkdirSync(REPORTS, { recursive: true });
  writeFileSync(join(REPORTS, `lighthouse-${name}.json`), JSON.stringify(lhr));
  return lhr;
}

function printLighthouse(lhr, preset) {
  const score = (c) => Math.round((lhr.categories[c]?.score ?? NaN) * 100);
  const a = lhr.audits;
  const ms = (id) => `${Math.round(a[id]?.numericValue ?? NaN)} ms`;
  const perf = score('performance');
  const acc = score('accessibility');
  console.log(
    `   ${preset}: performance ${perf} (budget >= ${BUDGET.performance}) ${verdict(perf >= BUDGET.performance)}   accessibility ${acc} (budget >= ${BUDGET.accessibility}) ${verdict(acc >= BUDGET.accessibility)}`,
  );
  console.log(
    `      FCP ${ms('first-contentful-paint')}  LCP ${ms('largest-contentful-paint')}  TBT ${ms('total-blocking-time')}  CLS ${(a['cumulative-layout-shift']?.numericValue ?? NaN).toFixed(3)}  SI ${ms('speed-index')}  (benchmarkIndex ${lhr.environment?.benchmarkIndex})`,
  );
  const failing = (category) =>
    lhr.categories[category].auditRefs
      .filter((ref) => ref.weight > 0 && a[ref.id]?.score !== null && a[ref.id]?.score < 0.9)
      .map((ref) => `${ref.id} (${a[ref.id].displayValue || a[ref.id].score})`);
  const perfFailing = failing('performance');
  const accFailing = failing('accessibility');
  if (perfFailing.length) console.log(`      performance audits below 0.9: ${perfFailing.join(', ')}`);
  if (accFailing.length) console.log(`      accessibility audits failing: ${accFailing.join(', ')}`);
  const scripts = (a['bootup-time']?.details?.items ?? [])
    .slice(0, 3)
    .map((i) => `${String(i.url).replace(/^https?:\/\/[^/]+/, '')} ${Math.round(i.total)} ms`);
  if (scripts.length) console.log(`      main-thread time by script: ${scripts.join(', ')}`);
  const tasks = (a['long-tasks']?.details?.items ?? []).map((i) => Math.round(i.duration));
  if (tasks.length) console.log(`      long tasks: ${tasks.length} (longest ${tasks.slice(0, 5).join(', ')} ms)`);
  return { perf, acc };
}

// ---------------------------------------------------------------- run

const buildState = ensureBuild();
console.log(`SPA build: apps/web/dist ${buildState}`);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
console.log(`machine: ${cpus().length} cores, load average ${load()} (others' work on the same cores moves these figures)`);
DIST = await snapshotDist();
process.on('exit', () => rmSync(DIST, { recursive: true, force: true }));
const stack = await startStack({
  // The simulator moves once a second (its default), so the dashboard gets about one batch of
  // updates a second, as in production; the API polls every 250 ms (default 1000) only so that
  // each driven change arrives sooner and the run stays short.
  simEnv: { SIM_INITIAL_POSITIONS: '3', SIM_SEED: 'bench-web' },
  apiEnv: { BOT_POLL_MS: '250', WEB_DIST_DIR: DIST },
});
let chrome;
let browser;
let caddy;
try {
  chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: CHROMIUM_FLAGS, logLevel: 'error' });
  browser = await chromium.connectOverCDP(`http://127.0.0.1:${chrome.port}`);
  const page = await browser.contexts()[0].newPage();
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.addInitScript(pageProbe);
  const base = stack.apiUrl;
  const goto = page.goto.bind(page);
  page.goto = (path, options) => goto(new URL(path, base).href, options);

  const rows = await measureInitialJs(page, {
    signIn: async () => {
      await page.getByLabel('Username').fill('admin');
      await page.getByLabel('Password').fill(stack.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
    },
    dashboardReady: async () => {
      await page.getByTestId('account-username').waitFor({ timeout: 30_000 });
      await page.locator('.dashboard-live[data-feed-seq]:not([data-feed-seq=""]) [data-position-id]').first().waitFor({ timeout: 30_000 });
    },
  });
  const initialJs = printInitialJs(rows);
  const live = printLive(await measureLive(page, stack));
  // Lighthouse opens its own tab; this one goes so the two never share a refresh.
  await page.close();
  await browser.close(); // disconnects Playwright; Chromium and its cookie jar stay
  browser = undefined;

  caddy = await startCaddy(new URL(base).port);
  const targets = [{ name: 'caddy', url: `${caddy.url}/`, label: 'behind the repository Caddyfile (zstd/gzip), as deployed' }];
  if (process.env.BENCH_LH_API === '1')
    targets.push({ name: 'api', url: `${base}/`, label: 'straight from the API, as npm start serves it (uncompressed)' });
  const desktopToo = process.env.BENCH_LH_DESKTOP === '1';
  const scores = [];
  console.log(`\n3. Lighthouse ${LIGHTHOUSE_VERSION} on the dashboard (/), Debian's Chromium, signed in by the refresh cookie`);
  console.log(`   reports: ${REPORTS}/lighthouse-*.json`);
  for (const target of targets) {
    console.log(`   ${target.label}: ${target.url}`);
    const mobile = printLighthouse(
      await runLighthouse(chrome.port, target.url, 'mobile', `${target.name}-mobile`),
      'mobile (default preset: Moto G Power, slow 4G, 4x CPU, simulated)',
    );
    scores.push({ ...mobile, label: `${target.name} mobile` });
    if (desktopToo || mobile.perf < BUDGET.performance || mobile.acc < BUDGET.accessibility) {
      const desktop = printLighthouse(
        await runLighthouse(chrome.port, target.url, 'desktop', `${target.name}-desktop`),
        'desktop (preset)',
      );
      scores.push({ ...desktop, label: `${target.name} desktop` });
    }
  }

  const line = (name, value, budget, ok) =>
    console.log(`   ${name.padEnd(44)} ${value.padStart(10)}   ${budget.padEnd(10)} ${verdict(ok)}`);
  console.log(`\nSummary (load average now ${load()})`);
  line('initial JS, login + dashboard (gzip -9)', kb(initialJs), `<= ${BUDGET.initialJsKb} KB`, initialJs <= BUDGET.initialJsKb * 1024);
  for (const s of scores) {
    line(`Lighthouse performance, ${s.label}`, String(s.perf), `>= ${BUDGET.performance}`, s.perf >= BUDGET.performance);
    line(`Lighthouse accessibility, ${s.label}`, String(s.acc), `>= ${BUDGET.accessibility}`, s.acc >= BUDGET.accessibility);
  }
  line(
    'live update -> DOM p99, value on the card',
    `${live.value.p99.toFixed(1)} ms`,
    `<= ${BUDGET.liveP99Ms} ms`,
    live.value.p99 <= BUDGET.liveP99Ms,
  );
  line(
    'live update -> DOM p99, every feed message',
    `${live.seq.p99.toFixed(1)} ms`,
    `<= ${BUDGET.liveP99Ms} ms`,
    live.seq.p99 <= BUDGET.liveP99Ms,
  );
} catch (error) {
  console.error(`bench:web could not measure: ${error instanceof Error ? error.stack : error}`);
  console.error(`API output (tail):\n${stack.api.output()}`);
  process.exitCode = 1;
} finally {
  await browser?.close().catch(() => undefined);
  await caddy?.stop();
  if (chrome) await chrome.kill();
  await stack.api.stop();
  await stack.sim.stop();
}
