#!/usr/bin/env node
// In-process search latency: library open time and memory, searchPassages percentiles over a
// fixed query list, compare_cities through an in-memory MCP client when the server has it, and
// a breakdown of where the open time goes (measured in a fresh child process).
//
//   node bench/search-latency.mjs [--corpus DIR] [--reps 20] [--compare-calls 50] [--budget-s 600]
//
// --budget-s bounds the timed loops on large corpora (half for the searches, a quarter for each
// compare_cities variant): when the warm-up pass says 20 repetitions would not fit, every query gets the same smaller number of
// repetitions (at least 3), so the percentiles stay unweighted; the counts used are printed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DIST,
  MB,
  configInputs,
  emitJson,
  ms,
  numberArg,
  parseArgs,
  percentile,
  printProfile,
  profiled,
  resolveTarget,
  round,
  summarizeProfile,
} from './lib.mjs';
import { QUERIES } from './queries.mjs';

const args = parseArgs();
const reps = numberArg(args, 'reps', 20);
const compareCalls = numberArg(args, 'compare-calls', 50);
const budgetMs = numberArg(args, 'budget-s', 600) * 1000;
const target = await resolveTarget(args.corpus);
const dist = (file) => path.join(DIST, file);


// ---------------------------------------------------------------------------------------------
// Child mode: where the open time goes, in a fresh process (nodejieba keeps one global segmenter,
// so this must not share a process with an earlier open). openLibrary runs under the CPU
// profiler; its callees' inclusive times say where the time goes without this script knowing
// the library's internals.
if (args['phases-only']) {
  const out = { phases: {} };
  const rss = () => process.memoryUsage().rss / MB;
  try {
    let started = process.hrtime.bigint();
    const { openLibrary } = await import(dist('open-library.js'));
    const { readConfig } = await import(dist('config.js'));
    const { silentLogger: quiet } = await import(dist('log.js'));
    out.phases['import library modules'] = round(ms(started), 1);
    started = process.hrtime.bigint();
    await import(dist('server/create-server.js'));
    out.phases['import server modules (MCP SDK, zod, tools)'] = round(ms(started), 1);
    const { argv, env } = configInputs(target);
    const config = readConfig(argv, env);
    const rssBefore = rss();
    started = process.hrtime.bigint();
    const { profile } = await profiled(() => openLibrary(config, quiet));
    out.phases['openLibrary (profiled)'] = round(ms(started), 1);
    out.rss_open_delta_mb = round(rss() - rssBefore, 1);
    out.rss_mb = round(rss(), 1);
    out.profile = summarizeProfile(profile, ['openLibrary', 'loadIndex', 'loadTokenizer'], { top: 8 });
    out.index_files_mb = Object.fromEntries(
      fs.readdirSync(config.indexDir).map((file) => [file, round(fs.statSync(path.join(config.indexDir, file)).size / MB, 2)]),
    );
  } catch (error) {
    out.error = (error && error.message) || String(error);
  }
  emitJson('open-phases', out);
  process.exit(0);
}

// ---------------------------------------------------------------------------------------------
const importStarted = process.hrtime.bigint();
const { openLibrary } = await import(dist('open-library.js'));
const { readConfig } = await import(dist('config.js'));
const { silentLogger } = await import(dist('log.js'));
const importMs = ms(importStarted);

const { argv, env } = configInputs(target);
const config = readConfig(argv, env);
const messages = [];
const logger = { info: (m) => messages.push(m), warn: (m) => messages.push(`warning: ${m}`) };
console.log(`search latency on ${target.corpusDir ?? 'the bundled corpus (committed index)'}`);
if (target.note) console.log(`  note: ${target.note}`);

const openStarted = process.hrtime.bigint();
const library = openLibrary(config, logger);
const openMs = ms(openStarted);
const built = messages.some((m) => /building the index/.test(m));
const afterOpen = process.memoryUsage();
if (global.gc) global.gc();
const afterGc = process.memoryUsage();
const reports = library.reports.length;
const passages = library.manifest?.counts?.passages;
console.log(`  modules imported in ${round(importMs, 0)} ms`);
console.log(
  `  library open: ${round(openMs, 0)} ms${built ? ' (had to BUILD the index: no fresh cache)' : ''}; ${reports} reports, ${passages} passages`,
);
console.log(
  `  memory after open: RSS ${round(afterOpen.rss / MB, 1)} MB, heap used ${round(afterOpen.heapUsed / MB, 1)} MB` +
    (global.gc ? ` (after GC: heap ${round(afterGc.heapUsed / MB, 1)} MB, RSS ${round(afterGc.rss / MB, 1)} MB)` : ''),
);

// searchPassages: one warm-up pass, then the same number of repetitions for every query.
const warmups = QUERIES.map((query) => {
  const started = process.hrtime.bigint();
  const hits = library.searchPassages({ query, limit: 8 });
  return { query, ms: ms(started), hits: hits.length };
});
const warmupTotal = warmups.reduce((sum, w) => sum + w.ms, 0);
const searchReps = Math.max(3, Math.min(reps, Math.floor(budgetMs / 2 / Math.max(1, warmupTotal))));
if (searchReps < reps) console.log(`  (time budget ${budgetMs / 2000} s: ${searchReps} repetitions per query instead of ${reps})`);
const empty = warmups.filter((w) => w.hits === 0).map((w) => w.query);
const perQuery = [];
const all = [];
for (const query of QUERIES) {
  const times = [];
  for (let i = 0; i < searchReps; i++) {
    const started = process.hrtime.bigint();
    library.searchPassages({ query, limit: 8 });
    times.push(ms(started));
  }
  all.push(...times);
  perQuery.push({ query, p50: percentile(times, 50) });
}
const search = {
  queries: QUERIES.length,
  reps: searchReps,
  empty_queries: empty,
  p50_ms: round(percentile(all, 50), 3),
  p90_ms: round(percentile(all, 90), 3),
  p99_ms: round(percentile(all, 99), 3),
  max_ms: round(Math.max(...all), 3),
};
console.log(
  `  searchPassages (limit 8), ${QUERIES.length} queries × ${searchReps}: p50 ${search.p50_ms} ms, p90 ${search.p90_ms} ms, ` +
    `p99 ${search.p99_ms} ms, max ${search.max_ms} ms${empty.length ? ` (found nothing: ${empty.join(', ')})` : ''}`,
);
const slowest = [...perQuery].sort((a, b) => b.p50 - a.p50).slice(0, 5);
console.log(`  slowest queries (p50): ${slowest.map((q) => `${q.query} ${round(q.p50, 2)} ms`).join(', ')}`);

