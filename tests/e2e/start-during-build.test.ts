import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { describe, expect, it } from 'vitest';
import { BUNDLED_CORPUS_DIR } from '../../src/paths.js';
import { SERVER_ENTRY, STORE_UNDER_TEST, temporaryDir } from '../helpers.js';
import { textOf, untilReady } from '../tools/client.js';

/**
 * The start path of a server whose index must be built: the handshake first, "building" answers
 * meanwhile, then real ones; killed while building, given a corpus it cannot read, or an unwritable
 * cache, it never crashes and leaves nothing behind. Every server runs with
 * --unhandled-rejections=strict (Node 20's default, said explicitly): a rejection would kill it.
 */
const NODE_ARGS = ['--unhandled-rejections=strict'];
/** What a crash, an unhandled rejection or a stack trace would leave on stderr. */
const CRASH = /Unhandled|ERR_UNHANDLED_REJECTION|\n\s+at \S+ \(|\n\s+at file:/;

/** A corpus of one large report (the bundled reports' bodies repeated) whose build takes seconds. */
function bigCorpus(mb: number): string {
  const dir = temporaryDir('big-corpus');
  const bodies = fs.readdirSync(BUNDLED_CORPUS_DIR).map((file) => fs.readFileSync(path.join(BUNDLED_CORPUS_DIR, file), 'utf8').split('\n---\n').slice(1).join('\n---\n'));
  let text = '---\ndoc_id: big-2024\ntitle: 大报告\nplace: 许昌市\nplace_id: xuchang\nprovince: 河南省\nlevel: city\npublished: 2024-01-01\nsource: test\nperiod: 2024\n---\n';
  for (let i = 0; Buffer.byteLength(text) < mb * 1048576; i++) text += `${bodies[i % bodies.length]}\n`;
  fs.writeFileSync(path.join(dir, 'big-2024.md'), text);
  return dir;
}

interface Started {
  client: Client;
  stderr: () => string;
  pid: number;
  initializeMs: number;
}

async function start(corpusDir: string, env: Record<string, string>, asUser?: string[]): Promise<Started> {
  const chunks: string[] = [];
  const command = asUser ? 'setpriv' : process.execPath;
  const transport = new StdioClientTransport({
    command,
    args: [...(asUser ?? []), ...(asUser ? [process.execPath] : []), ...NODE_ARGS, SERVER_ENTRY, '--corpus', corpusDir],
    cwd: temporaryDir('cwd'),
    env: { ...(process.env as Record<string, string>), ...env },
    stderr: 'pipe',
  });
  transport.stderr?.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
  const client = new Client({ name: 'e2e-build', version: '1' });
  const started = performance.now();
  await client.connect(transport);
  return { client, stderr: () => chunks.join(''), pid: transport.pid!, initializeMs: performance.now() - started };
}

async function search(client: Client): Promise<CallToolResult> {
  return (await client.callTool({ name: 'search_reports', arguments: { query: '低保标准', limit: 3 } })) as CallToolResult;
}

function exited(pid: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      try {
        process.kill(pid, 0);
      } catch {
        clearInterval(timer);
        resolve();
      }
    }, 50);
  });
}

function leftovers(cacheDir: string): string[] {
  return fs.existsSync(cacheDir) ? fs.readdirSync(cacheDir).filter((name) => /\.(next|prev)-\d+$/.test(name)) : [];
}

