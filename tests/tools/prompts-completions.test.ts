import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { LoggingMessageNotificationSchema, McpError, type LoggingMessageNotification } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, connectInMemory } from './client.js';

const TEMPLATE = 'minzheng://reports/{doc_id}';

async function promptText(client: Client, name: string, args: Record<string, string>): Promise<string> {
  const { messages } = await client.getPrompt({ name, arguments: args });
  expect(messages).toHaveLength(1);
  const content = messages[0]!.content;
  expect(content.type).toBe('text');
  return (content as { text: string }).text;
}

async function promptError(client: Client, name: string, args: Record<string, string>): Promise<McpError> {
  const error = await client.getPrompt({ name, arguments: args }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, `${name} ${JSON.stringify(args)}`).toBeInstanceOf(McpError);
  return error as McpError;
}

async function completePrompt(client: Client, prompt: string, name: string, value: string, context?: Record<string, string>): Promise<string[]> {
  const result = await client.complete({ ref: { type: 'ref/prompt', name: prompt }, argument: { name, value }, ...(context ? { context: { arguments: context } } : {}) });
  return result.completion.values;
}

describe('prompts', () => {
  let client: Client;
  beforeAll(async () => {
    client = await connectInMemory();
  });
  afterAll(async () => client?.close());

  it('are listed with Chinese titles and their arguments, required ones marked', async () => {
    const { prompts } = await client.listPrompts();
    const summary = prompts.map(({ name, title, arguments: args }) => ({ name, title, args: args?.map((arg) => `${arg.name}${arg.required ? '*' : ''}`) }));
    expect(summary).toEqual([
      { name: 'compare_places', title: '各地比较', args: ['indicator*', 'places'] },
      { name: 'place_overview', title: '一地概况', args: ['place*', 'topic'] },
      { name: 'check_figures', title: '核对数字', args: ['draft*', 'place'] },
    ]);
    for (const prompt of prompts) {
      expect(prompt.description, prompt.name).toBeTruthy();
      for (const arg of prompt.arguments ?? []) expect(arg.description, `${prompt.name}.${arg.name}`).toBeTruthy();
    }
  });

  it('各地比较 names the tool call, the indicator members and the places by full name', async () => {
    const text = await promptText(client, 'compare_places', { indicator: '低保标准', places: '许昌,镇江' });
    expect(text).toContain('compare_cities');
    expect(text).toContain('{"indicator":"低保标准","places":"许昌市、镇江市"}');
    expect(text).toMatch(/城市低保标准\(dibao_urban,统一单位 元\/人\/月\)/);
    expect(text).toContain('农村低保标准');
    const everywhere = await promptText(client, 'compare_places', { indicator: 'elderly_beds' });
    expect(everywhere).toContain('所有有报告的地方');
    expect(everywhere).toContain('{"indicator":"养老床位数"}');
  });

  it('一地概况 lists the place’s reports and the indicators its reports give', async () => {
    const text = await promptText(client, 'place_overview', { place: 'xuchang' });
    expect(text).toContain('概述许昌市的民政工作');
    expect(text).toContain('xuchang-2025');
    expect(text).toContain('xuchang-2021');
    expect(text).not.toContain('hebi-2022');
    const listed = /报告中有数值的指标:(.*)。/.exec(text)?.[1]?.split('、') ?? [];
    const beds = (await call(client, 'lookup_indicator', { indicator: '养老床位数', place: '许昌' })).structuredContent as { matches: unknown[] };
    expect(listed).toContain('社会组织数');
    expect(listed.includes('养老床位数')).toBe(beds.matches.length > 0);
    expect(text).toContain('lookup_indicator(indicator, place="许昌市")');
    const focused = await promptText(client, 'place_overview', { place: '清水', topic: '临时救助' });
    expect(focused).toContain('清水县');
    expect(focused).toContain('「临时救助」');
  });

  it('核对数字 quotes the draft, lists its numbers and asks for check_figure when there is one', async () => {
    const draft = '2023年,许昌市城市低保标准提高到每人每月700元,全市养老床位达到1.2万张。';
    const text = await promptText(client, 'check_figures', { draft, place: '许昌' });
    expect(text).toContain(draft);
    expect(text).toContain('【700元】');
    expect(text).toContain('【1.2万张】');
    expect(text).not.toContain('【2023');
    expect(text).toContain('check_figure');
    expect(text).toContain('lookup_indicator');
    expect(text).toContain('按「许昌市」理解');
  });

  it('refuse unknown names with what is accepted (-32602), and missing arguments', async () => {
    const indicator = await promptError(client, 'compare_places', { indicator: '火星移民数' });
    expect(indicator.code).toBe(-32602);
    expect(indicator.message).toContain('城市低保标准');
    const place = await promptError(client, 'place_overview', { place: '北京' });
    expect(place.code).toBe(-32602);
    expect(place.message).toContain('没有关于北京市的报告');
    const missing = await promptError(client, 'check_figures', {});
    expect(missing.code).toBe(-32602);
    expect(missing.message).toContain('draft');
  });
});

