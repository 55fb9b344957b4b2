#!/usr/bin/env node
// Time to initialize while the index is built after the handshake, and time until the first real answer.
//
//   node bench/start-during-build.mjs --corpus DIR [--report-mb N] [--timeout-s 600]
//
// With --report-mb, DIR is (re)made with one report of about N MB (the bundled reports' bodies
// repeated). The server starts with an empty cache (a temporary MINZHENG_CACHE_DIR), so it builds.
// Printed: spawn → initialize answered; the first search_reports answer (expected: "building");
// spawn → the first real answer; the server's last stderr lines.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { BUNDLED_CORPUS, PACKAGE_ROOT, SERVER_ENTRY, emitJson, ms, numberArg, parseArgs, round } from './lib.mjs';

const args = parseArgs();
if (!args.corpus) throw new Error('give --corpus DIR');
const corpusDir = path.resolve(args.corpus);
const reportMb = numberArg(args, 'report-mb', 0);
const timeoutMs = numberArg(args, 'timeout-s', 600) * 1000;

/** One report of about `mb` MB: the bundled reports' bodies repeated under one front matter. */
export function writeBigReport(dir, mb) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const bodies = fs.readdirSync(BUNDLED_CORPUS).map((file) => fs.readFileSync(path.join(BUNDLED_CORPUS, file), 'utf8').split('\n---\n').slice(1).join('\n---\n'));
  const head = '---\ndoc_id: big-2024\ntitle: 大报告\nplace: 许昌市\nplace_id: xuchang\nprovince: 河南省\nlevel: city\npublished: 2024-01-01\nsource: bench\nperiod: 2024\n---\n';
  const fd = fs.openSync(path.join(dir, 'big-2024.md'), 'w');
  fs.writeSync(fd, head);
  for (let i = 0, bytes = 0; bytes < mb * 1048576; i++) {
    const body = `${bodies[i % bodies.length]}\n`;
    bytes += Buffer.byteLength(body);
    fs.writeSync(fd, body);
  }
  fs.closeSync(fd);
}

if (reportMb > 0) writeBigReport(corpusDir, reportMb);
const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'minzheng-bench-build-'));
const stderr = [];
const transport = new StdioClientTransport({
  command: process.execPath,
  args: [SERVER_ENTRY, '--corpus', corpusDir],
  cwd: PACKAGE_ROOT,
  env: { ...process.env, MINZHENG_CACHE_DIR: cacheDir },
  stderr: 'pipe',
});
transport.stderr?.on('data', (chunk) => stderr.push(chunk.toString()));
const client = new Client({ name: 'bench-start-during-build', version: '1' });
const started = process.hrtime.bigint();
try {
  await client.connect(transport, { timeout: timeoutMs });
  const initializeMs = ms(started);
  const search = () => client.callTool({ name: 'search_reports', arguments: { query: '低保标准', limit: 3 } }, undefined, { timeout: timeoutMs });
  const first = await search();
  const firstText = first.content?.[0]?.text ?? '';
  let answer = first;
  while (answer.isError && /索引正在建立/.test(answer.content?.[0]?.text ?? '') && ms(started) < timeoutMs) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    answer = await search();
  }
  const readyMs = ms(started);
  const summary = {
    corpus: corpusDir,
    corpus_mb: round(fs.readdirSync(corpusDir).reduce((sum, file) => sum + fs.statSync(path.join(corpusDir, file)).size, 0) / 1048576, 1),
    initialize_ms: round(initializeMs, 0),
    first_call: firstText.slice(0, 160),
    first_real_answer_ms: round(readyMs, 0),
    answer: answer.isError ? `error: ${answer.content?.[0]?.text?.slice(0, 300)}` : `${answer.structuredContent?.results?.length ?? 0} hits`,
  };
  console.log(`spawn → initialize: ${summary.initialize_ms} ms; first call: ${summary.first_call}`);
  console.log(`spawn → first real answer: ${summary.first_real_answer_ms} ms (${summary.answer})`);
  console.log(`--- server stderr (last lines) ---\n${stderr.join('').split('\n').slice(-8).join('\n')}`);
  emitJson('start-during-build', summary);
} finally {
  await client.close().catch(() => {});
  fs.rmSync(cacheDir, { recursive: true, force: true });
}