describe('a first build after the handshake', () => {
  it('answers initialize at once, "building, N%" early, the real answer later; progress on stderr', async () => {
    const corpusDir = bigCorpus(1.5);
    const cacheDir = temporaryDir('build-cache');
    const server = await start(corpusDir, { MINZHENG_CACHE_DIR: cacheDir });
    expect(server.initializeMs).toBeLessThan(2_000);
    const early = await search(server.client);
    expect(early.isError).toBe(true);
    expect(textOf(early)).toMatch(/^索引正在建立 \(building the index, \d+%.*\); try again in a few seconds$/);
    expect((await server.client.listResources()).resources).toEqual([]);
    expect(await untilReady(server.client)).toBeGreaterThan(0);
    const late = await search(server.client);
    expect(late.isError).toBeFalsy();
    expect((late.structuredContent as { results: { doc_id: string }[] }).results[0]?.doc_id).toBe('big-2024');
    await server.client.close();
    const log = server.stderr();
    expect(log).toMatch(/building the index of .* \(no index built yet\); the server answers meanwhile/);
    expect(log).toMatch(/building the index: \d+ of \d+ (reports|passages)/);
    expect(log).toMatch(/ready: 1 reports/);
    expect(log).not.toMatch(CRASH);
    expect(leftovers(cacheDir)).toEqual([]);
  });

  it('SIGKILL during the build: the next start builds again and serves; no half-written generation is left or opened', async () => {
    const corpusDir = bigCorpus(1.5);
    const cacheDir = temporaryDir('killed-cache');
    const killed = await start(corpusDir, { MINZHENG_CACHE_DIR: cacheDir });
    expect((await search(killed.client)).isError).toBe(true);
    // Killed while its worker writes the new generation.
    for (let i = 0; i < 300 && leftovers(cacheDir).length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    await new Promise((resolve) => setTimeout(resolve, 300));
    process.kill(killed.pid, 'SIGKILL');
    await exited(killed.pid);
    await killed.client.close().catch(() => {});
    expect(killed.stderr()).not.toMatch(/ready: /);
    expect(leftovers(cacheDir)).toHaveLength(1);
    const again = await start(corpusDir, { MINZHENG_CACHE_DIR: cacheDir });
    await untilReady(again.client);
    const answer = await search(again.client);
    expect(answer.isError).toBeFalsy();
    expect((answer.structuredContent as { results: unknown[] }).results.length).toBeGreaterThan(0);
    await again.client.close();
    expect(again.stderr()).toMatch(/building the index of/);
    expect(again.stderr()).not.toMatch(CRASH);
    expect(leftovers(cacheDir)).toEqual([]);
  });

  // As root, a folder with mode 000 can still be read: run the server as an ordinary user.
  const canDropPrivileges = process.getuid?.() === 0 && fs.existsSync('/usr/bin/setpriv');
  it.runIf(canDropPrivileges)('a build that fails: the server keeps running and every tool says why and which command fixes it', async () => {
    const corpusDir = temporaryDir('unreadable-corpus');
    fs.copyFileSync(path.join(BUNDLED_CORPUS_DIR, 'xuchang-2021.md'), path.join(corpusDir, 'xuchang-2021.md'));
    fs.chmodSync(corpusDir, 0o000);
    const cacheDir = temporaryDir('unreadable-cache');
    const tmp = temporaryDir('unreadable-tmp');
    for (const dir of [cacheDir, tmp]) fs.chmodSync(dir, 0o777);
    try {
      const server = await start(corpusDir, { MINZHENG_CACHE_DIR: cacheDir, TMPDIR: tmp, HOME: tmp }, ['--reuid=65534', '--regid=65534', '--clear-groups']);
      let answer = await search(server.client);
      for (let i = 0; i < 100 && textOf(answer).startsWith('索引正在建立'); i++) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        answer = await search(server.client);
      }
      expect(answer.isError).toBe(true);
      expect(textOf(answer)).toMatch(/^索引建立失败 \(building the index failed\): .*EACCES.*restart the server.*index --corpus /);
      expect(textOf(answer)).toContain(`MINZHENG_CACHE_DIR=${cacheDir}`);
      const reports = (await server.client.callTool({ name: 'list_reports', arguments: {} })) as CallToolResult;
      expect(textOf(reports)).toMatch(/^索引建立失败/);
      await server.client.close();
      expect(server.stderr()).toMatch(/building the index failed: .*EACCES/);
      expect(server.stderr()).not.toMatch(CRASH);
    } finally {
      fs.chmodSync(corpusDir, 0o755);
    }
  });
});

