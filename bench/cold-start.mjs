#!/usr/bin/env node
// Cold start of the stdio server: spawn → initialize → first search_reports answered.
//
//   node bench/cold-start.mjs [--runs 10] [--corpus DIR] [--fresh] [--timeout-s 900] [--server-heap-mb N]
//
// The server runs with Node's default heap unless --server-heap-mb is given (what a chat client
// would run); a server that runs out of memory on a large corpus is a finding, not a bench bug.
//
// With --corpus the server gets `--corpus DIR` and MINZHENG_CACHE_DIR set to a fixed folder per
// corpus (under os.tmpdir()/minzheng-bench-cache), so only the first (warm-up) start builds the
// index; that start is reported on its own. --fresh empties that cache first so the warm-up
// always builds. Without --corpus the server serves the bundled corpus and its committed index
// (if that index is stale for the current dist/, the bundled corpus is served through a cache
// folder instead so the committed index/ is never rewritten).
import fs from 'node:fs';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import {
  PACKAGE_ROOT,
  SERVER_ENTRY,
  configInputs,
  emitJson,
  median,
  ms,
  numberArg,
  parseArgs,
  procMemory,
  resolveTarget,
  round,
} from './lib.mjs';

const args = parseArgs();
const runs = numberArg(args, 'runs', 10);
const timeoutMs = numberArg(args, 'timeout-s', 900) * 1000;
const QUERY = { query: '低保标准', limit: 5 };
const serverHeapMb = numberArg(args, 'server-heap-mb', 0);
const nodeArgs = serverHeapMb > 0 ? [`--max-old-space-size=${serverHeapMb}`] : [];

const target = await resolveTarget(args.corpus);
const { corpusDir, cacheRoot, note } = target;
if (cacheRoot && args.fresh) fs.rmSync(cacheRoot, { recursive: true, force: true });

function withTimeout(promise, label) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${label} timed out after ${timeoutMs / 1000} s`)), timeoutMs);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** One start: ms to initialize, ms to the first answer, peak RSS of the server after it. */
async function oneRun() {
  const stderr = [];
  const { argv, env } = configInputs(target);
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [...nodeArgs, SERVER_ENTRY, ...argv],
    cwd: PACKAGE_ROOT,
    env,
    stderr: 'pipe',
  });
  transport.stderr?.on('data', (chunk) => stderr.push(chunk.toString()));
  const client = new Client({ name: 'bench-cold-start', version: '1' });
  const started = process.hrtime.bigint();
  try {
    // The server opens (or builds) its index before it reads stdin: no 60 s SDK default here.
    await withTimeout(client.connect(transport, { timeout: timeoutMs }), 'initialize');
    const initializeMs = ms(started);
    const result = await withTimeout(
      client.callTool({ name: 'search_reports', arguments: QUERY }, undefined, { timeout: timeoutMs }),
      'search_reports',
    );
    const firstAnswerMs = ms(started);
    const memory = procMemory(transport.pid);
    if (result.isError) throw new Error(`search_reports failed: ${JSON.stringify(result.content).slice(0, 300)}`);
    const hits = result.structuredContent?.results?.length ?? 0;
    return { initializeMs, firstAnswerMs, peakRssMb: memory.peakRssMb, hits, stderr: stderr.join('') };
  } catch (error) {
    error.message += `\n--- server stderr (last lines) ---\n${stderr.join('').split('\n').slice(-15).join('\n')}`;
    throw error;
  } finally {
    await client.close().catch(() => {});
  }
}

console.log(`cold start of ${path.relative(process.cwd(), SERVER_ENTRY) || SERVER_ENTRY} on ${corpusDir ?? 'the bundled corpus (committed index)'}`);
if (note) console.log(`  note: ${note}`);
if (cacheRoot) console.log(`  index cache: ${cacheRoot}`);

// Warm-up: builds the index when the cache has none (or a stale one), and warms the page cache.
const warm = await oneRun();
const built = /building the index/.test(warm.stderr);
console.log(
  `  first start${built ? ' (built the index)' : ' (index already cached)'}: ${round(warm.firstAnswerMs, 0)} ms to first answer` +
    `, peak RSS ${round(warm.peakRssMb, 1)} MB`,
);
if (built) {
  const line = warm.stderr.split('\n').find((l) => /indexed \d+ reports/.test(l));
  if (line) console.log(`    ${line.trim()}`);
}

const samples = [];
for (let i = 0; i < runs; i++) {
  const run = await oneRun();
  if (/building the index/.test(run.stderr)) console.log(`  warning: run ${i + 1} rebuilt the index (cache not kept?)`);
  samples.push(run);
  console.log(
    `  run ${String(i + 1).padStart(2)}: initialize ${round(run.initializeMs, 0)} ms, first answer ${round(run.firstAnswerMs, 0)} ms` +
      `, peak RSS ${round(run.peakRssMb, 1)} MB, ${run.hits} hits`,
  );
}

const answer = samples.map((s) => s.firstAnswerMs);
const init = samples.map((s) => s.initializeMs);
const rss = samples.map((s) => s.peakRssMb);
const summary = {
  corpus: corpusDir ?? 'bundled',
  runs,
  first_start_ms: round(warm.firstAnswerMs, 1),
  first_start_built_index: built,
  first_start_peak_rss_mb: round(warm.peakRssMb, 1),
  cold_start_ms_median: round(median(answer), 1),
  cold_start_ms_min: round(Math.min(...answer), 1),
  cold_start_ms_max: round(Math.max(...answer), 1),
  initialize_ms_median: round(median(init), 1),
  first_call_ms_median: round(median(samples.map((s) => s.firstAnswerMs - s.initializeMs)), 1),
  peak_rss_mb_median: round(median(rss), 1),
};
console.log(
  `cold start (spawn → first answer) over ${runs} runs: median ${summary.cold_start_ms_median} ms, ` +
    `min ${summary.cold_start_ms_min} ms, max ${summary.cold_start_ms_max} ms`,
);
console.log(`  of which spawn → initialize done: median ${summary.initialize_ms_median} ms; first tools/call: median ${summary.first_call_ms_median} ms`);
console.log(`  peak RSS of the server (VmHWM): median ${summary.peak_rss_mb_median} MB`);
emitJson('cold-start', summary);
