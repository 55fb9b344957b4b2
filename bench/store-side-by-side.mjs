#!/usr/bin/env node
// Both stores on the same corpora with the same fixed queries, side by side: build time, peak
// build memory, store size, spawn → first search answered, server RSS, search p50/p99, an
// incremental add, and the share of the exhaustive BM25 top-8 score the SQLite store's capped
// postings keep. Figures, not a timed test.
//
//   node bench/store-side-by-side.mjs --scales 1,100,1000 [--spawns 5] [--reps 5] [--stores minisearch,sqlite]
//        [--skip-build minisearch] [--update-stores sqlite]
//
// Scale 1 is the bundled corpus; scale N is bench/gen-scale-corpus.mjs --factor N written to
// os.tmpdir()/minzheng-stores-N (reused when already generated). Index caches go to
// os.tmpdir()/minzheng-stores-cache-STORE. --skip-build reuses the stores (all, or those listed)
// an earlier run built; --update-stores times the one-report add for those stores only (for
// MiniSearch it is a full rebuild, twice: add, then restore).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { existingCorpus, generateCorpus } from './gen-scale-corpus.mjs';
import { BENCH_DIR, BUNDLED_CORPUS, SERVER_ENTRY, median, ms, numberArg, parseArgs, procCpuMs, procMemory, round } from './lib.mjs';

const args = parseArgs();
const scales = String(args.scales ?? '1,100').split(',').map(Number);
const stores = String(args.stores ?? 'minisearch,sqlite').split(',');
const spawns = numberArg(args, 'spawns', 5);
const reps = numberArg(args, 'reps', 5);
/** A first search on a large MiniSearch store on a busy machine takes minutes: no request timeout that short. */
const LONG = 900_000;
const cacheRootOf = (store) => path.join(os.tmpdir(), `minzheng-stores-cache-${store}`);
const listed = (value, store) => value === true || (typeof value === 'string' && value.split(',').includes(store));
const updateStores = args['update-stores'] ?? true;

function corpusFor(scale) {
  if (scale === 1) return BUNDLED_CORPUS;
  const dir = path.join(os.tmpdir(), `minzheng-stores-${scale}`);
  if (!existingCorpus(dir, scale)) {
    console.log(`generating ${dir} (factor ${scale})…`);
    generateCorpus({ factor: scale, out: dir, force: true });
  }
  return dir;
}

/** Runs a bench child; returns its BENCH_JSON line. */
function child(script, childArgs) {
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, [path.join(BENCH_DIR, script), ...childArgs], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    proc.stdout.on('data', (chunk) => (out += chunk));
    proc.stderr.on('data', (chunk) => (err += chunk));
    proc.on('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('BENCH_JSON '));
      if (!line) console.log(`  ${script} ${childArgs.join(' ')} failed (exit ${code}): ${err.split('\n').slice(-5).join(' | ')}`);
      resolve(line ? JSON.parse(line.slice('BENCH_JSON '.length)) : undefined);
    });
  });
}

/** Spawn → first search_reports answered, and the server's peak RSS after a few searches (median over spawns). */
async function coldStart(corpusDir, store) {
  const firsts = [];
  // The server's CPU time until its first search answered: what a start costs, whatever else the machine runs.
  const cpus = [];
  const rss = [];
  for (let i = 0; i < spawns; i++) {
    const started = process.hrtime.bigint();
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [SERVER_ENTRY, '--corpus', corpusDir, '--store', store],
      env: { ...process.env, MINZHENG_CACHE_DIR: cacheRootOf(store) },
      stderr: 'ignore',
    });
    const client = new Client({ name: 'bench', version: '1' });
    await client.connect(transport, { timeout: LONG });
    await client.callTool({ name: 'search_reports', arguments: { query: '养老床位', limit: 8 } }, undefined, { timeout: LONG });
    firsts.push(ms(started));
    cpus.push(procCpuMs(transport.pid));
    for (const query of ['许昌 城市低保', '社会组织 登记', '孤儿 基本生活费']) await client.callTool({ name: 'search_reports', arguments: { query } }, undefined, { timeout: LONG });
    rss.push(procMemory(transport.pid).peakRssMb);
    await client.close();
  }
  return { first_search_ms: round(median(firsts), 0), first_search_cpu_ms: round(median(cpus), 0), server_rss_mb: round(median(rss), 0) };
}