describe('over HTTP', () => {
  it('listens at once; /health and every session say "building" until the one shared index is ready', async () => {
    const corpusDir = bigCorpus(1);
    const child = spawn(process.execPath, [...NODE_ARGS, SERVER_ENTRY, '--http', '--port', '0', '--corpus', corpusDir], {
      env: { ...(process.env as Record<string, string>), MINZHENG_CACHE_DIR: temporaryDir('http-build-cache') },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exit = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      for (let i = 0; i < 200 && !/serving MCP on http/.test(stderr); i++) await new Promise((resolve) => setTimeout(resolve, 25));
      const url = new URL(/serving MCP on (http:\/\/\S+\/mcp)/.exec(stderr)![1]!);
      expect(stderr).toMatch(/the index is being built; serving MCP on http/);
      const health = async () => (await fetch(new URL('/health', url))).json() as Promise<{ reports: number; index?: string }>;
      expect(await health()).toMatchObject({ status: 'ok', reports: 0, index: 'building' });
      const clients = await Promise.all(
        [1, 2].map(async () => {
          const client = new Client({ name: 'e2e-http-build', version: '1' });
          await client.connect(new StreamableHTTPClientTransport(url));
          return client;
        }),
      );
      for (const client of clients) expect(textOf(await search(client))).toMatch(/^索引正在建立/);
      await untilReady(clients[0]!);
      for (const client of clients) expect((await search(client)).isError).toBeFalsy();
      expect(await health()).toEqual({ status: 'ok', reports: 1, sessions: 2 });
      for (const client of clients) await client.close();
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exit).toBe(0);
    expect(stderr).not.toMatch(CRASH);
  });
});

describe('the temporary folder of an unwritable cache', () => {
  /** A cache path under a regular file cannot be created by anyone: the server serves from a temporary folder. */
  function unwritableCache(): string {
    const file = path.join(temporaryDir('cache-file'), 'not-a-folder');
    fs.writeFileSync(file, '');
    return path.join(file, 'cache');
  }
  const memoryFolders = (tmp: string) => fs.readdirSync(tmp).filter((name) => name.startsWith('minzheng-memory-'));
  const corpus = () => {
    const dir = temporaryDir('memory-corpus');
    fs.copyFileSync(path.join(BUNDLED_CORPUS_DIR, 'zhenjiang-2022.md'), path.join(dir, 'zhenjiang-2022.md'));
    return dir;
  };

  it.each(['stdin closing', 'SIGTERM', 'SIGINT'])('is removed when the server ends by %s', async (ending) => {
    const tmp = temporaryDir('memory-tmp');
    const server = await start(corpus(), { MINZHENG_CACHE_DIR: unwritableCache(), TMPDIR: tmp });
    await untilReady(server.client);
    expect(memoryFolders(tmp)).toEqual([expect.stringMatching(new RegExp(`^minzheng-memory-${server.pid}-`))]);
    if (ending === 'stdin closing') await server.client.close();
    else process.kill(server.pid, ending);
    await exited(server.pid);
    await server.client.close().catch(() => {});
    expect(memoryFolders(tmp)).toEqual([]);
    expect(server.stderr()).toMatch(/serving from memory/);
    expect(server.stderr()).not.toMatch(CRASH);
  });

  it("a killed server's folder is removed by the next start; a live server's and a young one are left alone", async () => {
    const tmp = temporaryDir('memory-tmp');
    const gone = spawn(process.execPath, ['-e', '']);
    const deadPid = await new Promise<number>((resolve) => gone.on('exit', () => resolve(gone.pid!)));
    const old = new Date(Date.now() - 10 * 60_000);
    const make = (name: string, time?: Date) => {
      fs.mkdirSync(path.join(tmp, name));
      fs.writeFileSync(path.join(tmp, name, 'store.sqlite'), 'x');
      if (time) fs.utimesSync(path.join(tmp, name), time, time);
    };
    make(`minzheng-memory-${deadPid}-stale1`, old);
    make(`minzheng-memory-${process.pid}-alive1`, old);
    make(`minzheng-memory-${deadPid}-young1`);
    const server = await start(corpus(), { MINZHENG_CACHE_DIR: unwritableCache(), TMPDIR: tmp });
    await untilReady(server.client);
    // The sweep runs a second after start, off the path to the first answer.
    await expect.poll(() => memoryFolders(tmp), { timeout: 10_000 }).not.toContain(`minzheng-memory-${deadPid}-stale1`);
    const present = memoryFolders(tmp);
    expect(present).toContain(`minzheng-memory-${process.pid}-alive1`);
    expect(present).toContain(`minzheng-memory-${deadPid}-young1`);
    await server.client.close();
    await exited(server.pid);
  });
});

describe('the full content check after the handshake', () => {
  it('an edit that keeps size and mtime is said on stderr, and the next start rebuilds and serves it', async () => {
    const corpusDir = temporaryDir('check-corpus');
    // Whole seconds: an mtime put back by utimes is then exactly the one the index was built with.
    const second = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000);
    for (const file of fs.readdirSync(BUNDLED_CORPUS_DIR)) {
      fs.copyFileSync(path.join(BUNDLED_CORPUS_DIR, file), path.join(corpusDir, file));
      fs.utimesSync(path.join(corpusDir, file), second, second);
    }
    const cacheDir = temporaryDir('check-cache');
    const first = await start(corpusDir, { MINZHENG_CACHE_DIR: cacheDir });
    await untilReady(first.client);
    await first.client.close();

    // Same length, same mtime: a figure changed in place (the size/mtime stamps cannot see it).
    const file = path.join(corpusDir, 'zhenjiang-2022.md');
    const { mtimeMs, size } = fs.statSync(file);
    const text = fs.readFileSync(file, 'utf8');
    const at = text.indexOf('镇江', text.indexOf('\n---\n') + 5);
    fs.writeFileSync(file, `${text.slice(0, at)}镇海${text.slice(at + 2)}`);
    fs.utimesSync(file, second, second);
    expect([fs.statSync(file).size, fs.statSync(file).mtimeMs]).toEqual([size, mtimeMs]);

    const noticing = await start(corpusDir, { MINZHENG_CACHE_DIR: cacheDir });
    await untilReady(noticing.client);
    for (let i = 0; i < 50 && !/differs from its index/.test(noticing.stderr()); i++) await new Promise((resolve) => setTimeout(resolve, 100));
    await noticing.client.close();
    expect(noticing.stderr()).not.toMatch(/building the index of/);
    expect(noticing.stderr()).toMatch(/differs from its index \(zhenjiang-2022\.md changed\): answers come from the index as built until the next start rebuilds it/);

    const next = await start(corpusDir, { MINZHENG_CACHE_DIR: cacheDir });
    await untilReady(next.client);
    const found = (await next.client.callTool({ name: 'search_reports', arguments: { query: '镇海', limit: 3 } })) as CallToolResult;
    await next.client.close();
    expect(next.stderr()).toMatch(STORE_UNDER_TEST === 'sqlite' ? /building the index of|incremental/ : /building the index of/);
    expect((found.structuredContent as { results: { text: string }[] }).results.some((hit) => hit.text.includes('镇海'))).toBe(true);
    for (const server of [first, noticing, next]) expect(server.stderr()).not.toMatch(CRASH);
  });
});

