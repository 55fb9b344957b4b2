import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { getEncoding } from 'js-tiktoken';
import { beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../src/indicators/catalogue.js';
import { FAMILIES } from '../../src/indicators/families.js';
import { TOKEN_BUDGET, estimateTokens } from '../../src/server/budget.js';
import { bundledLibrary, readFixture } from '../helpers.js';
import { call, connectInMemory } from './client.js';

/**
 * Every response's structuredContent (what Claude Code hands the model) stays within the budget,
 * counted with a real BPE tokenizer (cl100k_base: for Chinese it counts ~7% more than Claude's
 * published legacy tokenizer, so a pass here is a pass there), over the worst cases of the bundled
 * corpus: every document, every indicator and family, broad searches at the largest limit, every
 * passage with the most context, every staff question.
 */
const encoding = getEncoding('cl100k_base');
const tokens = (value: unknown) => encoding.encode(JSON.stringify(value)).length;

let client: Client;
beforeAll(async () => {
  client = await connectInMemory();
});

function worstCases(): [string, Record<string, unknown>][] {
  const library = bundledLibrary();
  const docs = library.reports.map((report) => report.meta.doc_id);
  // The passages with the longest neighbourhoods: where get_passage with the most context is largest.
  const around = (doc: string, i: number) => library.passagesOf(doc).slice(Math.max(0, i - 5), i + 6).reduce((sum, p) => sum + p.text.length, 0);
  const passages = docs.flatMap((doc) =>
    library.passagesOf(doc).map((passage, i) => ({ id: passage.passage_id, size: around(doc, i) })).sort((a, b) => b.size - a.size).slice(0, 3).map((p) => p.id),
  );
  const indicators = [...CATALOGUE.map((indicator) => indicator.id), ...FAMILIES.map((family) => family.name)];
  const broad = ['民政', '养老 服务 救助 社会 保障 建设 工作', '低保 特困 临时救助 残疾人 孤儿 养老 社会组织 慈善 福彩 婚姻 殡葬', '全市'];
  const questions = readFixture<{ question: string }[]>('ask-questions.json').map((q) => q.question);
  return [
    ['list_reports', {}],
    ['list_indicators', {}],
    ...docs.map((doc_id): [string, Record<string, unknown>] => ['get_document', { doc_id }]),
    ...docs.map((doc_id): [string, Record<string, unknown>] => ['get_document', { doc_id, max_chars: 6000 }]),
    ...broad.map((query): [string, Record<string, unknown>] => ['search_reports', { query, limit: 50 }]),
    ...passages.map((passage_id): [string, Record<string, unknown>] => ['get_passage', { passage_id, context: 5 }]),
    ...indicators.map((indicator): [string, Record<string, unknown>] => ['lookup_indicator', { indicator, include_uncertain: true }]),
    ...indicators.map((indicator): [string, Record<string, unknown>] => ['compare_cities', { indicator, include_uncertain: true }]),
    ...broad.map((topic): [string, Record<string, unknown>] => ['compare_cities', { topic }]),
    ...[...questions, ...broad].map((question): [string, Record<string, unknown>] => ['ask', { question, include_uncertain: true }]),
  ];
}

describe('response budget', () => {
  it(`keeps every structuredContent within ${TOKEN_BUDGET} tokens, and the server's own estimate above the real count`, async () => {
    const largest = new Map<string, { tokens: number; args: Record<string, unknown> }>();
    const underestimated: string[] = [];
    for (const [tool, args] of worstCases()) {
      const result = await call(client, tool, args);
      expect(result.isError, `${tool} ${JSON.stringify(args)}`).toBeFalsy();
      const count = tokens(result.structuredContent);
      if (count > (largest.get(tool)?.tokens ?? -1)) largest.set(tool, { tokens: count, args });
      const estimate = estimateTokens(result.structuredContent);
      if (estimate < count) underestimated.push(`${tool} ${JSON.stringify(args)}: estimated ${estimate} < ${count}`);
    }
    process.stderr.write(`largest structuredContent per tool (cl100k tokens): ${JSON.stringify(Object.fromEntries([...largest].map(([tool, { tokens, args }]) => [tool, { tokens, args }])))}\n`);
    for (const [tool, { tokens: count, args }] of largest) expect(count, `${tool} ${JSON.stringify(args)}`).toBeLessThanOrEqual(TOKEN_BUDGET);
    expect(underestimated).toEqual([]);
  });
});
