#!/usr/bin/env node
// One measurement of one store in a fresh process (nodejieba holds one global segmenter), for
// bench/store-side-by-side.mjs. Prints one BENCH_JSON line.
//
//   node bench/store-child.mjs --mode build  --corpus DIR --store sqlite --cache DIR
//   node bench/store-child.mjs --mode search --corpus DIR --store sqlite --cache DIR [--reps 5]
//   node bench/store-child.mjs --mode update --corpus DIR --store sqlite --cache DIR --add FILE
import fs from 'node:fs';
import path from 'node:path';
import { DIST, MB, dirBytes, emitJson, ms, numberArg, parseArgs, percentile, round } from './lib.mjs';
import { QUERIES } from './queries.mjs';

const args = parseArgs();
const dist = (file) => import(path.join(DIST, file));
const { readConfig } = await dist('config.js');
const { openLibrary, rebuildIndex } = await dist('open-library.js');
const { silentLogger } = await dist('log.js');
const env = { ...process.env, MINZHENG_CACHE_DIR: path.resolve(args.cache) };
delete env.MINZHENG_CORPUS;
const config = readConfig(['--corpus', path.resolve(args.corpus), '--store', args.store], env);
const maxRssMb = () => round(process.resourceUsage().maxRSS / 1024, 0);

if (args.mode === 'build') {
  const started = process.hrtime.bigint();
  const library = rebuildIndex(config, silentLogger);
  emitJson('store-build', { store: args.store, build_ms: round(ms(started), 0), peak_rss_mb: maxRssMb(), store_mb: round(dirBytes(config.indexDir) / MB, 1), ...library.manifest.counts });
} else if (args.mode === 'update') {
  // One report added to the corpus: the SQLite store re-indexes it only; the MiniSearch store rebuilds.
  const added = path.join(config.corpusDir, path.basename(args.add));
  fs.copyFileSync(args.add, added);
  try {
    const started = process.hrtime.bigint();
    openLibrary(config, silentLogger);
    emitJson('store-update', { store: args.store, add_ms: round(ms(started), 0), peak_rss_mb: maxRssMb() });
  } finally {
    // The corpus as before, and its store brought back to it (not timed).
    fs.rmSync(added);
    openLibrary(config, silentLogger);
  }
} else if (args.mode === 'search') {
  const reps = numberArg(args, 'reps', 5);
  const library = openLibrary(config, silentLogger);
  library.preloadSearch(silentLogger);
  for (const query of QUERIES) library.searchPassages({ query, limit: 8 });
  const times = [];
  // CPU time too: on a shared machine wall time mostly measures the other processes.
  const cpuTimes = [];
  for (let rep = 0; rep < reps; rep++) {
    for (const query of QUERIES) {
      const started = process.hrtime.bigint();
      const cpu = process.cpuUsage();
      library.searchPassages({ query, limit: 8 });
      times.push(ms(started));
      const used = process.cpuUsage(cpu);
      cpuTimes.push((used.user + used.system) / 1000);
    }
  }
  emitJson('store-search', { store: args.store, p50_ms: round(percentile(times, 50), 2), p99_ms: round(percentile(times, 99), 2), cpu_p50_ms: round(percentile(cpuTimes, 50), 2), cpu_p99_ms: round(percentile(cpuTimes, 99), 2), searches: times.length, ...(args.store === 'sqlite' ? await scoreKept(library) : {}) });
}

/**
 * The share of the exhaustive BM25 top-8 score the bounded search keeps: each of the 68 fixed
 * queries is planned as the product plans it (terms, synonyms, weights, places boosted), ranked by
 * the store's backend (threshold search over impact lists) and by the same backend scoring every
 * posting (postingCap Infinity); summed over the queries, the exhaustive scores of the 8 passages
 * the bounded search ranks first over the 8 best exhaustive scores. 1 means the same top 8 (or
 * ties of equal score). Also the exhaustive search's own latency.
 */
async function scoreKept(library) {
  const { SqliteStore } = await dist('store/sqlite-store.js');
  const { PassageSearch } = await dist('search/engine.js');
  const store = library.store;
  const uncapped = SqliteStore.open(config.indexDir, library.manifest, Infinity);
  const language = { tokenizer: library.tokenizer, synonyms: await synonyms(), placeNamedBy: (term) => library.places.find(term)?.name, termStats: store.termStats };
  const planner = new PassageSearch(store.searchBackend(), store, language);
  let best = 0;
  let kept = 0;
  const exhaustiveTimes = [];
  const exhaustiveBackend = uncapped.searchBackend();
  for (const query of QUERIES) {
    const backendQuery = planner.buildQuery(query);
    const started = process.hrtime.bigint();
    const all = exhaustiveBackend.search(backendQuery);
    exhaustiveTimes.push(ms(started));
    const scoreOf = new Map(all.map((hit) => [hit.id, hit.score]));
    best += all.slice(0, 8).reduce((sum, hit) => sum + hit.score, 0);
    kept += store.searchBackend().search(backendQuery).slice(0, 8).reduce((sum, hit) => sum + (scoreOf.get(hit.id) ?? 0), 0);
  }
  return { score_kept: round(best > 0 ? kept / best : 1, 4), exhaustive_p50_ms: round(percentile(exhaustiveTimes, 50), 2), exhaustive_p99_ms: round(percentile(exhaustiveTimes, 99), 2), posting_cap: library.manifest.posting_cap };
}

async function synonyms() {
  const { SynonymTable } = await dist('text/synonyms.js');
  const { readSynonymGroups } = await dist('text/dictionary.js');
  const { SYNONYMS_FILE } = await dist('search/jieba-files.js');
  return new SynonymTable(readSynonymGroups(SYNONYMS_FILE));
}
