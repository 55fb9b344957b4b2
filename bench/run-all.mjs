#!/usr/bin/env node
// Runs the benches at one or more corpus scales and prints one table.
//
//   npm run bench                                  # scale 1: the bundled corpus
//   node bench/run-all.mjs --scales 1,100,1000     # scale corpora generated into os.tmpdir()
//   options: --timeout-min 20 (per child)  --runs N (cold starts; default 10 at 1×, 5 above)
//            --profile (CPU profile of each build)  --heap-mb 8192 (bench children's --max-old-space-size)
//            --server-heap-mb N (the spawned servers' heap; default: Node's default, as a chat client runs it)
//
// Scale 1 is the bundled corpus; scale N > 1 is bench/gen-scale-corpus.mjs --factor N, written
// to os.tmpdir()/minzheng-scale-N and reused when already generated with the same factor. Each
// bench runs as a child process, one at a time; a child that fails or runs past the time limit is
// reported as failed with its last stderr lines, and the runner goes on.
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { BENCH_DIR, emitJson, numberArg, parseArgs, round } from './lib.mjs';
import { existingCorpus } from './gen-scale-corpus.mjs';

const args = parseArgs();
const scales = String(args.scales ?? '1')
  .split(',')
  .map((s) => Number(s.trim()))
  .filter((n) => Number.isInteger(n) && n >= 1);
if (scales.length === 0) throw new Error('--scales takes positive integers, e.g. --scales 1,100');
const timeoutMs = numberArg(args, 'timeout-min', 20) * 60 * 1000;
const heapMb = numberArg(args, 'heap-mb', 8192);

/** Runs one bench script as a child; echoes its output; collects its BENCH_JSON line. */
function runChild(script, childArgs) {
  const label = `${script} ${childArgs.join(' ')}`.trim();
  console.log(`\n▶ node ${label}`);
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, [`--max-old-space-size=${heapMb}`, path.join(BENCH_DIR, script), ...childArgs], {
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // its own process group, so a timeout also ends the servers it spawned
    });
    const json = [];
    const stderrTail = [];
    let timedOut = false;
    const lines = (stream, onLine) => {
      let buffer = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk) => {
        buffer += chunk;
        let newline;
        while ((newline = buffer.indexOf('\n')) >= 0) {
          onLine(buffer.slice(0, newline));
          buffer = buffer.slice(newline + 1);
        }
      });
      stream.on('end', () => buffer && onLine(buffer));
    };
    lines(child.stdout, (line) => {
      if (line.startsWith('BENCH_JSON ')) {
        try {
          json.push(JSON.parse(line.slice('BENCH_JSON '.length)));
        } catch {
          console.log(`  (unparsable BENCH_JSON line) ${line.slice(0, 200)}`);
        }
      } else {
        console.log(`  ${line}`);
      }
    });
    lines(child.stderr, (line) => {
      stderrTail.push(line);
      if (stderrTail.length > 20) stderrTail.shift();
      console.log(`  ! ${line}`);
    });
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const seconds = (Date.now() - started) / 1000;
      const ok = code === 0 && !timedOut && json.length > 0;
      const reason = timedOut
        ? `timed out after ${timeoutMs / 60000} min`
        : code !== 0
          ? `exit ${code ?? signal}`
          : json.length === 0
            ? 'no BENCH_JSON line'
            : '';
      if (!ok) console.log(`✗ ${script} failed: ${reason}`);
      resolve({ label, ok, reason, seconds, json: json.at(-1), stderrTail });
    });
  });
}

const results = [];
const failures = [];
const note = (scale, run) => {
  if (!run.ok) failures.push({ scale, label: run.label, reason: run.reason, stderrTail: run.stderrTail.slice(-10) });
  return run.ok ? run.json : undefined;
};

