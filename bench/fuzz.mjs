#!/usr/bin/env node
// Seeded fuzzing of the spawned stdio server: random and hostile arguments to every tool and
// resource. Counts crashes, protocol errors, hangs and stray stdout; prints figures, exits 1 on any
// crash or hang.
//
//   node bench/fuzz.mjs [--calls 10000] [--seed 7]
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []));
const CALLS = Number(args.calls ?? 10000);
let seed = Number(args.seed ?? 7);
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (list) => list[Math.floor(random() * list.length)];
const SERVER = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'server.mjs');

const STRINGS = ['鹤壁市农村低保标准为每人每年5040元,比2012年增加1486个', '2012年到2022年提高了410元', 'changes', '许昌', '许昌市', 'xuchang', '411000', '朝阳区', '火星', '', ' ', '低保标准', '城市低保标准', '低保', '养老床位', '\u0000', '\uD800', '𠀀𠀀', '🙂', 'a'.repeat(5000), '许'.repeat(100000), '../../evil', '%2E%2E', '__proto__', 'constructor', '{"a":1}', '镇江、许昌', '镇江,许昌', 'NaN', '-1', '1e309', '<script>', '\r\n\t'];
const VALUES = () => pick([pick(STRINGS), Math.floor(random() * 100) - 10, random() * 1e12, -0, null, true, [], [pick(STRINGS), pick(STRINGS)], { __proto__: { x: 1 } }, nest(Math.floor(random() * 50))]);
function nest(depth) {
  let value = 'x';
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}
const TOOLS = {
  list_reports: ['province', 'level', 'cursor'],
  get_document: ['doc_id', 'offset', 'max_chars'],
  search_reports: ['query', 'place', 'published_from', 'published_to', 'limit'],
  get_passage: ['passage_id', 'context'],
  list_indicators: ['cursor'],
  lookup_indicator: ['indicator', 'place', 'include_uncertain', 'include', 'cursor'],
  compare_cities: ['indicator', 'topic', 'places', 'province', 'level', 'include_uncertain', 'chart', 'cursor', 'from_year', 'to_year'],
  ask: ['question', 'place', 'include_uncertain'],
  check_figure: ['statement', 'place', 'indicator', 'value', 'unit', 'year'],
};

function safeEncode(text) {
  try {
    return encodeURIComponent(text);
  } catch {
    return text; // a lone surrogate: sent as it is
  }
}

const stray = [];
const protocolSamples = [];
const transport = new StdioClientTransport({ command: process.execPath, args: [SERVER], stderr: 'pipe' });
transport.stderr?.on('data', () => {});
const client = new Client({ name: 'fuzz', version: '1' });
client.onerror = (error) => stray.push(String(error));
await client.connect(transport);
const counts = { ok: 0, tool_error: 0, protocol_error: 0, hang: 0, resource_ok: 0, resource_error: 0 };
const started = Date.now();
let slowest = 0;
for (let i = 0; i < CALLS; i++) {
  const t0 = Date.now();
  const timeout = new Promise((resolve) => setTimeout(() => resolve('hang'), 20000));
  let outcome;
  if (random() < 0.1) {
    const raw = pick(STRINGS).slice(0, 200);
    const uri = `minzheng://reports/${random() < 0.5 ? raw : safeEncode(raw)}`;
    outcome = await Promise.race([client.readResource({ uri }).then(() => 'resource_ok', () => 'resource_error'), timeout]);
  } else {
    const name = pick(Object.keys(TOOLS));
    const argsOf = Object.fromEntries(TOOLS[name].filter(() => random() < 0.6).map((key) => [key, VALUES()]));
    if (random() < 0.05) argsOf[pick(STRINGS) || 'x'] = VALUES();
    outcome = await Promise.race([
      client.callTool({ name, arguments: argsOf }).then((result) => (result.isError ? 'tool_error' : 'ok'), (error) => { if (protocolSamples.length < 5) protocolSamples.push(`${name}: ${String(error.message).slice(0, 160)}`); return 'protocol_error'; }),
      timeout,
    ]);
  }
  counts[outcome] += 1;
  slowest = Math.max(slowest, Date.now() - t0);
  if (outcome === 'hang') break;
}
const alive = await client.ping().then(() => true, () => false);
await client.close();
const report = { bench: 'fuzz', calls: CALLS, seed: Number(args.seed ?? 7), ...counts, slowest_ms: slowest, seconds: (Date.now() - started) / 1000, server_alive: alive, stray_messages: stray.length, protocol_error_samples: protocolSamples };
process.stdout.write(`BENCH_JSON ${JSON.stringify(report)}\n`);
process.exit(alive && counts.hang === 0 && stray.length === 0 ? 0 : 1);
