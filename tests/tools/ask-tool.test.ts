import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, citationsIn, connectInMemory, documentText, textOf } from './client.js';

interface Answer {
  answered_with: string[];
  why: string;
  places: string[];
  indicator?: { id: string };
  figures: { place: string; normalized_value: number | null; confidence: string }[];
  comparison?: { rows: { place: string; normalized_value?: number | null; score?: number }[]; missing: { places: string[]; reason: string }[] };
  passages: { passage_id: string; citation: { quote: string } }[];
  notes: string[];
}

let client: Client;
const documents = new Map<string, string>();

async function ask(question: string, extra: Record<string, unknown> = {}): Promise<Answer> {
  const result = await call(client, 'ask', { question, ...extra });
  expect(result.isError, textOf(result)).toBeFalsy();
  const answer = result.structuredContent as unknown as Answer;
  for (const citation of citationsIn(answer)) {
    if (!documents.has(citation.doc_id)) {
      documents.set(citation.doc_id, await documentText(client, citation.doc_id));
    }
    expect(documents.get(citation.doc_id)!.slice(citation.start, citation.end)).toBe(citation.quote);
  }
  return answer;
}

beforeAll(async () => {
  client = await connectInMemory();
});

describe('ask', () => {
  it('answers an indicator and a place with its figures, cited, and passages beside them', async () => {
    const answer = await ask('镇江有多少家养老机构');
    expect(answer.answered_with).toEqual(['figures', 'passages']);
    expect(answer.places).toEqual(['镇江市']);
    expect(answer.figures.map((figure) => figure.normalized_value)).toEqual([135]);
    expect(answer.why).toContain('镇江市');
  });

  it('answers 各地 / 哪个最高 with one ranked row per place', async () => {
    const answer = await ask('哪个地方的城市低保标准最高');
    expect(answer.answered_with).toContain('comparison');
    expect(answer.comparison!.rows.map((row) => [row.place, row.normalized_value])).toEqual([
      ['镇江市', 820],
      ['清水县', 715],
      ['许昌市', 700],
      ['鹤壁市', 630],
    ]);
    const lowest = await ask('哪个地方的城市低保标准最低');
    expect(lowest.comparison!.rows[0]!.place).toBe('鹤壁市');
  });

  it('compares the places a question names, and says why a place without the figure is missing', async () => {
    const answer = await ask('许昌和镇江的养老床位比较');
    expect(answer.comparison!.rows.map((row) => row.place)).toEqual(['镇江市']);
    expect(answer.comparison!.missing).toEqual([{ places: ['许昌市'], reason: expect.stringContaining('没有养老床位数') }]);
  });

  it('leaves out of a topic comparison the places whose best passage does not really match', async () => {
    const answer = await ask('各地智慧养老比较');
    expect(answer.answered_with).toContain('comparison');
    expect(answer.comparison!.rows.map((row) => row.place)).toContain('鹤壁市');
    expect(answer.comparison!.missing.length).toBeGreaterThan(0);
    for (const missing of answer.comparison!.missing) expect(missing.reason).toMatch(/不算回答|没有/);
    const scores = answer.comparison!.rows.map((row) => row.score!);
    expect(Math.min(...scores)).toBeGreaterThanOrEqual(0.2 * Math.max(...scores));
  });

  it('answers how-questions with passages of the place named', async () => {
    const answer = await ask('清水县临时救助');
    expect(answer.answered_with).toEqual(['passages']);
    expect(answer.passages[0]!.citation.quote).toContain('临时生活救助');
    expect(answer.passages.every((passage) => passage.passage_id.startsWith('qingshui-2025'))).toBe(true);
  });

  it('does not give a standard in 元 as the answer to 多少人, and says so', async () => {
    const answer = await ask('鹤壁享受残疾人两项补贴的有多少人');
    expect(answer.figures).toEqual([]);
    expect(answer.notes.join()).toContain('人数');
    expect(answer.passages[0]!.citation.quote).toContain('28960人');
  });

  it('says when a place has no figure for the indicator asked', async () => {
    const answer = await ask('清水县养老床位有多少张');
    expect(answer.figures).toEqual([]);
    expect(answer.notes.join()).toContain('没有');
  });

  it('takes the place as an argument, one string or several separated by 、', async () => {
    expect((await ask('老年助餐点有多少个', { place: '许昌' })).figures.map((figure) => figure.normalized_value)).toEqual([471]);
    const two = await ask('老年助餐点比较', { place: '许昌、镇江' });
    expect(two.comparison!.rows.map((row) => row.place).sort()).toEqual(['许昌市', '镇江市']);
  });

  it('returns uncertain figures only when asked', async () => {
    expect((await ask('清水县残疾人生活补贴发了多少钱')).figures).toEqual([]);
    const uncertain = await ask('清水县两项补贴资金发了多少钱', { include_uncertain: true });
    expect(uncertain.figures.length).toBeGreaterThan(0);
    expect(uncertain.figures.every((figure) => figure.confidence === 'low')).toBe(true);
  });

  it('reads a province the question names as the places inside it with reports', async () => {
    const answer = await ask('河南各地低保标准比较');
    expect(answer.places.sort()).toEqual(['许昌市', '鹤壁市']);
    expect(new Set(answer.comparison!.rows.map((row) => row.place))).toEqual(new Set(['许昌市', '鹤壁市']));
  });

  it.each([
    [{ question: '低保', place: '北京' }, '没有关于北京市的报告'],
    [{ question: '北京低保标准是多少' }, '没有关于北京市的报告'],
    [{ question: '?!' }, '没有可检索的词'],
    [{ question: '哪个最高' }, '问题没有说比较什么'],
    [{ question: '各地比较一下' }, '问题没有说比较什么'],
    [{ question: '' }, 'question'],
  ])('refuses %j with a clear message', async (args, message) => {
    const result = await call(client, 'ask', args);
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain(message);
  });
});

describe('ask about how a figure moved', () => {
  it('answers 提高了多少 with the series and the stated changes, cited', async () => {
    const answer = (await ask('镇江集中养育孤儿基本生活费这些年提高了多少')) as Answer & { series?: { place: string; points: { year: number; value: number }[] }[]; changes?: unknown[] };
    const series = answer.series?.find((s) => s.place.startsWith('镇江'));
    expect(series?.points.map((p) => [p.year, p.value])).toEqual(expect.arrayContaining([[2012, 1000], [2022, 2642]]));
  });

  it('leaves the series out of a question that does not ask how a figure moved', async () => {
    const answer = (await ask('镇江集中养育孤儿基本生活费是多少')) as Answer & { series?: unknown[] };
    expect(answer.series).toBeUndefined();
  });
});
