import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { SERVER_ENTRY } from '../helpers.js';

/** Sends requests until the server exits; what it writes after the client stopped reading fails with EPIPE. */
async function exitAfterStdoutCloses(afterHandshake: (send: (message: object) => void) => void) {
  const child = spawn(process.execPath, [SERVER_ENTRY], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.on('error', () => {}); // the server may be gone before a write lands
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  let id = 1;
  const send = (message: object) => {
    if (child.stdin.writable) child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', ...message })}\n`);
  };
  send({ id: id++, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } } });
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      if (stdout.includes('"id":1')) {
        clearInterval(timer);
        resolve();
      }
    }, 20);
  });
  send({ method: 'notifications/initialized' });

  // The client stops reading: its end of the server's stdout is closed abruptly, stdin stays open.
  const closed = new Promise((resolve) => child.stdout.once('close', resolve));
  child.stdout.destroy();
  await closed;
  afterHandshake((message) => send({ id: id++, ...message }));
  const poke = setInterval(() => send({ id: id++, method: 'ping' }), 100);
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 15_000));
  const outcome = await Promise.race([exited, timeout]);
  clearInterval(poke);
  if (outcome === 'timeout') child.kill();
  return { outcome, stderr };
}

describe('the client closing the server’s stdout', () => {
  it('ends the server quietly with exit code 0 (EPIPE on its next write)', async () => {
    const { outcome, stderr } = await exitAfterStdoutCloses((send) => send({ method: 'ping' }));
    expect(outcome).toEqual({ code: 0, signal: null });
    expect(stderr).not.toMatch(/Error|\n\s+at /);
  });

  it('ends quietly while large answers are being written', async () => {
    const { outcome, stderr } = await exitAfterStdoutCloses((send) => {
      for (const doc_id of ['xuchang-2025', 'zhenjiang-2022', 'hebi-2022']) send({ method: 'tools/call', params: { name: 'get_document', arguments: { doc_id } } });
    });
    expect(outcome).toEqual({ code: 0, signal: null });
    expect(stderr).not.toMatch(/Error|\n\s+at /);
  });
});
