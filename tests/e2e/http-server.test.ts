import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVER_ENTRY, bundledLibrary, temporaryDir } from '../helpers.js';
import { citationsIn } from '../tools/client.js';

const TOKEN = 'test-token-0123456789abcdef';

interface Running {
  child: ChildProcess;
  url: URL;
  stderr: () => string;
  exited: Promise<number | null>;
}

/** The built server with --http on a free port (--port 0), once its ready line names the port. */
async function start(args: string[] = [], env: Record<string, string> = {}): Promise<Running> {
  const child = spawn(process.execPath, [SERVER_ENTRY, '--http', '--port', '0', ...args], {
    cwd: temporaryDir('http-cwd'),
    env: { ...(process.env as Record<string, string>), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let stdout = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = await new Promise<URL>((resolve, reject) => {
    const timer = setInterval(() => {
      const ready = /serving MCP on (http:\/\/\S+\/mcp)/.exec(stderr);
      if (ready) {
        clearInterval(timer);
        resolve(new URL(ready[1]!));
      }
    }, 20);
    void exited.then((code) => {
      clearInterval(timer);
      reject(new Error(`server exited (${code}) before it was ready: ${stderr}`));
    });
  });
  return { child, url, stderr: () => stderr + (stdout ? `\nSTDOUT: ${stdout}` : ''), exited };
}

async function connect(url: URL, headers: Record<string, string> = {}): Promise<{ client: Client; transport: StreamableHTTPClientTransport }> {
  const transport = new StreamableHTTPClientTransport(url, { requestInit: { headers } });
  const client = new Client({ name: 'http-e2e', version: '1' });
  await client.connect(transport);
  return { client, transport };
}

/** A raw request, so that Host and Origin can be anything (fetch does not let Host be set). */
function request(url: URL, options: { method?: string; headers?: Record<string, string>; body?: string; path?: string }): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, path: options.path ?? url.pathname, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const INITIALIZE = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } } });
const POST_HEADERS = { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream' };

describe('Streamable HTTP on 127.0.0.1 (default)', () => {
  let server: Running;
  beforeAll(async () => {
    server = await start();
  });
  afterAll(() => {
    server?.child.kill('SIGKILL');
  });

  it('listens on 127.0.0.1 and answers every tool with valid citations, sessions side by side', async () => {
    expect(server.url.hostname).toBe('127.0.0.1');
    const [a, b] = await Promise.all([connect(server.url), connect(server.url)]);
    expect(a.transport.sessionId).toBeTruthy();
    expect(a.transport.sessionId).not.toBe(b.transport.sessionId);
    expect(a.client.getServerVersion()?.title).toBe('民政报告问答服务器');
    const search = (await a.client.callTool({ name: 'search_reports', arguments: { query: '城市低保标准', place: '许昌、镇江' } })) as CallToolResult;
    const compare = (await b.client.callTool({ name: 'compare_cities', arguments: { indicator: '城市低保标准' } })) as CallToolResult;
    const citations = [...citationsIn(search.structuredContent), ...citationsIn(compare.structuredContent)];
    expect(citations.length).toBeGreaterThan(3);
    for (const { doc_id, start, end, quote } of citations) expect(bundledLibrary().getReport(doc_id).text.slice(start, end)).toBe(quote);
    expect((await b.client.listPrompts()).prompts.map((prompt) => prompt.name)).toContain('check_figures');
    const health = JSON.parse((await request(server.url, { path: '/health' })).body) as { status: string; sessions: number; reports: number };
    expect(health).toEqual({ status: 'ok', reports: 5, sessions: 2 });

    await a.transport.terminateSession(); // DELETE: the session is gone, its id answers 404
    const reused = await request(server.url, { method: 'POST', headers: { ...POST_HEADERS, 'Mcp-Session-Id': a.transport.sessionId ?? 'x' }, body: JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/list' }) });
    expect(reused.status).toBe(404);
    expect(JSON.parse((await request(server.url, { path: '/health' })).body).sessions).toBe(1);
    await a.client.close();
    await b.client.close();
  });

  it.each([
    ['a Host that is not loopback (DNS rebinding)', { Host: 'evil.example:80' }, 403, /DNS rebinding/],
    ['a foreign Origin', { Origin: 'http://evil.example' }, 403, /Origin "http:\/\/evil.example" refused/],
    ['Origin null', { Origin: 'null' }, 403, /refused/],
  ])('refuses %s', async (_, headers, status, message) => {
    const answer = await request(server.url, { method: 'POST', headers: { ...POST_HEADERS, ...headers }, body: INITIALIZE });
    expect(answer.status).toBe(status);
    expect(JSON.parse(answer.body).error.message).toMatch(message);
  });

  it('lets a page on localhost in, with CORS headers, and answers malformed requests with JSON-RPC errors', async () => {
    const local = await request(server.url, { method: 'POST', headers: { ...POST_HEADERS, Origin: 'http://localhost:6274' }, body: INITIALIZE });
    expect(local.status).toBe(200);
    expect(local.headers['access-control-allow-origin']).toBe('http://localhost:6274');
    expect(local.headers['access-control-expose-headers']).toMatch(/Mcp-Session-Id/);
    const preflight = await request(server.url, { method: 'OPTIONS', headers: { Origin: 'http://localhost:6274', 'Access-Control-Request-Method': 'POST' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-headers']).toMatch(/Authorization/);
    expect((await request(server.url, { method: 'POST', headers: POST_HEADERS, body: '{not json' })).status).toBe(400);
    const noSession = await request(server.url, { method: 'POST', headers: POST_HEADERS, body: JSON.stringify({ jsonrpc: '2.0', id: 3, method: 'tools/list' }) });
    expect(noSession.status).toBe(400);
    expect(noSession.body).toMatch(/initialize/);
    expect((await request(server.url, { method: 'GET', path: '/elsewhere' })).status).toBe(404);
    expect((await request(server.url, { method: 'PUT', headers: POST_HEADERS })).status).toBe(405);
  });

  it('stops on SIGTERM: sessions closed, exit code 0, nothing on stdout', async () => {
    const { client } = await connect(server.url);
    const open = JSON.parse((await request(server.url, { path: '/health' })).body).sessions as number;
    expect(open).toBeGreaterThan(0);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.stderr()).toContain(`SIGTERM: closing ${open} session(s)`);
    expect(server.stderr().match(/ closed \(/g)).toHaveLength(open + 1); // the one ended by DELETE, then every other
    expect(server.stderr()).toContain('closed (0 open)');
    expect(server.stderr()).not.toContain('STDOUT');
    await client.close();
  });
});

describe('Streamable HTTP with a bearer token', () => {
  it('requires the token on /mcp (401 without it), not on /health', async () => {
    const server = await start([], { MINZHENG_TOKEN: TOKEN });
    try {
      expect(server.stderr()).toContain('(bearer token required)');
      const without = await request(server.url, { method: 'POST', headers: POST_HEADERS, body: INITIALIZE });
      expect(without.status).toBe(401);
      expect(without.headers['www-authenticate']).toMatch(/^Bearer/);
      const wrong = await request(server.url, { method: 'POST', headers: { ...POST_HEADERS, Authorization: `Bearer ${TOKEN}x` }, body: INITIALIZE });
      expect(wrong.status).toBe(401);
      expect((await request(server.url, { path: '/health' })).status).toBe(200);
      const { client } = await connect(server.url, { Authorization: `Bearer ${TOKEN}` });
      const list = (await client.callTool({ name: 'list_reports', arguments: {} })) as CallToolResult;
      expect((list.structuredContent as { reports: unknown[] }).reports).toHaveLength(5);
      await client.close();
    } finally {
      server.child.kill('SIGKILL');
    }
  });

  it.each([
    ['a host other than loopback without MINZHENG_TOKEN', ['--host', '0.0.0.0'], {}, /refusing to serve on 0\.0\.0\.0 without a token.*MINZHENG_TOKEN/],
    ['a short token', [], { MINZHENG_TOKEN: 'short' }, /MINZHENG_TOKEN is too short/],
    ['a port that is not one', ['--port', 'abc'], {}, /--port "abc" is not a port/],
  ])('refuses to start on %s, saying why', async (_, args, env, message) => {
    const child = spawn(process.execPath, [SERVER_ENTRY, '--http', ...args], { env: { ...(process.env as Record<string, string>), ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toMatch(message);
  });
});
