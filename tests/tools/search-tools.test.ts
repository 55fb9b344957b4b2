import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, citationsIn, connectInMemory, documentText as readDocument, textOf } from './client.js';

let client: Client;
const documents = new Map<string, string>();

async function documentText(docId: string): Promise<string> {
  if (!documents.has(docId)) {
    documents.set(docId, await readDocument(client, docId));
  }
  return documents.get(docId)!;
}

async function expectCitationsHold(value: unknown): Promise<number> {
  const citations = citationsIn(value);
  for (const citation of citations) {
    expect((await documentText(citation.doc_id)).slice(citation.start, citation.end)).toBe(citation.quote);
    expect(citation.quote.length).toBeLessThanOrEqual(300);
  }
  return citations.length;
}

beforeAll(async () => {
  client = await connectInMemory();
});

describe('tools/list', () => {
  it('declares the contract tools with input and output schemas', async () => {
    const { tools } = await client.listTools();
    const names = tools.map((tool) => tool.name);
    expect(names).toEqual(expect.arrayContaining(['list_reports', 'get_document', 'search_reports', 'get_passage']));
    for (const tool of tools) {
      expect(tool.outputSchema, tool.name).toBeDefined();
      expect(tool.annotations?.readOnlyHint, tool.name).toBe(true);
    }
  });
});

describe('list_reports', () => {
  it('lists the five bundled reports with full place names', async () => {
    const result = await call(client, 'list_reports');
    const reports = (result.structuredContent as { reports: { doc_id: string; place: string; published: string }[] }).reports;
    expect(reports.map((r) => r.doc_id).sort()).toEqual(['hebi-2022', 'qingshui-2025', 'xuchang-2021', 'xuchang-2025', 'zhenjiang-2022']);
    expect(reports.find((r) => r.doc_id === 'qingshui-2025')?.place).toBe('清水县');
    expect(reports.find((r) => r.doc_id === 'hebi-2022')?.published).toBe('2022-10-12');
    expect(textOf(result)).toContain('许昌市');
  });
});

describe('get_document', () => {
  it('returns the cleaned text', async () => {
    const result = await call(client, 'get_document', { doc_id: 'xuchang-2025' });
    const doc = result.structuredContent as { text: string; place: string };
    expect(doc.place).toBe('许昌市');
    expect(doc.text).toContain('街道综合养老服务中心28个');
    expect(doc.text).not.toContain('请用浏览器扫描下载');
  });

  it('answers an unknown doc_id with an error naming the known ones', async () => {
    const result = await call(client, 'get_document', { doc_id: 'beijing-2030' });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/No report "beijing-2030".*xuchang-2025/);
  });
});

describe('search_reports', () => {
  it.each([
    ['许昌 低保标准', '由每人每月不低于520元提高到700元'],
    ['最低生活保障标准 鹤壁', '城市居民最低生活保障标准从每人每月不低于220元提高到不低于630元'],
    ['尊老金', '每年为全市10万余名高龄老人发放尊老金约7700万元'],
    ['福利彩票 公益金 镇江', '累计销售福利彩票40.84亿元'],
  ])('"%s" finds the passage with %s, every result cited', async (query, phrase) => {
    const result = await call(client, 'search_reports', { query, limit: 5 });
    const results = (result.structuredContent as { results: { text: string }[] }).results;
    expect(results.some((r) => r.text.includes(phrase))).toBe(true);
    expect(await expectCitationsHold(result.structuredContent)).toBe(results.length);
  });

  it('filters by place (short, full or id) and by year', async () => {
    for (const place of ['镇江', '镇江市', 'zhenjiang', ['镇江']]) {
      const result = await call(client, 'search_reports', { query: '低保', place, limit: 10 });
      const results = (result.structuredContent as { results: { place: string }[] }).results;
      expect(results.length).toBeGreaterThan(0);
      expect(new Set(results.map((r) => r.place))).toEqual(new Set(['镇江市']));
    }
    const recent = await call(client, 'search_reports', { query: '养老', published_from: 2025, limit: 20 });
    const years = (recent.structuredContent as { results: { published: string }[] }).results.map((r) => r.published.slice(0, 4));
    expect(years.length).toBeGreaterThan(0);
    expect(years.every((y) => y === '2025')).toBe(true);
    const several = await call(client, 'search_reports', { query: '低保', place: ['许昌', '清水'], limit: 20 });
    const places = new Set((several.structuredContent as { results: { place: string }[] }).results.map((r) => r.place));
    expect(places).toEqual(new Set(['许昌市', '清水县']));
  });

  it.each([
    [{ query: '' }, /query/],
    [{ query: 'x'.repeat(201) }, /query/],
    [{ query: '低保', limit: 0 }, /limit/],
    [{ query: '低保', limit: 51 }, /limit/],
    [{ query: '低保', place: '北京' }, /没有关于北京市的报告.*许昌市/],
    [{ query: '低保', place: '火星' }, /"火星" 不是行政区划名称/],
    [{ query: '低保', place: '朝阳区' }, /"朝阳区" 有多个同名地方.*北京市.*吉林省长春市/],
    [{ query: '的了' }, /no searchable words/],
  ])('rejects %j with a clear error', async (args, message) => {
    const result = await call(client, 'search_reports', args);
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(message);
  });
});

describe('get_passage', () => {
  it('returns the passage with context, all cited', async () => {
    const search = await call(client, 'search_reports', { query: '火化率', limit: 1 });
    const [hit] = (search.structuredContent as { results: { passage_id: string; text: string }[] }).results;
    const result = await call(client, 'get_passage', { passage_id: hit!.passage_id, context: 2 });
    const passage = result.structuredContent as { text: string; before: unknown[]; after: unknown[] };
    expect(passage.text).toBe(hit!.text);
    expect(passage.before).toHaveLength(2);
    expect(passage.after).toHaveLength(2);
    expect(await expectCitationsHold(result.structuredContent)).toBe(5);
  });

  it('rejects an unknown passage or a context out of range', async () => {
    const unknown = await call(client, 'get_passage', { passage_id: 'nope:999' });
    expect(unknown.isError).toBe(true);
    expect(textOf(unknown)).toMatch(/No passage "nope:999"/);
    const wide = await call(client, 'get_passage', { passage_id: 'hebi-2022:001', context: 9 });
    expect(wide.isError).toBe(true);
  });
});

describe('resources', () => {
  it('exposes every report as a resource whose text is the document text', async () => {
    const { resources } = await client.listResources();
    expect(resources).toHaveLength(5);
    const first = resources.find((r) => r.uri.endsWith('/zhenjiang-2022'))!;
    const read = await client.readResource({ uri: first.uri });
    const content = read.contents[0] as { text: string };
    expect(content.text).toBe(await documentText('zhenjiang-2022'));
  });
});
