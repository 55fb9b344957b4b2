import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { estimateTokens, pageOf } from '../../src/server/budget.js';
import { documentPage } from '../../src/server/document-page.js';
import { call, citationsIn, connectInMemory, documentText, textOf } from './client.js';

let client: Client;
beforeAll(async () => {
  client = await connectInMemory();
});

interface Page {
  text: string;
  offset: number;
  total_chars: number;
  next_offset: number | null;
}

describe('get_document pages', () => {
  it('joins its pages into the whole text, each page ending at a line break or 。 where it can', async () => {
    const whole = await documentText(client, 'hebi-2022');
    const pages: Page[] = [];
    for (let offset: number | null = 0; offset !== null; ) {
      const page = (await call(client, 'get_document', { doc_id: 'hebi-2022', offset, max_chars: 1000 })).structuredContent as unknown as Page;
      expect(page.offset).toBe(offset);
      expect(page.text.length).toBeLessThanOrEqual(1000);
      pages.push(page);
      offset = page.next_offset;
    }
    expect(pages.length).toBeGreaterThan(5);
    expect(pages.map((page) => page.text).join('')).toBe(whole);
    expect(pages.every((page) => page.total_chars === whole.length)).toBe(true);
    for (const page of pages.slice(0, -1)) {
      if (!/[\n。]$/.test(page.text)) expect(page.text.slice(Math.floor(page.text.length * 0.8))).not.toMatch(/[\n。]/);
    }
    expect(pages.filter((page) => /[\n。]$/.test(page.text)).length).toBeGreaterThan(pages.length / 2);
  });

  it('holds every citation at start - offset of the page that contains it', async () => {
    const search = await call(client, 'search_reports', { query: '养老 低保 社会组织', place: '鹤壁', limit: 20 });
    for (const citation of citationsIn(search.structuredContent)) {
      const page = (await call(client, 'get_document', { doc_id: citation.doc_id, offset: citation.start, max_chars: 1000 })).structuredContent as unknown as Page;
      expect(page.text.slice(citation.start - page.offset, citation.end - page.offset)).toBe(citation.quote);
    }
  });

  it('refuses an offset past the end, saying how long the text is', async () => {
    const result = await call(client, 'get_document', { doc_id: 'xuchang-2025', offset: 999_999 });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/offset 超出全文长度.*characters/);
  });

  it('keeps a page of rare characters within the budget by shortening it', () => {
    const page = documentPage('𠀀'.repeat(10_000), 0, 6000);
    expect(estimateTokens(page.text)).toBeLessThanOrEqual(8000);
    expect(page.text.length % 2).toBe(0); // never half a surrogate pair
    expect(page.next_offset).toBe(page.text.length);
  });
});

describe('cursor paging', () => {
  const items = Array.from({ length: 100 }, (_, i) => ({ place: `地方${i}`, quote: '养老服务'.repeat(20) }));

  it('pages a list within the budget, every item once, in order', () => {
    const seen: unknown[] = [];
    let cursor: string | undefined;
    do {
      const page = pageOf(items, cursor, {}, 2000);
      expect(estimateTokens(page.items)).toBeLessThanOrEqual(2000);
      seen.push(...page.items);
      cursor = page.next_cursor ?? undefined;
    } while (cursor !== undefined);
    expect(seen).toEqual(items);
  });

  it('continues a comparison from a cursor', async () => {
    const first = (await call(client, 'compare_cities', { indicator: '城市低保标准' })).structuredContent as { rows: { place: string }[]; next_cursor: string | null };
    expect(first.next_cursor).toBeNull();
    const rest = (await call(client, 'compare_cities', { indicator: '城市低保标准', cursor: '2' })).structuredContent as { rows: { place: string }[] };
    expect(rest.rows).toEqual(first.rows.slice(2));
  });

  it.each(['list_reports', 'list_indicators', 'lookup_indicator', 'compare_cities'])('%s refuses a cursor it did not give', async (tool) => {
    const args = tool === 'lookup_indicator' || tool === 'compare_cities' ? { indicator: '社会组织数', cursor: 'abc' } : { cursor: '99999' };
    const result = await call(client, tool, args);
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain('cursor 无效');
  });
});
