// The largest structuredContent each tool returns on a corpus, in tokens (js-tiktoken, cl100k_base),
// over the worst cases: the longest documents, broad searches at the largest limit, the most context,
// every indicator and family, broad topics, the staff questions. Each must stay within the budget.
//   node bench/response-sizes.mjs [--corpus DIR]
import fs from 'node:fs';
import path from 'node:path';
import { getEncoding } from 'js-tiktoken';
import { configInputs, DIST, emitJson, PACKAGE_ROOT, parseArgs, resolveTarget } from './lib.mjs';

const args = parseArgs();
const target = await resolveTarget(args.corpus);
const { argv, env } = configInputs(target);
const { readConfig } = await import(path.join(DIST, 'config.js'));
const { openLibrary } = await import(path.join(DIST, 'open-library.js'));
const { createServer } = await import(path.join(DIST, 'server', 'create-server.js'));
const { silentLogger } = await import(path.join(DIST, 'log.js'));
const { TOKEN_BUDGET } = await import(path.join(DIST, 'server', 'budget.js'));
const { CATALOGUE } = await import(path.join(DIST, 'indicators', 'catalogue.js'));
const { FAMILIES } = await import(path.join(DIST, 'indicators', 'families.js'));
const { Client } = await import('@modelcontextprotocol/sdk/client/index.js');
const { InMemoryTransport } = await import('@modelcontextprotocol/sdk/inMemory.js');

const library = openLibrary(readConfig(argv, env), silentLogger);
const { LibraryHolder } = await import(path.join(DIST, 'start', 'library-holder.js'));
const server = createServer({ holder: LibraryHolder.ready(library), logger: silentLogger });
const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
const client = new Client({ name: 'bench', version: '1' });
await Promise.all([server.connect(serverSide), client.connect(clientSide)]);

const reports = [...library.reports].sort((a, b) => b.text.length - a.text.length);
const passages = reports.slice(0, 3).flatMap((report) => library.passagesOf(report.meta.doc_id).slice(0, 2).map((p) => p.passage_id));
const indicators = [...CATALOGUE.map((indicator) => indicator.id), ...FAMILIES.map((family) => family.name)];
const broad = ['民政', '养老 服务 救助 社会 保障 建设 工作', '低保 特困 临时救助 残疾人 孤儿 养老 社会组织 慈善 福彩 婚姻 殡葬'];
const questions = JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'tests', 'fixtures', 'ask-questions.json'), 'utf8')).map((q) => q.question);
const cases = [
  ['list_reports', {}],
  ['list_indicators', {}],
  ...reports.slice(0, 3).map((report) => ['get_document', { doc_id: report.meta.doc_id, max_chars: 6000 }]),
  ...broad.map((query) => ['search_reports', { query, limit: 50 }]),
  ...passages.map((passage_id) => ['get_passage', { passage_id, context: 5 }]),
  ...indicators.map((indicator) => ['lookup_indicator', { indicator, include_uncertain: true }]),
  ...indicators.map((indicator) => ['compare_cities', { indicator, include_uncertain: true }]),
  ...broad.map((topic) => ['compare_cities', { topic }]),
  ...[...questions, ...broad].map((question) => ['ask', { question, include_uncertain: true }]),
];

const encoding = getEncoding('cl100k_base');
const largest = {};
for (const [tool, toolArgs] of cases) {
  const result = await client.callTool({ name: tool, arguments: toolArgs });
  if (result.isError) continue;
  const tokens = encoding.encode(JSON.stringify(result.structuredContent)).length;
  if (tokens > (largest[tool]?.tokens ?? -1)) largest[tool] = { tokens, args: toolArgs };
}
for (const [tool, { tokens, args: toolArgs }] of Object.entries(largest)) {
  process.stderr.write(`${tool.padEnd(18)} ${String(tokens).padStart(6)} tokens${tokens > TOKEN_BUDGET ? '  OVER BUDGET' : ''}  ${JSON.stringify(toolArgs)}\n`);
}
emitJson('response-sizes', { corpus: target.corpusDir ?? 'bundled', reports: library.reports.length, budget: TOKEN_BUDGET, largest });
await client.close();