for (const scale of scales) {
  console.log(`\n══════ scale ${scale}× ══════`);
  let corpusArgs = [];
  if (scale > 1) {
    const dir = path.join(os.tmpdir(), `minzheng-scale-${scale}`);
    const existing = existingCorpus(dir, scale);
    if (existing) {
      console.log(`reusing ${dir} (${existing.files} files, generated earlier with factor ${scale})`);
    } else {
      const gen = note(scale, await runChild('gen-scale-corpus.mjs', ['--factor', String(scale), '--out', dir, '--force']));
      if (!gen) {
        results.push({ scale, failed: true });
        continue;
      }
    }
    corpusArgs = ['--corpus', dir];
  }
  const runs = numberArg(args, 'runs', scale > 1 ? 5 : 10);
  const build = note(scale, await runChild('build-throughput.mjs', [...corpusArgs, '--save-cache', ...(args.profile ? ['--profile'] : [])]));
  const serverHeap = args['server-heap-mb'] ? ['--server-heap-mb', String(args['server-heap-mb'])] : [];
  const cold = note(scale, await runChild('cold-start.mjs', [...corpusArgs, '--runs', String(runs), ...serverHeap]));
  const search = note(scale, await runChild('search-latency.mjs', corpusArgs));
  results.push({ scale, build, cold, search });
}

// ---------------------------------------------------------------------------------------------
const fmt = (value, digits = 1) => (value === undefined || value === null || Number.isNaN(value) ? '—' : String(round(value, digits)));
const columns = [
  ['scale', null, (r) => `${r.scale}×`],
  ['reports', 'build', (r) => fmt(r.build?.reports ?? r.search?.reports, 0)],
  ['MB', 'build', (r) => fmt(r.build?.text_mb, 2)],
  ['build s', 'build', (r) => fmt(r.build?.seconds, 2)],
  ['MB/s', 'build', (r) => fmt(r.build?.mb_per_s, 3)],
  ['index MB', 'build', (r) => fmt(r.build?.index_mb, 1)],
  ['build RSS MB', 'build', (r) => fmt(r.build?.peak_rss_mb, 0)],
  ['cold start ms', 'cold', (r) => fmt(r.cold?.cold_start_ms_median, 0)],
  ['peak RSS MB', 'cold', (r) => fmt(r.cold?.peak_rss_mb_median, 0)],
  ['open ms', 'search', (r) => fmt(r.search?.open_ms, 0)],
  ['search p50 ms', 'search', (r) => fmt(r.search?.search?.p50_ms, 2)],
  ['search p99 ms', 'search', (r) => fmt(r.search?.search?.p99_ms, 2)],
  ['compare ind/topic p50 ms', 'search', (r) =>
    r.search?.compare?.available ? `${fmt(r.search.compare.indicator?.p50_ms, 1)} / ${fmt(r.search.compare.topic?.p50_ms, 1)}` : '—'],
];
// A cell whose bench failed says so; the reports column falls back to the search bench.
const rows = results.map((r) =>
  columns.map(([title, source, get]) => {
    const value = get(r);
    if (value !== '—' || !source) return value;
    return r.failed || !r[source] ? 'failed' : value;
  }),
);
const widths = columns.map(([title], i) => Math.max(title.length, ...rows.map((row) => row[i].length)));
const line = (cells) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
console.log('\n══════ summary ══════');
console.log(line(columns.map(([title]) => title)));
console.log(widths.map((w) => '─'.repeat(w)).join('  '));
for (const row of rows) console.log(line(row));
console.log('(MB = UTF-8 text of the report bodies; cold start = spawn → first search_reports answer, median; peak RSS = server VmHWM, median;');
console.log(' open ms = openLibrary in-process with a cached index; search = searchPassages limit 8 over the fixed query list)');
if (failures.length) {
  console.log('\nfailed:');
  for (const failure of failures) {
    console.log(`  ${failure.scale}×  ${failure.label}: ${failure.reason}`);
    for (const tail of failure.stderrTail) console.log(`      ${tail}`);
  }
}
emitJson('run-all', { scales, results, failures });
process.exit(failures.length ? 1 : 0);
