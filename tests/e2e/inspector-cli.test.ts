import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVER_ENTRY, temporaryDir } from '../helpers.js';

/**
 * The MCP Inspector CLI, a client nobody here wrote, calling every tool with every argument the
 * way a person types them (`--tool-arg k=v`: numbers, booleans, enums, place lists as literal
 * strings, a JSON array). It needs Node ≥ 22.19, fetched by npx as the npm package node@22; the
 * server itself runs on this Node (nodejieba is compiled for it). Without the npm registry the
 * suite is skipped, saying so.
 */
const run = promisify(execFile);
const INSPECTOR_PACKAGES = ['-y', '-p', 'node@22', '-p', '@modelcontextprotocol/inspector'];
const UNREACHABLE = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|ECONNRESET|network|registry/i;

type Args = Record<string, string>;
interface ToolCall {
  tool: string;
  args: Args;
  /** The call is meant to be refused as a tool error. */
  refused?: true;
  check: (result: { structuredContent?: Record<string, unknown>; isError?: boolean; content: { text?: string }[] }) => void;
}

const placesOf = (result: { structuredContent?: Record<string, unknown> }, key: string) =>
  new Set(((result.structuredContent?.[key] as { place: string }[] | undefined) ?? []).map((row) => row.place));

const CALLS: ToolCall[] = [
  { tool: 'list_reports', args: {}, check: (r) => expect(r.structuredContent?.reports).toHaveLength(5) },
  { tool: 'list_reports', args: { province: '河南', level: 'city' }, check: (r) => expect(placesOf(r, 'reports')).toEqual(new Set(['许昌市', '鹤壁市'])) },
  { tool: 'get_document', args: { doc_id: 'hebi-2022' }, check: (r) => expect(String(r.structuredContent?.text).length).toBeGreaterThan(1000) },
  {
    tool: 'search_reports',
    args: { query: '低保标准', place: '镇江,许昌', published_from: '2021', published_to: '2025', limit: '3' },
    check: (r) => {
      expect((r.structuredContent?.results as unknown[]).length).toBeGreaterThan(0);
      expect((r.structuredContent?.results as unknown[]).length).toBeLessThanOrEqual(3);
      for (const place of placesOf(r, 'results')) expect(['镇江市', '许昌市']).toContain(place);
    },
  },
  { tool: 'search_reports', args: { query: '养老床位', place: '镇江、许昌' }, check: (r) => expect(placesOf(r, 'results').size).toBeGreaterThan(0) },
  {
    tool: 'get_passage',
    args: { passage_id: 'hebi-2022:012', context: '2' },
    check: (r) => {
      expect(r.structuredContent?.before).toHaveLength(2);
      expect(r.structuredContent?.after).toHaveLength(2);
    },
  },
  { tool: 'list_indicators', args: {}, check: (r) => expect((r.structuredContent?.indicators as unknown[]).length).toBeGreaterThan(25) },
  {
    tool: 'lookup_indicator',
    args: { indicator: '城市低保标准', place: '许昌', include_uncertain: 'true' },
    check: (r) => expect(placesOf(r, 'matches')).toEqual(new Set(['许昌市'])),
  },
  { tool: 'lookup_indicator', args: { indicator: 'social_organizations', include_uncertain: 'false' }, check: (r) => expect(placesOf(r, 'matches').size).toBeGreaterThan(0) },
  {
    tool: 'compare_cities',
    args: { indicator: '低保标准', places: '["许昌","镇江"]', level: 'city', include_uncertain: 'true' },
    check: (r) => expect(placesOf(r, 'rows')).toEqual(new Set(['许昌市', '镇江市'])),
  },
  { tool: 'compare_cities', args: { topic: '婚姻登记', places: '许昌，清水' }, check: (r) => expect(placesOf(r, 'rows').size).toBeGreaterThan(0) },
  { tool: 'compare_cities', args: { indicator: '社会组织数', province: '河南' }, check: (r) => expect(placesOf(r, 'rows').size).toBeGreaterThan(0) },
  {
    tool: 'compare_cities',
    args: { indicator: '城市低保标准', chart: 'true' },
    check: (r) => expect((r.content as { type?: string; mimeType?: string }[]).map((block) => block.mimeType ?? block.type)).toEqual(['text', 'text', 'image/png']),
  },
  // A number out of range: the tool answers with what is accepted, not a protocol error.
  { tool: 'list_reports', args: { cursor: '2' }, check: (r) => expect(r.structuredContent?.reports).toHaveLength(3) },
  {
    tool: 'get_document',
    args: { doc_id: 'hebi-2022', offset: '100', max_chars: '500' },
    check: (r) => {
      expect(String(r.structuredContent?.text).length).toBeLessThanOrEqual(500);
      expect(r.structuredContent?.offset).toBe(100);
    },
  },
  { tool: 'list_indicators', args: { cursor: '5' }, check: (r) => expect((r.structuredContent?.indicators as unknown[]).length).toBeGreaterThan(0) },
  { tool: 'lookup_indicator', args: { indicator: '养老床位', cursor: '0' }, check: (r) => expect(placesOf(r, 'matches').size).toBeGreaterThan(0) },
  { tool: 'compare_cities', args: { indicator: '养老床位', cursor: '0' }, check: (r) => expect((r.structuredContent?.rows as unknown[]).length).toBeGreaterThan(0) },
  { tool: 'ask', args: { question: '社会组织有多少', place: '许昌', include_uncertain: 'false' }, check: (r) => expect(JSON.stringify(r.structuredContent)).toContain('许昌') },
  { tool: 'lookup_indicator', args: { indicator: '社会组织数', include: '["changes","series"]' }, check: (r) => expect(Array.isArray(r.structuredContent?.series)).toBe(true) },
  {
    tool: 'compare_cities',
    args: { indicator: '孤儿基本生活费(集中养育)', from_year: '2012', to_year: '2022' },
    check: (r) => expect((r.structuredContent?.rows as { place: string }[]).map((row) => row.place)).toContain('镇江市'),
  },
  { tool: 'check_figure', args: { statement: '鹤壁市农村低保标准为每人每年5040元' }, check: (r) => expect(JSON.stringify(r.structuredContent)).toMatch(/supported|contradicted|ambiguous|not_found/) },
  {
    tool: 'check_figure',
    args: { place: '鹤壁', indicator: '农村低保标准', value: '5040', unit: '元/人/年', year: '2022' },
    check: (r) => expect(JSON.stringify(r.structuredContent)).toContain('"verdict":"supported"'),
  },
  { tool: 'search_reports', args: { query: '低保', limit: '100' }, refused: true, check: (r) => expect(`${r.isError} ${r.content[0]?.text}`).toMatch(/^true .*limit: got 100 \(accepted: an integer from 1 to 50/) },
];

describe('MCP Inspector CLI against the built server', () => {
  let node22 = '';
  let inspector = '';
  let unavailable: string | undefined;
  const cwd = temporaryDir('inspector');

  beforeAll(async () => {
    // One npx run fetches both packages and says where they are; each call then starts them directly.
    try {
      const { stdout } = await run('npx', [...INSPECTOR_PACKAGES, '--', 'node', '-e', 'console.log(process.execPath); console.log(require("child_process").execSync("command -v mcp-inspector").toString().trim())'], {
        cwd,
        timeout: 300_000,
      });
      [node22 = '', inspector = ''] = stdout.trim().split('\n').slice(-2);
    } catch (error) {
      const output = `${(error as { stderr?: string }).stderr ?? ''} ${(error as Error).message}`;
      if (!UNREACHABLE.test(output)) throw error;
      const reason = output.split('\n').find((line) => UNREACHABLE.test(line) && !/config/.test(line)) ?? output.slice(0, 300);
      unavailable = `npm registry unreachable, MCP Inspector CLI not run: ${reason.trim()}`;
      console.warn(`SKIPPED: ${unavailable}`);
    }
  }, 320_000);
  afterAll(() => {
    if (unavailable) console.warn(`SKIPPED: ${unavailable}`);
  });

  async function inspect(method: string[], ctx: { skip: (note?: string) => never }): Promise<Record<string, unknown>> {
    if (unavailable) ctx.skip(unavailable);
    const { stdout } = await run(node22, [inspector, '--cli', process.execPath, SERVER_ENTRY, ...method], { cwd, timeout: 120_000, maxBuffer: 32 * 1024 * 1024 });
    return JSON.parse(stdout) as Record<string, unknown>;
  }

  it('is given a call for every tool and every argument the server declares', async (ctx) => {
    const { tools } = (await inspect(['--method', 'tools/list'], ctx)) as { tools: { name: string; inputSchema: { properties?: Record<string, unknown> } }[] };
    const declared = tools.flatMap((tool) => [`${tool.name}()`, ...Object.keys(tool.inputSchema.properties ?? {}).map((arg) => `${tool.name}.${arg}`)]);
    const covered = new Set(CALLS.flatMap(({ tool, args }) => [`${tool}()`, ...Object.keys(args).map((arg) => `${tool}.${arg}`)]));
    expect(declared.filter((item) => !covered.has(item)), 'add a call with these to CALLS in tests/e2e/inspector-cli.test.ts').toEqual([]);
  }, 60_000);

  // One test per call (each starts Node 22, the Inspector and the server): vitest's worker must
  // hear back from its runner within 60 s, so no single test may take longer.
  it.for(CALLS.map((call) => ({ ...call, label: JSON.stringify(call.args) })))('$tool $label', async ({ tool, args, refused, check }, ctx) => {
    const flags = Object.entries(args).flatMap(([key, value]) => ['--tool-arg', `${key}=${value}`]);
    const result = (await inspect(['--method', 'tools/call', '--tool-name', tool, ...flags], ctx)) as Parameters<ToolCall['check']>[0];
    if (!refused) expect(result.isError, JSON.stringify(result).slice(0, 300)).toBeFalsy();
    check(result);
  }, 60_000);

  it('reads a report resource and gets a prompt with its arguments', async (ctx) => {
    const resource = (await inspect(['--method', 'resources/read', '--uri', 'minzheng://reports/hebi-2022'], ctx)) as { contents: { text: string }[] };
    expect(resource.contents[0]?.text.length).toBeGreaterThan(1000);
    const prompt = (await inspect(['--method', 'prompts/get', '--prompt-name', 'compare_places', '--prompt-args', 'indicator=低保标准', 'places=许昌,镇江'], ctx)) as {
      messages: { content: { text: string } }[];
    };
    expect(prompt.messages[0]?.content.text).toContain('{"indicator":"低保标准","places":"许昌市、镇江市"}');
  }, 60_000);
});
