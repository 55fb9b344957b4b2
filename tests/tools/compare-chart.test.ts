import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { comparisonCharts, type ChartRow } from '../../src/server/tools/compare-chart.js';
import { bundledLibrary } from '../helpers.js';
import { call, connectInMemory } from './client.js';

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(base64: string): { width: number; height: number } {
  const bytes = Buffer.from(base64, 'base64');
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('compare_cities chart', () => {
  let client: Client;
  beforeAll(async () => {
    client = await connectInMemory();
  });
  afterAll(async () => client?.close());

  it('adds one PNG image block beside the table when asked, and changes nothing else', async () => {
    const plain = await call(client, 'compare_cities', { indicator: '低保标准' });
    const charted = await call(client, 'compare_cities', { indicator: '低保标准', chart: true });
    expect(plain.content.map((block) => block.type)).toEqual(['text']);
    expect(charted.structuredContent).toEqual(plain.structuredContent);
    expect(charted.content.map((block) => block.type)).toEqual(['text', 'text', 'image']);
    const image = charted.content[2] as { mimeType: string; data: string };
    expect(image.mimeType).toBe('image/png');
    const rows = (plain.structuredContent as { rows: unknown[] }).rows.length;
    const size = pngSize(image.data);
    expect(size.width).toBe(800);
    expect(size.height).toBe(3 * (50 + 34) + rows * 30); // one chart per family member with values, a bar per row
    expect((charted.content[1] as { text: string }).text).toMatch(/^\(附排名图 3 幅,PNG/);
  });

  it('says why there is no chart for a topic, and leaves errors alone', async () => {
    const topic = await call(client, 'compare_cities', { topic: '智慧养老', chart: true });
    expect(topic.content.map((block) => block.type)).toEqual(['text', 'text']);
    expect((topic.content[1] as { text: string }).text).toContain('charts are drawn for indicator comparisons only');
    const bad = await call(client, 'compare_cities', { indicator: '火星移民数', chart: true });
    expect(bad.isError).toBe(true);
    expect(bad.content).toHaveLength(1);
  });

  it('labels in Chinese with a Chinese font, in pinyin and ids without one', () => {
    const rows: ChartRow[] = [
      { indicator: 'dibao_urban', place: '许昌市', normalized_value: 700, as_of: 2025 },
      { indicator: 'dibao_urban', place: '鹤壁市', normalized_value: null },
      { indicator: 'dibao_rural', place: '清水县', normalized_value: 465, as_of: null },
    ];
    const [urban, rural] = comparisonCharts(rows, bundledLibrary(), true);
    expect(urban).toMatchObject({ title: '城市低保标准各地比较', unit: '元/人/月', bars: [{ label: '许昌市', value: 700, detail: '2025' }] });
    expect(rural?.bars).toEqual([{ label: '清水县', value: 465 }]);
    const latin = comparisonCharts(rows, bundledLibrary(), false);
    expect(latin[0]).toMatchObject({ title: 'dibao_urban: ranking by place', unit: 'yuan/person/month', bars: [{ label: 'xuchang' }] });
    expect(latin[1]?.bars[0]?.label).toBe('qingshui');
  });
});
