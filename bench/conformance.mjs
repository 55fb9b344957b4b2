#!/usr/bin/env node
// Runs the MCP conformance suite (@modelcontextprotocol/conformance, from npm; it needs Node ≥ 22,
// fetched by npx as the npm package node@22) against `dist/server.mjs --http` and prints what
// passes, with each failure's reason. A report, not a test: most failing scenarios call fixtures
// only the suite's reference server has (test_image_content, test://static-text …).
//
//   npm run build && node bench/conformance.mjs [--suite active|all] [--keep DIR]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SERVER_ENTRY, parseArgs } from './lib.mjs';

const args = parseArgs();
const suite = args.suite ?? 'active';
const outDir = args.keep ?? fs.mkdtempSync(path.join(os.tmpdir(), 'minzheng-conformance-'));

/** Why a scenario fails, as a reader needs it: the fixture it expects, or the feature this server does not offer. */
function reasonOf(scenario, message) {
  if (/test_[a-z_]+|test:\/\/|No (image|audio|resource) content|Expected multiple content/.test(message)) return 'calls a fixture of the suite’s reference server';
  if (/did not request (sampling|elicitation)/.test(message)) return 'server-initiated sampling/elicitation: not used by this server';
  if (/No (log|progress) notifications/.test(message)) return 'expects its fixture tool to log or report progress';
  if (/resources-(un)?subscribe/.test(scenario)) return 'resource subscriptions: not offered (reports do not change while served)';
  return message;
}

const server = spawn(process.execPath, [SERVER_ENTRY, '--http', '--port', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
let stderr = '';
server.stderr.on('data', (chunk) => (stderr += chunk));
const url = await new Promise((resolve, reject) => {
  const timer = setInterval(() => {
    const ready = /serving MCP on (http:\/\/\S+\/mcp)/.exec(stderr);
    if (ready) {
      clearInterval(timer);
      resolve(ready[1]);
    }
  }, 20);
  server.on('exit', (code) => {
    clearInterval(timer);
    reject(new Error(`server exited (${code}): ${stderr}`));
  });
});

const started = Date.now();
const suiteRun = spawn('npx', ['-y', '-p', 'node@22', '-p', '@modelcontextprotocol/conformance', '--', 'conformance', 'server', '--url', url, '--suite', suite, '-o', outDir], {
  stdio: ['ignore', 'pipe', 'pipe'],
});
let output = '';
suiteRun.stdout.on('data', (chunk) => (output += chunk));
suiteRun.stderr.on('data', (chunk) => (output += chunk));
await new Promise((resolve) => suiteRun.on('exit', resolve));
server.kill('SIGTERM');

const rows = [];
for (const dir of fs.readdirSync(outDir).sort()) {
  const file = path.join(outDir, dir, 'checks.json');
  if (!fs.existsSync(file)) continue;
  const scenario = dir.replace(/^server-/, '').replace(/-\d{4}-\d{2}-\d{2}T.*$/, '');
  const checks = JSON.parse(fs.readFileSync(file, 'utf8')).filter((check) => check.status !== 'INFO');
  const failed = checks.filter((check) => check.status === 'FAILURE');
  rows.push({ scenario, passed: checks.length - failed.length, failed: failed.length, reason: failed.map((check) => reasonOf(scenario, check.errorMessage ?? '')).join('; ') });
}
if (rows.length === 0) {
  console.log(`the conformance suite did not run (is the npm registry reachable?):\n${output.slice(-2000)}`);
  process.exit(1);
}
console.log(`MCP conformance suite (${suite}) against ${url}, ${Math.round((Date.now() - started) / 1000)} s; results in ${outDir}\n`);
console.log('| scenario | result | why it fails |\n|---|---|---|');
for (const row of rows) console.log(`| ${row.scenario} | ${row.failed ? `✗ ${row.passed}/${row.passed + row.failed}` : `✓ ${row.passed}/${row.passed}`} | ${row.reason} |`);
const passing = rows.filter((row) => row.failed === 0).length;
console.log(`\n${passing} of ${rows.length} scenarios pass; ${rows.filter((row) => row.failed && !/fixture|not offered|not used|expects its fixture/.test(row.reason)).length} fail for another reason.`);
