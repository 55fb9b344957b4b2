#!/usr/bin/env node
// Drives an installed `minzheng-mcp` (its bin path is argv[2]) as a client would, from another
// folder: over stdio (list tools, search, a citation checked against get_document, a chart, a prompt) and
// with --http (health, a tool call). Exits 1 with what failed.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

const bin = process.argv[2];
if (!bin || !fs.existsSync(bin)) throw new Error(`usage: installed-client.mjs <path of the installed minzheng-mcp>; got ${bin}`);
const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'minzheng-elsewhere-'));
const check = (condition, what) => {
  if (!condition) throw new Error(`installed server: ${what}`);
};

async function overStdio() {
  let stderr = '';
  const transport = new StdioClientTransport({ command: bin, args: [], cwd: elsewhere, stderr: 'pipe' });
  transport.stderr?.on('data', (chunk) => (stderr += chunk));
  const client = new Client({ name: 'install-check', version: '1' });
  const started = performance.now();
  await client.connect(transport);
  const { tools } = await client.listTools();
  check(tools.length >= 7, `lists ${tools.length} tools`);
  const search = await client.callTool({ name: 'search_reports', arguments: { query: '城市低保标准', place: '许昌' } });
  const hit = search.structuredContent?.results?.[0];
  check(hit, `search_reports found nothing: ${JSON.stringify(search.content).slice(0, 300)}`);
  const doc = await client.callTool({ name: 'get_document', arguments: { doc_id: hit.citation.doc_id } });
  check(doc.structuredContent.text.slice(hit.citation.start, hit.citation.end) === hit.citation.quote, 'a citation does not match its document');
  const charted = await client.callTool({ name: 'compare_cities', arguments: { indicator: '城市低保标准', chart: true } });
  check(charted.content.some((block) => block.type === 'image' && block.mimeType === 'image/png'), 'compare_cities drew no chart (is @resvg/resvg-js installed for this platform?)');
  const prompt = await client.getPrompt({ name: 'compare_places', arguments: { indicator: '低保标准' } });
  check(prompt.messages[0].content.text.includes('compare_cities'), 'the 各地比较 prompt');
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  await client.close();
  check(/ready: 5 reports, serving MCP on stdio/.test(stderr), `no ready line on stderr: ${stderr}`);
  const rebuilt = /building the index/.test(stderr);
  console.log(`stdio: ${tools.length} tools, search + citation + chart + prompt answered in ${seconds} s from ${elsewhere}${rebuilt ? ' (the index was rebuilt: dependency versions differ from the committed index)' : ', on the bundled index'}`);
}

async function overHttp() {
  const child = spawn(bin, ['--http', '--port', '0'], { cwd: elsewhere, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  let stdout = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  child.stdout.on('data', (chunk) => (stdout += chunk));
  try {
    const url = await new Promise((resolve, reject) => {
      const timer = setInterval(() => {
        const ready = /serving MCP on (http:\/\/\S+\/mcp)/.exec(stderr);
        if (ready) {
          clearInterval(timer);
          resolve(new URL(ready[1]));
        }
      }, 20);
      child.on('exit', (code) => {
        clearInterval(timer);
        reject(new Error(`--http exited (${code}): ${stderr}`));
      });
    });
    const health = await (await fetch(new URL('/health', url))).json();
    check(health.status === 'ok' && health.reports === 5, `health ${JSON.stringify(health)}`);
    const client = new Client({ name: 'install-check', version: '1' });
    await client.connect(new StreamableHTTPClientTransport(url));
    const lookup = await client.callTool({ name: 'lookup_indicator', arguments: { indicator: '社会组织数', place: '许昌' } });
    check(lookup.structuredContent?.matches?.length > 0, 'lookup_indicator over HTTP found nothing');
    await client.close();
    check(stdout === '', `--http wrote to stdout: ${stdout.slice(0, 200)}`);
    console.log(`http: ${url.href} health ok, lookup_indicator answered`);
  } finally {
    child.kill('SIGTERM');
  }
}

await overStdio();
await overHttp();
