import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVER_ENTRY, temporaryDir } from '../helpers.js';
import { citationsIn } from '../tools/client.js';

/** The built server spawned over stdio: check_figure and lookup_indicator with changes through the SDK client. */
describe('spawned server: changes and checks', () => {
  let client: Client;
  const texts = new Map<string, string>();

  beforeAll(async () => {
    const transport = new StdioClientTransport({ command: process.execPath, args: [SERVER_ENTRY], cwd: temporaryDir('cwd'), stderr: 'pipe' });
    client = new Client({ name: 'e2e-timeline', version: '1' });
    await client.connect(transport);
    for (const docId of ['hebi-2022', 'zhenjiang-2022']) {
      const doc = (await client.callTool({ name: 'get_document', arguments: { doc_id: docId } })) as CallToolResult;
      texts.set(docId, (doc.structuredContent as { text: string }).text);
    }
  });
  afterAll(async () => client?.close());

  const call = async (name: string, args: Record<string, unknown>) => (await client.callTool({ name, arguments: args })) as CallToolResult;

  it('lists check_figure with its schemas', async () => {
    const { tools } = await client.listTools();
    const tool = tools.find((candidate) => candidate.name === 'check_figure');
    expect(tool?.inputSchema.properties).toHaveProperty('statement');
    expect(tool?.outputSchema?.properties).toHaveProperty('checks');
  });

  it('check_figure: a draft paragraph, one cited verdict per number', async () => {
    const result = await call('check_figure', { statement: '镇江市共建成养老机构135家,社会组织数为1486个。鹤壁市社会工作持证人员由2012年的8人增加至2022年的319人。' });
    expect(result.isError).toBeFalsy();
    const { checks } = result.structuredContent as { checks: { verdict: string; number: string; reason: string }[] };
    expect(checks.map((check) => [check.number, check.verdict])).toEqual([
      ['135家', 'supported'],
      ['1486个', 'contradicted'],
      ['8人', 'supported'],
      ['319人', 'supported'],
    ]);
    expect(checks[1]!.reason).toContain('变化量');
    const citations = citationsIn(result.structuredContent);
    expect(citations.length).toBeGreaterThanOrEqual(4);
    for (const citation of citations) expect(texts.get(citation.doc_id)?.slice(citation.start, citation.end)).toBe(citation.quote);
  });

  it('lookup_indicator include ["changes"]: changes never come back as levels', async () => {
    const result = await call('lookup_indicator', { indicator: '孤儿基本生活费', include: ['changes'] });
    const { matches, changes } = result.structuredContent as { matches: { value: number }[]; changes: { kind: string; delta: number; unit: string; citation: { doc_id: string; start: number; end: number; quote: string } }[] };
    expect(changes.map((change) => `${change.delta}${change.unit}`).sort()).toEqual(['1.4倍', '164%', '230%']);
    expect(changes.every((change) => change.kind === 'change')).toBe(true);
    expect(matches.some((match) => [1.4, 164, 230].includes(match.value))).toBe(false);
    for (const change of changes) expect(texts.get(change.citation.doc_id)?.slice(change.citation.start, change.citation.end)).toBe(change.citation.quote);
  });
});
