import fs from 'node:fs';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { McpError } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ReportLibrary } from '../../src/library.js';
import { silentLogger } from '../../src/log.js';
import { rebuildIndex } from '../../src/open-library.js';
import { createServer } from '../../src/server/create-server.js';
import { explainIssues } from '../../src/server/argument-errors.js';
import { bundledLibrary, temporaryDir, storeLocation } from '../helpers.js';
import { call, connectInMemory, textOf } from './client.js';
import { LibraryHolder } from '../../src/start/library-holder.js';

const CHINESE_ID = '许昌民政报告';

async function connect(library: ReportLibrary): Promise<Client> {
  const server = createServer({ holder: LibraryHolder.ready(library), logger: silentLogger });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name: 'test', version: '1' });
  await Promise.all([server.connect(serverSide), client.connect(clientSide)]);
  return client;
}

/** The JSON-RPC error a resources/read is answered with. */
async function readError(client: Client, uri: string): Promise<McpError> {
  const error = await client.readResource({ uri }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, uri).toBeInstanceOf(McpError);
  return error as McpError;
}

describe('report resources', () => {
  let client: Client;
  let chinese: Client;
  let chineseLibrary: ReportLibrary;

  beforeAll(async () => {
    const corpusDir = temporaryDir('corpus');
    fs.writeFileSync(
      path.join(corpusDir, `${CHINESE_ID}.md`),
      '---\nplace: 许昌市\nprovince: 河南省\npublished: 2024-01\n---\n许昌市民政工作报告\n2023年,全市城市低保标准提高到每人每月700元，养老床位达到1.2万张。\n',
    );
    chineseLibrary = rebuildIndex(storeLocation(corpusDir, temporaryDir('index')), silentLogger);
    client = await connectInMemory();
    chinese = await connect(chineseLibrary);
  });
  afterAll(async () => {
    await client?.close();
    await chinese?.close();
  });

  it('reads a known doc_id', async () => {
    const read = await client.readResource({ uri: 'minzheng://reports/hebi-2022' });
    expect((read.contents[0] as { text: string }).text).toBe(bundledLibrary().getReport('hebi-2022').text);
  });

  it('decodes a percent-encoded Chinese doc_id, and lists it encoded', async () => {
    expect(chineseLibrary.reports.map((r) => r.meta.doc_id)).toEqual([CHINESE_ID]);
    const { resources } = await chinese.listResources();
    expect(resources.map((r) => r.uri)).toEqual([`minzheng://reports/${encodeURIComponent(CHINESE_ID)}`]);
    const text = chineseLibrary.getReport(CHINESE_ID).text;
    expect(text).toContain('700元');
    for (const uri of [resources[0]!.uri, `minzheng://reports/${CHINESE_ID}`]) {
      const read = await chinese.readResource({ uri });
      expect((read.contents[0] as { text: string }).text, uri).toBe(text);
    }
  });

  it('answers traversal, separators, bad escapes and unknown ids with -32002 naming the uri', async () => {
    const uris = [
      'minzheng://reports/../../evil',
      'minzheng://reports/../hebi-2022',
      'minzheng://reports/x/../hebi-2022',
      'minzheng://reports/%2E%2E%2Fhebi-2022',
      'minzheng://reports/..%5Chebi-2022',
      'minzheng://reports/hebi-2022%2F',
      'minzheng://reports/.hebi-2022',
      'minzheng://reports/a/b',
      'minzheng://reports/%E8%AE%B8',
      'minzheng://reports/%ZZ',
      'minzheng://reports/',
      'minzheng://reports/no-such-report',
      'file:///etc/passwd',
    ];
    for (const uri of uris) {
      const error = await readError(client, uri);
      expect(error.code, uri).toBe(-32002);
      expect(error.message, uri).toContain(uri);
      expect(error.data, uri).toEqual({ uri });
      expect(error.message).not.toContain('民政');
    }
  });
});

describe('tool arguments the input schema rejects', () => {
  let client: Client;
  beforeAll(async () => {
    client = await connectInMemory();
  });
  afterAll(async () => client?.close());

  it('say what was sent and what is accepted, as an isError tool result', async () => {
    const cases: [string, Record<string, unknown>, RegExp][] = [
      ['list_reports', { level: 'town' }, /level: got "town" \(accepted: one of "province", "city", "county", "district"\)/],
      ['search_reports', { query: '', limit: 100 }, /query: got "" \(accepted: a string of 1–200 characters\); limit: got 100 \(accepted: an integer from 1 to 50, default 8\)/],
      ['search_reports', { query: '低保', place: 5 }, /place: got 5 \(accepted: a string of 1–400 characters, or an array of 1–50 items, each a string of 1–40 characters\)/],
      ['search_reports', { query: '低保', place: [] }, /place: got \[\] \(accepted: an array of 1–50 items, each a string of 1–40 characters\)/],
      ['search_reports', { query: '低保', place: ['许昌', ''] }, /place\[1\]: got "" \(accepted: a string of 1–40 characters\)/],
      ['get_passage', {}, /passage_id: missing \(accepted: a string of 1–200 characters\)/],
      ['get_passage', { passage_id: 'x'.repeat(300) }, /passage_id: got "x{20}"… \(300 characters\) \(accepted: a string of 1–200 characters\)/],
    ];
    for (const [name, args, expected] of cases) {
      const result = await call(client, name, args);
      expect(result.isError, name).toBe(true);
      expect(textOf(result), name).toMatch(new RegExp(`Invalid arguments for tool ${name}: `));
      expect(textOf(result), name).toMatch(expected);
      expect(textOf(result)).not.toMatch(/Invalid input/);
    }
  });

  it('names at most 20 candidates, then how many more', () => {
    const values = Array.from({ length: 27 }, (_, i) => `v${i}`) as [string, ...string[]];
    const schema = z.object({ kind: z.enum(values) });
    const parsed = schema.safeParse({ kind: 'nope' });
    expect(parsed.success).toBe(false);
    const message = explainIssues(schema, { kind: 'nope' }, parsed.error!.issues);
    expect(message).toBe(`kind: got "nope" (accepted: one of ${values.slice(0, 20).map((v) => `"${v}"`).join(', ')} …and 7 more)`);
  });
});