describe('damage found after the handshake', () => {
  it.runIf(STORE_UNDER_TEST !== 'sqlite')('a search index damaged in place (same size) is found at its load after the handshake, rebuilt, served right', async () => {
    const corpusDir = temporaryDir('damage-corpus');
    for (const file of fs.readdirSync(BUNDLED_CORPUS_DIR)) fs.copyFileSync(path.join(BUNDLED_CORPUS_DIR, file), path.join(corpusDir, file));
    const cacheDir = temporaryDir('damage-cache');
    const first = await start(corpusDir, { MINZHENG_CACHE_DIR: cacheDir });
    await untilReady(first.client);
    const reference = (await search(first.client)).structuredContent;
    await first.client.close();
    const [indexDir] = fs.readdirSync(cacheDir).map((name) => path.join(cacheDir, name));
    const file = path.join(indexDir!, 'search-index.json');
    const bytes = fs.readFileSync(file);
    bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
    fs.writeFileSync(file, bytes);

    const damaged = await start(corpusDir, { MINZHENG_CACHE_DIR: cacheDir });
    expect(await untilReady(damaged.client)).toBe(0); // the start's cheap checks pass: the damage is found later
    const answer = await search(damaged.client);
    await damaged.client.close();
    expect(answer.isError).toBeFalsy();
    expect(answer.structuredContent).toEqual(reference);
    expect(damaged.stderr()).toMatch(/search-index\.json does not match its checksum/);
    expect(damaged.stderr()).not.toMatch(CRASH);
  });

  // Several moments of the build: the worker loading jieba's dictionary from the generation the
  // exit removes used to abort the process (SIGABRT) in about 4 closes in 5.
  it('a server whose stdin closes in the middle of its build exits 0 and leaves no generation behind, at any moment of the build', async () => {
    const corpusDir = bigCorpus(1);
    for (const delayMs of [0, 150, 300, 500, 800, 1200]) {
      const cacheDir = temporaryDir('closed-cache');
      const child: ChildProcess = spawn(process.execPath, [...NODE_ARGS, SERVER_ENTRY, '--corpus', corpusDir], {
        env: { ...(process.env as Record<string, string>), MINZHENG_CACHE_DIR: cacheDir },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const exit = new Promise<string>((resolve) => child.on('exit', (code, signal) => resolve(`exit ${code}, signal ${signal}`)));
      child.stdin!.write(`${JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } } })}\n`);
      await new Promise<void>((resolve) => child.stdout!.once('data', () => resolve()));
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      child.stdin!.end();
      expect(`${delayMs} ms: ${await exit}`).toBe(`${delayMs} ms: exit 0, signal null`);
      expect(stderr).not.toMatch(CRASH);
      expect(stderr).not.toMatch(/FATAL/);
      expect(leftovers(cacheDir)).toEqual([]);
    }
    execFileSync('true');
  });
});