describe('completion/complete', () => {
  let client: Client;
  beforeAll(async () => {
    client = await connectInMemory();
  });
  afterAll(async () => client?.close());

  it('is declared, with prompts and logging', () => {
    const capabilities = client.getServerCapabilities();
    expect(capabilities?.completions).toBeDefined();
    expect(capabilities?.prompts).toBeDefined();
    expect(capabilities?.logging).toBeDefined();
  });

  it.each([
    ['低保', ['低保标准', '城市低保标准', '农村低保标准']],
    ['最低生活', ['最低生活保障标准']],
    ['dibao_u', ['dibao_urban']],
    ['养老床', ['养老床位数']],
  ])('indicators: %s', async (typed, expected) => {
    const values = await completePrompt(client, 'compare_places', 'indicator', typed);
    for (const value of expected) expect(values).toContain(value);
    for (const value of values) expect(value.toLowerCase()).toContain(typed.toLowerCase());
  });

  it('indicators: prefix matches before matches inside, families first, everything for an empty value', async () => {
    const values = await completePrompt(client, 'compare_places', 'indicator', '低保');
    expect(values[0]).toBe('低保标准');
    expect(values.indexOf('低保')).toBeLessThan(values.indexOf('城市低保标准'));
    expect((await completePrompt(client, 'compare_places', 'indicator', '')).length).toBeGreaterThan(40);
    expect(await completePrompt(client, 'compare_places', 'indicator', '火星')).toEqual([]);
  });

  it.each([
    ['许', '许昌市'],
    ['xu', 'xuchang'],
    ['qing', 'qingshui'],
    ['411000', '许昌市'],
    ['江苏', '江苏省'],
    ['清水', '清水县'],
  ])('places: %s → %s', async (typed, expected) => {
    expect(await completePrompt(client, 'place_overview', 'place', typed)).toContain(expected);
  });

  it('places: the last item of a list, leaving out places already named', async () => {
    expect(await completePrompt(client, 'compare_places', 'places', '许昌、镇')).toEqual(['许昌、镇江市']);
    const afterComma = await completePrompt(client, 'compare_places', 'places', '许昌市,');
    expect(afterComma.length).toBeGreaterThan(2);
    expect(afterComma.every((value) => value.startsWith('许昌市,'))).toBe(true);
    expect(afterComma).not.toContain('许昌市,许昌市');
  });

  it('places: with an indicator in the context, the places that have its value come first', async () => {
    const values = await completePrompt(client, 'compare_places', 'places', '', { indicator: '社会组织数' });
    const withValue = (await call(client, 'lookup_indicator', { indicator: '社会组织数' })).structuredContent as { matches: { place: string }[] };
    const places = new Set(withValue.matches.map((match) => match.place));
    expect(places.size).toBeGreaterThan(0);
    expect(values.slice(0, places.size).sort()).toEqual([...places].sort());
  });

  it('doc_ids of the report resource template, by doc_id or by place', async () => {
    const complete = async (value: string) =>
      (await client.complete({ ref: { type: 'ref/resource', uri: TEMPLATE }, argument: { name: 'doc_id', value } })).completion.values;
    expect(await complete('xu')).toEqual(['xuchang-2021', 'xuchang-2025']);
    expect(await complete('许昌')).toEqual(['xuchang-2021', 'xuchang-2025']);
    expect(await complete('2022')).toEqual(['hebi-2022', 'zhenjiang-2022']);
    expect((await complete('')).length).toBe(5);
    expect(await complete('nowhere')).toEqual([]);
  });
});

describe('logging capability', () => {
  it('sends what the server logs at or above the level the client set (info until it sets one)', async () => {
    const client = await connectInMemory();
    const received: LoggingMessageNotification['params'][] = [];
    client.setNotificationHandler(LoggingMessageNotificationSchema, (notification) => {
      received.push(notification.params);
    });
    const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

    await call(client, 'list_reports');
    await settle();
    expect(received.filter((message) => message.level === 'debug')).toEqual([]);

    await client.setLoggingLevel('debug');
    await call(client, 'search_reports', { query: '低保' });
    await call(client, 'get_document', { doc_id: 'nowhere' });
    await settle();
    const debug = received.filter((message) => message.level === 'debug').map((message) => message.data);
    expect(debug).toEqual([expect.stringMatching(/^search_reports: \d+ ms$/), expect.stringMatching(/^get_document: \d+ ms \(error\)$/)]);
    expect(received.every((message) => message.logger === 'minzheng')).toBe(true);

    await client.setLoggingLevel('error');
    await call(client, 'search_reports', { query: '低保' });
    await settle();
    expect(received.filter((message) => message.level === 'debug')).toHaveLength(2);
    await expect(client.setLoggingLevel('loud' as 'error')).rejects.toThrow();
    await client.close();
  });
});