// compare_cities
let compare = { available: false };
const hasTool = fs.existsSync(dist('server/tools/compare-cities.js'));
if (hasTool || typeof library.compare === 'function') {
  try {
    const { createServer } = await import(dist('server/create-server.js'));
    const { Client } = await import('@modelcontextprotocol/sdk/client/index.js');
    const { InMemoryTransport } = await import('@modelcontextprotocol/sdk/inMemory.js');
    // Revisions before the library holder took the library itself.
    const holderModule = dist('start/library-holder.js');
    const holder = fs.existsSync(holderModule) ? (await import(holderModule)).LibraryHolder.ready(library) : undefined;
    const server = createServer({ library, holder, logger: silentLogger });
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    const client = new Client({ name: 'bench', version: '1' });
    await Promise.all([server.connect(serverSide), client.connect(clientSide)]);
    const { tools } = await client.listTools();
    if (!tools.some((tool) => tool.name === 'compare_cities')) {
      console.log('  compare_cities: not registered by the server yet');
    } else {
      compare = { available: true };
      for (const [label, callArgs] of [
        ['indicator', { indicator: 'dibao_urban' }],
        ['topic', { topic: '养老床位' }],
      ]) {
        const call = () => client.callTool({ name: 'compare_cities', arguments: callArgs }, undefined, { timeout: 1800000 });
        const firstStarted = process.hrtime.bigint();
        const first = await call();
        const firstMs = ms(firstStarted);
        const calls = Math.max(3, Math.min(compareCalls, Math.floor(budgetMs / 4 / Math.max(1, firstMs))));
        const rows = first.structuredContent?.rows?.length ?? 0;
        const error = first.isError ? first.content?.map((c) => c.text).join(' ').slice(0, 200) : undefined;
        const times = [];
        for (let i = 0; i < calls; i++) {
          const started = process.hrtime.bigint();
          await call();
          times.push(ms(started));
        }
        compare[label] = {
          args: callArgs,
          calls,
          p50_ms: round(percentile(times, 50), 3),
          p99_ms: round(percentile(times, 99), 3),
          rows,
          missing: first.structuredContent?.missing?.length ?? 0,
          ...(error ? { error } : {}),
        };
        console.log(
          `  compare_cities ${JSON.stringify(callArgs)} × ${calls}: p50 ${compare[label].p50_ms} ms, p99 ${compare[label].p99_ms} ms` +
            ` (${rows} rows, ${compare[label].missing} missing)${error ? ` — tool error: ${error}` : ''}`,
        );
      }
    }
    await client.close();
  } catch (error) {
    compare = { available: false, error: error.message };
    console.log(`  compare_cities: could not be timed: ${error.message}`);
  }
} else {
  console.log('  compare_cities: not available yet (no dist/server/tools/compare-cities.js, no library.compare)');
}

// Where the open time goes, in a fresh process.
let phases;
const child = spawnSync(
  process.execPath,
  [fileURLToPath(import.meta.url), '--phases-only', ...(typeof args.corpus === 'string' ? ['--corpus', args.corpus] : [])],
  { encoding: 'utf8', timeout: 30 * 60 * 1000, maxBuffer: 64 * MB },
);
const line = (child.stdout ?? '').split('\n').find((l) => l.startsWith('BENCH_JSON '));
if (line) {
  phases = JSON.parse(line.slice('BENCH_JSON '.length));
  console.log('  where a fresh open spends its time (separate process, CPU-profiled):');
  for (const [name, value] of Object.entries(phases.phases)) console.log(`    ${name.padEnd(46)} ${String(value).padStart(9)} ms`);
  if (phases.rss_open_delta_mb !== undefined) console.log(`    RSS grew ${phases.rss_open_delta_mb} MB during openLibrary (to ${phases.rss_mb} MB)`);
  if (phases.profile) printProfile(phases.profile);
  if (phases.error) console.log(`    (stopped: ${phases.error})`);
  if (phases.index_files_mb) console.log(`    index files (MB): ${JSON.stringify(phases.index_files_mb)}`);
} else {
  console.log(`  open breakdown failed: ${(child.stderr || child.error?.message || '').split('\n').slice(-5).join(' ')}`);
}

emitJson('search-latency', {
  corpus: target.corpusDir ?? 'bundled',
  reports,
  passages,
  import_ms: round(importMs, 1),
  open_ms: round(openMs, 1),
  open_built_index: built,
  rss_after_open_mb: round(afterOpen.rss / MB, 1),
  heap_after_open_mb: round(afterOpen.heapUsed / MB, 1),
  search,
  compare,
  open_phases: phases && { ...phases.phases, rss_open_delta_mb: phases.rss_open_delta_mb, callees: phases.profile?.callees, error: phases.error },
});