const rows = [];
for (const scale of scales) {
  const corpusDir = corpusFor(scale);
  const addFile = path.join(BUNDLED_CORPUS, fs.readdirSync(BUNDLED_CORPUS).find((name) => name.endsWith('.md')));
  const added = path.join(os.tmpdir(), 'minzheng-stores-added-report.md');
  fs.copyFileSync(addFile, added);
  // A report the corpus does not hold: the bundled file under a new name and doc_id.
  fs.writeFileSync(added, fs.readFileSync(added, 'utf8').replace(/^doc_id: .*$/m, 'doc_id: bench-added-report'));
  for (const store of stores) {
    console.log(`── ${scale}× ${store}`);
    const common = ['--corpus', corpusDir, '--store', store, '--cache', cacheRootOf(store)];
    const build = listed(args['skip-build'], store) ? undefined : await child('store-child.mjs', ['--mode', 'build', ...common]);
    if (build) console.log(`  build ${build.build_ms} ms, peak ${build.peak_rss_mb} MB, store ${build.store_mb} MB (${build.reports} reports, ${build.passages} passages)`);
    const cold = await coldStart(corpusDir, store);
    console.log(`  spawn → first search ${cold.first_search_ms} ms (server CPU ${cold.first_search_cpu_ms} ms), server RSS ${cold.server_rss_mb} MB`);
    const search = await child('store-child.mjs', ['--mode', 'search', '--reps', String(reps), ...common]);
    if (search) console.log(`  search p50 ${search.p50_ms} ms, p99 ${search.p99_ms} ms (CPU ${search.cpu_p50_ms} / ${search.cpu_p99_ms} ms)${search.score_kept !== undefined ? `; exhaustive p50 ${search.exhaustive_p50_ms} / p99 ${search.exhaustive_p99_ms} ms; top-8 score kept ${search.score_kept}` : ''}`);
    const update = listed(updateStores, store) ? await child('store-child.mjs', ['--mode', 'update', '--add', added, ...common]) : undefined;
    if (update) console.log(`  one report added: ${update.add_ms} ms (${store === 'sqlite' ? 'incremental' : 'full rebuild'})`);
    rows.push({ scale, store, ...build, ...cold, ...search, add_ms: update?.add_ms });
  }
}

const columns = [
  ['scale', (r) => `${r.scale}×`],
  ['store', (r) => r.store],
  ['passages', (r) => r.passages ?? ''],
  ['build s', (r) => (r.build_ms === undefined ? '' : round(r.build_ms / 1000, 1))],
  ['build peak MB', (r) => r.peak_rss_mb ?? ''],
  ['store MB', (r) => r.store_mb ?? ''],
  ['spawn→1st search ms', (r) => r.first_search_ms],
  ['server CPU to 1st search ms', (r) => r.first_search_cpu_ms],
  ['server RSS MB', (r) => r.server_rss_mb],
  ['search p50 ms', (r) => r.p50_ms ?? ''],
  ['search p99 ms', (r) => r.p99_ms ?? ''],
  ['search CPU p50/p99 ms', (r) => (r.cpu_p50_ms === undefined ? '' : `${r.cpu_p50_ms} / ${r.cpu_p99_ms}`)],
  ['top-8 score kept', (r) => r.score_kept ?? ''],
  ['add 1 report ms', (r) => r.add_ms ?? ''],
];
console.log(`\n| ${columns.map(([name]) => name).join(' | ')} |\n|${columns.map(() => '---').join('|')}|`);
for (const row of rows) console.log(`| ${columns.map(([, value]) => value(row)).join(' | ')} |`);
