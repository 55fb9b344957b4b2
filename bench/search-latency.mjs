#!/usr/bin/env node
// In-process search latency: library open time and memory, searchPassages percentiles over a
// fixed query list, compare_cities through an in-memory MCP client when the server has it, and
// a breakdown of where the open time goes (measured in a fresh child process).
//
//   node bench/search-latency.mjs [--corpus DIR] [--reps 20] [--compare-calls 50]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIST, MB, configInputs, emitJson, ms, numberArg, parseArgs, percentile, resolveTarget, round } from './lib.mjs';

const args = parseArgs();
const reps = numberArg(args, 'reps', 20);
const compareCalls = numberArg(args, 'compare-calls', 50);
const target = await resolveTarget(args.corpus);
const dist = (file) => path.join(DIST, file);

/** Fixed query list: topics, places, figures, question-like wording, mixed. */
export const QUERIES = [
  '低保标准', '许昌 城市低保', '养老床位', '社会组织 登记', '福利彩票 销售', '持证社工', '孤儿 基本生活费',
  '适老化改造', '火化率', '流浪乞讨 救助', '城市低保标准', '农村低保标准', '最低生活保障', '特困供养',
  '特困人员 救助供养', '临时救助', '社会救助 资金', '高龄津贴', '尊老金', '残疾人两项补贴', '重度残疾人护理补贴',
  '困难残疾人生活补贴', '养老机构', '居家养老服务', '社区日间照料中心', '农村幸福院', '老年助餐', '长者食堂',
  '智慧养老', '养老护理员 培训', '医养结合', '儿童主任', '事实无人抚养儿童', '未成年人保护', '留守儿童 关爱',
  '婚姻登记', '婚俗改革', '殡葬改革', '公益性公墓', '地名文化', '区划地名', '社区治理', '城乡社区 服务',
  '社工站', '志愿者 注册', '慈善组织', '福彩公益金', '退役军人', '党史学习教育', '我为群众办实事',
  '镇江 养老床位', '鹤壁 社会组织', '清水县 低保', '许昌 适老化改造', '鹤壁 智慧养老', '镇江 社会工作者',
  '2022年 低保', '2021年 养老服务', '城市低保标准 每人每月 元', '养老床位 张', '社会组织 个', '580元', '98%',
  '低保标准是多少', '有多少持证社工', '养老床位有多少张', '福利彩票销售了多少', '救助 流浪乞讨人员 人次',
];

