import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.js';
import { createServer } from '../../src/server/create-server.js';
import { LibraryHolder } from '../../src/start/library-holder.js';
import { bundledLibrary } from '../helpers.js';
import { call, textOf } from './client.js';

/** One valid call of every tool: while the index is being built each must answer "building", never hang or crash. */
const CALLS: [string, Record<string, unknown>][] = [
  ['list_reports', {}],
  ['get_document', { doc_id: 'xuchang-2021' }],
  ['search_reports', { query: '低保标准' }],
  ['get_passage', { passage_id: 'hebi-2022:012' }],
  ['list_indicators', {}],
  ['lookup_indicator', { indicator: '城市低保标准' }],
  ['compare_cities', { indicator: '城市低保标准', chart: true }],
  ['ask', { question: '各地城市低保标准比较' }],
  ['check_figure', { statement: '鹤壁市农村低保标准为每人每年5040元' }],
];

async function connect(holder: LibraryHolder): Promise<Client> {
  const server = createServer({ holder, logger: silentLogger });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name: 'test', version: '1' });
  await Promise.all([server.connect(serverSide), client.connect(clientSide)]);
  return client;
}

async function mcpError(promise: Promise<unknown>): Promise<McpError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(McpError);
  return error as McpError;
}

describe('a server whose index is still being built', () => {
  let holder: LibraryHolder;
  let client: Client;
  beforeAll(async () => {
    holder = LibraryHolder.building();
    client = await connect(holder);
  });

  it('lists every tool, and every tool answers "building, N%" as an isError result', async () => {
    const { tools } = await client.listTools();
    expect(new Set(tools.map((tool) => tool.name))).toEqual(new Set(CALLS.map(([name]) => name)));
    holder.progress({ done: 3, total: 12, unit: 'reports' });
    for (const [name, args] of CALLS) {
      const result = await call(client, name, args);
      expect(result.isError, name).toBe(true);
      expect(textOf(result), name).toMatch(/^索引正在建立 \(building the index, 25%, 3 of 12 reports, \d+ s so far\); try again in a few seconds$/);
    }
  });

  it('resources list nothing yet, reading one says why; prompts say why; completions are empty', async () => {
    expect((await client.listResources()).resources).toEqual([]);
    const read = await mcpError(client.readResource({ uri: 'minzheng://reports/xuchang-2021' }));
    expect(read.code).toBe(ErrorCode.InternalError);
    expect(read.message).toContain('索引正在建立');
    const prompt = await mcpError(client.getPrompt({ name: 'place_overview', arguments: { place: '许昌' } }));
    expect(prompt.code).toBe(ErrorCode.InternalError);
    expect(prompt.message).toContain('索引正在建立');
    const completion = await client.complete({ ref: { type: 'ref/prompt', name: 'compare_places' }, argument: { name: 'indicator', value: '低保' } });
    expect(completion.completion.values).toEqual([]);
    const docIds = await client.complete({ ref: { type: 'ref/resource', uri: 'minzheng://reports/{doc_id}' }, argument: { name: 'doc_id', value: 'xu' } });
    expect(docIds.completion.values).toEqual([]);
  });

  it('answers for real once the library is ready, on the same connection', async () => {
    holder.resolve(bundledLibrary());
    const result = await call(client, 'search_reports', { query: '低保标准', limit: 3 });
    expect(result.isError).toBeFalsy();
    expect((result.structuredContent as { results: unknown[] }).results.length).toBeGreaterThan(0);
    expect((await client.listResources()).resources.length).toBe(bundledLibrary().reports.length);
    const completion = await client.complete({ ref: { type: 'ref/prompt', name: 'compare_places' }, argument: { name: 'indicator', value: '低保' } });
    expect(completion.completion.values).toContain('低保标准');
  });
});

describe('a server whose index build failed', () => {
  it('keeps running; every tool, resource read and prompt says why and which command fixes it', async () => {
    const holder = LibraryHolder.building();
    holder.fail("EACCES: permission denied, scandir '/srv/reports'", 'Fix the cause, then restart the server; to build the index by hand: node cli.js index --corpus /srv/reports');
    const client = await connect(holder);
    for (const [name, args] of CALLS) {
      const result = await call(client, name, args);
      expect(result.isError, name).toBe(true);
      expect(textOf(result), name).toMatch(/^索引建立失败 \(building the index failed\): EACCES.*index --corpus \/srv\/reports$/);
    }
    expect((await mcpError(client.readResource({ uri: 'minzheng://reports/xuchang-2021' }))).message).toContain('索引建立失败');
    expect((await mcpError(client.getPrompt({ name: 'check_figures', arguments: { draft: '低保标准为600元', place: '许昌' } }))).message).toContain('index --corpus');
    expect((await client.listResources()).resources).toEqual([]);
  });
});
