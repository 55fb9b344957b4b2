#!/usr/bin/env node
// Index build throughput: rebuildIndex of a corpus into a fresh temporary index folder.
//
//   node bench/build-throughput.mjs [--corpus DIR] [--save-cache] [--keep] [--profile]
//
// --profile samples the build with the V8 CPU profiler and prints self time by module and by
// function (a few % slower; the figures above it are then slightly pessimistic).
// --save-cache moves the built index into the bench's index cache of that corpus (the folder
// cold-start.mjs and search-latency.mjs give the server through MINZHENG_CACHE_DIR), so they do
// not build it a second time. --keep leaves the temporary index folder in place.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  BUNDLED_CORPUS,
  DIST,
  MB,
  benchCacheRoot,
  dirBytes,
  emitJson,
  ms,
  parseArgs,
  printProfile,
  profiled,
  round,
  summarizeProfile,
} from './lib.mjs';

const args = parseArgs();
const corpusDir = path.resolve(typeof args.corpus === 'string' ? args.corpus : BUNDLED_CORPUS);
const SAMPLE_PASSAGES = 20000;

const { rebuildIndex } = await import(path.join(DIST, 'open-library.js'));
const { readConfig } = await import(path.join(DIST, 'config.js'));
const { listReportFiles } = await import(path.join(DIST, 'corpus', 'load.js'));

const files = listReportFiles(corpusDir);
const fileBytes = files.reduce((sum, file) => sum + fs.statSync(path.join(corpusDir, file)).size, 0);
const indexDir = fs.mkdtempSync(path.join(os.tmpdir(), 'minzheng-bench-index-'));
const messages = [];
const logger = { info: (m) => messages.push(m), warn: (m) => messages.push(`warning: ${m}`) };

console.log(`index build of ${corpusDir} (${files.length} files, ${round(fileBytes / MB, 2)} MB on disk) → ${indexDir}`);
const build = () => rebuildIndex({ corpusDir, indexDir }, logger);
const started = process.hrtime.bigint();
const { value: library, profile } = args.profile ? await profiled(build, 1000) : { value: build() };
const seconds = ms(started) / 1000;
const maxRssMb = process.resourceUsage().maxRSS / 1024;

const textBytes = library.reports.reduce((sum, report) => sum + Buffer.byteLength(report.text), 0);
const counts = library.manifest.counts;
const indexBytes = dirBytes(indexDir);
const perFile = Object.fromEntries(fs.readdirSync(indexDir).map((f) => [f, round(fs.statSync(path.join(indexDir, f)).size / MB, 2)]));
const logged = messages.map((m) => /indexed \d+ reports, \d+ passages in (\d+) ms/.exec(m)).find(Boolean);
const buildMs = logged ? Number(logged[1]) : undefined;
const warnings = messages.filter((m) => m.startsWith('warning:'));

// How much of the build is jieba: tokenize a sample of the passages again with the same tokenizer.
const passages = [];
for (const report of library.reports) {
  for (const passage of library.passagesOf(report.meta.doc_id)) {
    passages.push(passage.text);
    if (passages.length >= SAMPLE_PASSAGES) break;
  }
  if (passages.length >= SAMPLE_PASSAGES) break;
}
const tokenizeStarted = process.hrtime.bigint();
for (const text of passages) library.tokenizer.tokenize(text);
const tokenizeSampleMs = ms(tokenizeStarted);
const tokenizeAllS = passages.length ? ((tokenizeSampleMs / passages.length) * counts.passages) / 1000 : 0;

const textMb = textBytes / MB;
const result = {
  corpus: corpusDir,
  reports: counts.reports,
  passages: counts.passages,
  problems: library.manifest.problems?.length ?? 0,
  files: files.length,
  file_mb: round(fileBytes / MB, 3),
  text_mb: round(textMb, 3),
  seconds: round(seconds, 3),
  build_ms_excl_jieba_load: buildMs,
  mb_per_s: round(textMb / seconds, 3),
  index_mb: round(indexBytes / MB, 3),
  index_ratio: round(indexBytes / textBytes, 2),
  index_files_mb: perFile,
  peak_rss_mb: round(maxRssMb, 1),
  tokenize_s_estimate: round(tokenizeAllS, 2),
};

console.log(`  reports / passages:  ${result.reports} / ${result.passages}${result.problems ? ` (${result.problems} files skipped)` : ''}`);
console.log(`  report text:         ${result.text_mb} MB (UTF-8 bytes of the cleaned report bodies)`);
console.log(`  build time:          ${result.seconds} s (rebuildIndex; ${buildMs ?? '?'} ms of it after jieba was loaded) → ${result.mb_per_s} MB/s`);
console.log(`  jieba tokenizing:    ≈ ${result.tokenize_s_estimate} s of it (re-tokenized ${passages.length} passages in ${round(tokenizeSampleMs, 0)} ms, extrapolated)`);
console.log(`  index on disk:       ${result.index_mb} MB = ${result.index_ratio}× the text; ${JSON.stringify(perFile)}`);
console.log(`  peak RSS (maxRSS):   ${result.peak_rss_mb} MB`);
for (const warning of warnings.slice(0, 5)) console.log(`  ${warning}`);

let hotspots;
if (profile) {
  hotspots = summarizeProfile(profile, ['rebuildIndex', 'buildIndex', 'saveIndex']);
  console.log('  CPU profile of the build:');
  printProfile(hotspots);
}

if (args['save-cache']) {
  const cacheRoot = benchCacheRoot(corpusDir);
  const env = { ...process.env, MINZHENG_CACHE_DIR: cacheRoot };
  delete env.MINZHENG_CORPUS;
  const target = readConfig(['--corpus', corpusDir], env).indexDir;
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.renameSync(indexDir, target);
  console.log(`  index kept as the bench cache of this corpus: ${target}`);
} else if (!args.keep) {
  fs.rmSync(indexDir, { recursive: true, force: true });
}

emitJson('build-throughput', hotspots ? { ...result, profile: hotspots } : result);