// ---------------------------------------------------------------------------------------------
// Child mode: where the open time goes, in a fresh process (nodejieba keeps one global segmenter,
// so the phases must not share a process with an earlier open).
if (args['phases-only']) {
  const out = {};
  const rss = () => process.memoryUsage().rss / MB;
  const step = async (name, fn) => {
    const before = rss();
    const started = process.hrtime.bigint();
    const value = await fn();
    out[name] = { ms: round(ms(started), 1), rss_delta_mb: round(rss() - before, 1) };
    return value;
  };
  try {
    const { argv, env } = configInputs(target);
    const mods = await step('import modules', async () => ({
      config: await import(dist('config.js')),
      store: await import(dist('search/store.js')),
      freshness: await import(dist('search/freshness.js')),
      jiebaFiles: await import(dist('search/jieba-files.js')),
      tokenizer: await import(dist('text/tokenizer.js')),
      dictionary: await import(dist('text/dictionary.js')),
      options: await import(dist('search/options.js')),
      MiniSearch: (await import('minisearch')).default,
    }));
    await step('import server modules (MCP SDK, zod, tools)', () => import(dist('server/create-server.js')));
    const config = mods.config.readConfig(argv, env);
    const manifest = await step('read manifest', () => mods.store.readManifest(config.indexDir));
    if (!manifest) throw new Error(`no index in ${config.indexDir}`);
    const stale = await step('staleness check (hash every corpus file)', () => mods.freshness.stalenessReason(manifest, config.corpusDir));
    if (stale) throw new Error(`index is stale: ${stale}`);
    const loaded = await step('load index files (read + JSON.parse)', () => mods.store.loadIndex(config.indexDir));
    const dicts = mods.jiebaFiles.jiebaDictionaries(loaded.userDictFile);
    await step('validate jieba dictionaries (JS, 5 MB)', () => {
      mods.dictionary.validateJiebaDictionary(dicts.dict);
      mods.dictionary.validateJiebaDictionary(dicts.userDict, { allowEmpty: true });
    });
    const tokenizer = await step('load jieba (validates again + nodejieba.load)', () =>
      mods.tokenizer.loadTokenizer(mods.jiebaFiles.jiebaDictionaries(loaded.userDictFile)),
    );
    await step('MiniSearch.loadJSON', () =>
      mods.MiniSearch.loadJSON(loaded.searchIndexJson, mods.options.miniSearchOptions(tokenizer.tokenize)),
    );
    await step('first tokenize', () => tokenizer.tokenize('城市低保标准'));
    const files = fs.readdirSync(config.indexDir).map((file) => [file, round(fs.statSync(path.join(config.indexDir, file)).size / MB, 2)]);
    emitJson('open-phases', { phases: out, index_files_mb: Object.fromEntries(files), rss_mb: round(rss(), 1) });
  } catch (error) {
    emitJson('open-phases', { phases: out, error: (error && error.message) || String(error) });
  }
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

// searchPassages
const perQuery = [];
const all = [];
let emptyQueries = 0;
for (const query of QUERIES) {
  const hits = library.searchPassages({ query, limit: 8 }); // warm-up
  if (hits.length === 0) emptyQueries++;
  const times = [];
  for (let i = 0; i < reps; i++) {
    const started = process.hrtime.bigint();
    library.searchPassages({ query, limit: 8 });
    times.push(ms(started));
  }
  all.push(...times);
  perQuery.push({ query, p50: percentile(times, 50), hits: hits.length });
}
const search = {
  queries: QUERIES.length,
  reps,
  p50_ms: round(percentile(all, 50), 3),
  p90_ms: round(percentile(all, 90), 3),
  p99_ms: round(percentile(all, 99), 3),
  max_ms: round(Math.max(...all), 3),
};
console.log(
  `  searchPassages (limit 8), ${QUERIES.length} queries × ${reps}: p50 ${search.p50_ms} ms, p90 ${search.p90_ms} ms, ` +
    `p99 ${search.p99_ms} ms, max ${search.max_ms} ms${emptyQueries ? ` (${emptyQueries} queries found nothing)` : ''}`,
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
    const server = createServer({ library, logger: silentLogger });
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    const client = new Client({ name: 'bench', version: '1' });
    await Promise.all([server.connect(serverSide), client.connect(clientSide)]);
    const { tools } = await client.listTools();
    if (!tools.some((tool) => tool.name === 'compare_cities')) {
      console.log('  compare_cities: not registered by the server yet');
    } else {
      compare = { available: true, calls: compareCalls };
      for (const [label, callArgs] of [
        ['indicator', { indicator: 'dibao_urban' }],
        ['topic', { topic: '养老床位' }],
      ]) {
        const call = () => client.callTool({ name: 'compare_cities', arguments: callArgs }, undefined, { timeout: 600000 });
        const first = await call();
        const rows = first.structuredContent?.rows?.length ?? 0;
        const error = first.isError ? first.content?.map((c) => c.text).join(' ').slice(0, 200) : undefined;
        const times = [];
        for (let i = 0; i < compareCalls; i++) {
          const started = process.hrtime.bigint();
          await call();
          times.push(ms(started));
        }
        compare[label] = {
          args: callArgs,
          p50_ms: round(percentile(times, 50), 3),
          p99_ms: round(percentile(times, 99), 3),
          rows,
          missing: first.structuredContent?.missing?.length ?? 0,
          ...(error ? { error } : {}),
        };
        console.log(
          `  compare_cities ${JSON.stringify(callArgs)} × ${compareCalls}: p50 ${compare[label].p50_ms} ms, p99 ${compare[label].p99_ms} ms` +
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
  console.log('  where a fresh open spends its time (separate process):');
  for (const [name, value] of Object.entries(phases.phases)) {
    console.log(`    ${name.padEnd(46)} ${String(value.ms).padStart(9)} ms   RSS ${value.rss_delta_mb >= 0 ? '+' : ''}${value.rss_delta_mb} MB`);
  }
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
  open_phases: phases?.phases,
});
