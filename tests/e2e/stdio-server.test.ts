import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_CORPUS_DIR } from '../../src/paths.js';
import { SERVER_ENTRY, temporaryDir, STORE_UNDER_TEST } from '../helpers.js';
import { citationsIn, documentText, untilReady } from '../tools/client.js';

async function connect(args: string[] = [], env: Record<string, string> = {}) {
  const stderr: string[] = [];
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [SERVER_ENTRY, ...args],
    cwd: temporaryDir('cwd'),
    env: { ...(process.env as Record<string, string>), ...env },
    stderr: 'pipe',
  });
  transport.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  const client = new Client({ name: 'e2e', version: '1' });
  await client.connect(transport);
  // A start that builds answers the handshake first and "building" until the index is ready.
  await untilReady(client);
  return { client, stderr };
}

async function callTool(client: Client, name: string, args: Record<string, unknown> = {}) {
  return (await client.callTool({ name, arguments: args })) as CallToolResult;
}

describe('spawned server over stdio, bundled corpus', () => {
  let client: Client;

  beforeAll(async () => {
    ({ client } = await connect());
  });
  afterAll(async () => client?.close());

  it('calls every tool; every citation satisfies text.slice(start, end) === quote', async () => {
    const { tools } = await client.listTools();
    const texts = new Map<string, string>();
    const list = await callTool(client, 'list_reports');
    for (const report of (list.structuredContent as { reports: { doc_id: string }[] }).reports) {
      texts.set(report.doc_id, await documentText(client, report.doc_id));
    }
    const calls: [string, Record<string, unknown>][] = [
      ['search_reports', { query: '城市低保标准', limit: 10 }],
      ['search_reports', { query: '养老床位 镇江', limit: 10 }],
      ['search_reports', { query: '社会工作者 持证', place: '鹤壁' }],
      ['get_passage', { passage_id: 'hebi-2022:012', context: 3 }],
      ['list_indicators', {}],
      ['lookup_indicator', { indicator: '社会组织数' }],
      ['lookup_indicator', { indicator: '福彩公益金', place: '镇江' }],
      ['compare_cities', { indicator: '城市低保标准' }],
      ['compare_cities', { indicator: 'elderly_beds' }],
      ['compare_cities', { topic: '婚姻登记', places: ['许昌', '清水'] }],
      ['ask', { question: '各地城市低保标准比较' }],
      ['ask', { question: '许昌市养老服务设施有多少' }],
      ['ask', { question: '养老床位有多少张', place: '镇江' }],
      ['check_figure', { statement: '鹤壁市农村低保标准为每人每年5040元' }],
    ];
    let checked = 0;
    for (const [name, args] of calls) {
      const result = await callTool(client, name, args);
      expect(result.isError, `${name} ${JSON.stringify(args)}`).toBeFalsy();
      for (const citation of citationsIn(result.structuredContent)) {
        expect(texts.get(citation.doc_id)?.slice(citation.start, citation.end)).toBe(citation.quote);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
    const called = new Set(['list_reports', 'get_document', ...calls.map(([name]) => name)]);
    for (const tool of tools) expect(called.has(tool.name), tool.name).toBe(true);
  });
});

describe('stdout carries nothing but JSON-RPC', () => {
  it('every stdout line of a session parses as a JSON-RPC message', async () => {
    const child = spawn(process.execPath, [SERVER_ENTRY], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const send = (message: object) => child.stdin.write(`${JSON.stringify(message)}\n`);
    send({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } } });
    send({ jsonrpc: '2.0', method: 'notifications/initialized' });
    send({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'search_reports', arguments: { query: '低保', limit: 2 } } });
    send({ jsonrpc: '2.0', id: 3, method: 'tools/call', params: { name: 'get_document', arguments: { doc_id: 'missing' } } });
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (stdout.includes('"id":3')) {
          clearInterval(timer);
          resolve();
        }
      }, 20);
    });
    child.stdin.end();
    const exitCode = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    const lines = stdout.split('\n').filter((line) => line !== '');
    expect(lines.length).toBe(3);
    for (const line of lines) expect(JSON.parse(line).jsonrpc).toBe('2.0');
    expect(exitCode).toBe(0);
  });
});

describe('--corpus DIR', () => {
  it('builds on first start with progress on stderr, caches, rebuilds on change, names bad files', async () => {
    const corpusDir = temporaryDir('corpus');
    const cacheDir = temporaryDir('cache');
    fs.copyFileSync(path.join(BUNDLED_CORPUS_DIR, 'zhenjiang-2022.md'), path.join(corpusDir, 'zhenjiang-2022.md'));
    fs.writeFileSync(path.join(corpusDir, 'broken.md'), '---\ntitle: 无地点\n---\n');
    fs.writeFileSync(
      path.join(corpusDir, 'luoyang-2023.md'),
      '---\ndoc_id: luoyang-2023\nplace: 洛阳市\nplace_id: luoyang\nprovince: 河南省\npublished: 2023-06\n---\n洛阳市民政工作综述\n2023年,全市城市低保标准提高到每人每月720元；全市共建成养老机构210家，床位2.6万张。\n',
    );
    const env = { MINZHENG_CACHE_DIR: cacheDir };

    const first = await connect(['--corpus', corpusDir], env);
    const found = await callTool(first.client, 'search_reports', { query: '洛阳 低保标准' });
    const results = (found.structuredContent as { results: { place: string; text: string }[] }).results;
    expect(results[0]?.place).toBe('洛阳市');
    const reports = await callTool(first.client, 'list_reports');
    expect((reports.structuredContent as { reports: unknown[] }).reports).toHaveLength(2);
    await first.client.close();
    const firstLog = first.stderr.join('');
    expect(firstLog).toMatch(/building the index/);
    expect(firstLog).toMatch(/broken\.md/);

    const second = await connect([], { ...env, MINZHENG_CORPUS: corpusDir });
    await callTool(second.client, 'list_reports');
    await second.client.close();
    expect(second.stderr.join('')).not.toMatch(/building the index/);

    fs.appendFileSync(path.join(corpusDir, 'luoyang-2023.md'), '洛阳市持证社会工作者达到1500人。\n');
    if (STORE_UNDER_TEST === 'sqlite') {
      // A SQLite store's start checks one stamp (the folder's); an edit in place is found after the handshake, and the next start updates the store.
      const noticing = await connect(['--corpus', corpusDir], env);
      await callTool(noticing.client, 'list_reports');
      await noticing.client.close();
      expect(noticing.stderr.join('')).toMatch(/luoyang-2023\.md changed/);
    }
    const third = await connect(['--corpus', corpusDir], env);
    const updated = await callTool(third.client, 'search_reports', { query: '持证社工 洛阳' });
    expect(JSON.stringify(updated.structuredContent)).toContain('1500人');
    await third.client.close();
    expect(third.stderr.join('')).toMatch(STORE_UNDER_TEST === 'sqlite' ? /corpus folder changed|luoyang-2023\.md changed/ : /luoyang-2023\.md changed/);
  }, 180_000); // four spawns, three of them building an index

  it('refuses a corpus folder that does not exist, with a message', async () => {
    const child = spawn(process.execPath, [SERVER_ENTRY, '--corpus', '/nonexistent/reports'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toMatch(/\/nonexistent\/reports does not exist/);
  });
});
