#!/usr/bin/env node
// Spawn → first search_reports answered over stdio, for one store already built: what a chat
// client waits for when it starts the server. Wall time, the server's CPU time until then, and
// its peak RSS after the answer; each start printed, then the medians. Alternate it with another
// checkout's server (--entry) on a shared machine.
//
//   node bench/first-search.mjs --corpus DIR --cache DIR [--store sqlite] [--runs 5]
//        [--entry OTHER/dist/server.mjs] [--node-args "--snapshot-blob X"]
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { SERVER_ENTRY, emitJson, median, ms, numberArg, parseArgs, procCpuMs, procMemory, round } from './lib.mjs';

const args = parseArgs();
const runs = numberArg(args, 'runs', 5);
const entry = path.resolve(args.entry ?? SERVER_ENTRY);
const nodeArgs = typeof args['node-args'] === 'string' ? args['node-args'].split(' ').filter(Boolean) : [];
const serverArgs = ['--corpus', path.resolve(args.corpus), '--store', args.store ?? 'sqlite'];

const starts = [];
for (let run = 0; run < runs; run++) {
  const started = process.hrtime.bigint();
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [...nodeArgs, entry, ...serverArgs],
    env: { ...process.env, MINZHENG_CACHE_DIR: path.resolve(args.cache) },
    stderr: 'ignore',
  });
  const client = new Client({ name: 'bench', version: '1' });
  await client.connect(transport);
  const initializeMs = ms(started);
  await client.callTool({ name: 'search_reports', arguments: { query: '养老床位', limit: 8 } });
  const start = { first_search_ms: round(ms(started), 0), initialize_ms: round(initializeMs, 0), cpu_ms: procCpuMs(transport.pid), rss_mb: procMemory(transport.pid).peakRssMb };
  await client.close();
  console.log(`  start ${run + 1}: first search ${start.first_search_ms} ms (initialize ${start.initialize_ms} ms), CPU ${start.cpu_ms} ms, RSS ${start.rss_mb} MB`);
  starts.push(start);
}
const medianOf = (key) => round(median(starts.map((start) => start[key])), 0);
emitJson('first-search', { entry, first_search_ms: medianOf('first_search_ms'), initialize_ms: medianOf('initialize_ms'), cpu_ms: medianOf('cpu_ms'), rss_mb: medianOf('rss_mb'), runs });
