// Shared helpers of the bench scripts (plain Node, no dependencies).
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
export const PACKAGE_ROOT = path.resolve(BENCH_DIR, '..');
export const BUNDLED_CORPUS = path.join(PACKAGE_ROOT, 'corpus');
export const BUNDLED_INDEX = path.join(PACKAGE_ROOT, 'index');
export const DIST = path.join(PACKAGE_ROOT, 'dist');
/** What package.json's bin runs: the bundled server. */
export const SERVER_ENTRY = path.join(DIST, 'server.mjs');

/** `--name value`, `--name=value` and bare `--flag` (→ true). */
export function parseArgs(argv = process.argv.slice(2)) {
  const args = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) continue;
    const eq = arg.indexOf('=');
    if (eq > 0) {
      args[arg.slice(2, eq)] = arg.slice(eq + 1);
    } else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) {
      args[arg.slice(2)] = argv[++i];
    } else {
      args[arg.slice(2)] = true;
    }
  }
  return args;
}

export function numberArg(args, name, fallback) {
  if (args[name] === undefined || args[name] === true) return fallback;
  const value = Number(args[name]);
  if (!Number.isFinite(value)) throw new Error(`--${name} must be a number, got ${args[name]}`);
  return value;
}

/** Nearest-rank percentile of an unsorted list. */
export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function median(values) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function round(value, digits = 2) {
  if (!Number.isFinite(value)) return value;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export const MB = 1024 * 1024;

/** Sum of the sizes of the files in a folder (recursive). */
export function dirBytes(dir) {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) total += dirBytes(full);
    else if (entry.isFile()) total += fs.statSync(full).size;
  }
  return total;
}

/** The fixed index cache root the bench uses for a corpus folder (MINZHENG_CACHE_DIR). */
export function benchCacheRoot(corpusDir) {
  const key = crypto.createHash('sha256').update(path.resolve(corpusDir)).digest('hex').slice(0, 12);
  return path.join(os.tmpdir(), 'minzheng-bench-cache', `${path.basename(corpusDir)}-${key}`);
}

/** Prints the one machine-readable line a runner collects. */
export function emitJson(name, data) {
  process.stdout.write(`BENCH_JSON ${JSON.stringify({ bench: name, ...data })}\n`);
}

/** Peak and current RSS of a process from /proc, in MB (Linux only). */
export function procMemory(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key) => {
      const match = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status);
      return match ? Number(match[1]) / 1024 : NaN;
    };
    return { peakRssMb: kb('VmHWM'), rssMb: kb('VmRSS') };
  } catch {
    return { peakRssMb: NaN, rssMb: NaN };
  }
}

/** CPU time (user + system) a process has used so far, in ms (10 ms resolution); NaN when unknown. */
export function procCpuMs(pid) {
  try {
    // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return NaN;
  }
}

export function ms(startNs) {
  return Number(process.hrtime.bigint() - startNs) / 1e6;
}

/**
 * Where a bench reads a corpus from. With a corpus folder: that folder and its fixed bench cache
 * (MINZHENG_CACHE_DIR). Without: the bundled corpus and its committed index/ — unless that index
 * is stale for the current dist/, in which case the bundled corpus goes through a bench cache
 * folder too, so the committed index/ is never rewritten by a bench.
 */
export async function resolveTarget(corpusArg) {
  if (typeof corpusArg === 'string') {
    const corpusDir = path.resolve(corpusArg);
    return { corpusDir, cacheRoot: benchCacheRoot(corpusDir), note: '' };
  }
  let stale;
  try {
    const { readManifest } = await import(path.join(DIST, 'search', 'store.js'));
    const { stalenessReason } = await import(path.join(DIST, 'search', 'freshness.js'));
    const manifest = readManifest(BUNDLED_INDEX);
    stale = manifest ? stalenessReason(manifest, BUNDLED_CORPUS) : 'no manifest';
  } catch (error) {
    stale = `freshness unknown: ${error.message}`;
  }
  if (!stale) return { corpusDir: undefined, cacheRoot: undefined, note: '' };
  return {
    corpusDir: BUNDLED_CORPUS,
    cacheRoot: benchCacheRoot(BUNDLED_CORPUS),
    note: `committed index/ is stale for this dist/ (${stale}); using the bundled corpus through a bench cache folder`,
  };
}

/** readConfig arguments and environment for a resolved target. */
export function configInputs(target) {
  const env = { ...process.env };
  delete env.MINZHENG_CORPUS;
  if (target.cacheRoot) env.MINZHENG_CACHE_DIR = target.cacheRoot;
  return { argv: target.corpusDir ? ['--corpus', target.corpusDir] : [], env };
}

// ---------------------------------------------------------------------------------------------
// CPU profiles (node:inspector), summarised without depending on the code's internals.

/** Runs fn (sync or async) under the V8 sampling profiler; returns its value and the profile. */
export async function profiled(fn, intervalUs = 250) {
  const { Session } = await import('node:inspector/promises');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: intervalUs });
  await session.post('Profiler.start');
  let value;
  let profile;
  try {
    value = await fn();
  } finally {
    ({ profile } = await session.post('Profiler.stop'));
    session.disconnect();
  }
  return { value, profile };
}

function moduleOf(callFrame) {
  const { url, functionName } = callFrame;
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  if (!url.startsWith('file://')) return url;
  const file = url.slice('file://'.length);
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
  return pkg ? pkg[1] : path.relative(PACKAGE_ROOT, file);
}

function functionLabel(callFrame) {
  const name = callFrame.functionName || '(anonymous)';
  return callFrame.url ? `${name} ${moduleOf(callFrame)}:${callFrame.lineNumber + 1}` : name;
}

/**
 * Self time by module and by function, and for each function named in `parents` the inclusive
 * time of what it calls (its callees, merged by function) — in ms, largest first.
 */
export function summarizeProfile(profile, parents = [], { top = 10 } = {}) {
  const interval = (profile.endTime - profile.startTime) / 1000 / Math.max(1, profile.samples.length);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const total = new Map();
  const order = [];
  const stack = [profile.nodes[0]];
  while (stack.length) {
    const node = stack.pop();
    order.push(node);
    for (const child of node.children ?? []) stack.push(byId.get(child));
  }
  for (const node of order.reverse()) {
    let sum = (node.hitCount ?? 0) * interval;
    for (const child of node.children ?? []) sum += total.get(child) ?? 0;
    total.set(node.id, sum);
  }
  const byModule = new Map();
  const byFunction = new Map();
  for (const node of profile.nodes) {
    if (!node.hitCount) continue;
    const time = node.hitCount * interval;
    const module = moduleOf(node.callFrame);
    byModule.set(module, (byModule.get(module) ?? 0) + time);
    const fn = functionLabel(node.callFrame);
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + time);
  }
  const sorted = (map, n) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => [k, Math.round(v)]);
  const callees = {};
  for (const parent of parents) {
    const merged = new Map();
    let parentTotal = 0;
    for (const node of profile.nodes) {
      if (node.callFrame.functionName !== parent) continue;
      parentTotal += total.get(node.id) ?? 0;
      const self = (node.hitCount ?? 0) * interval;
      if (self) merged.set('(self)', (merged.get('(self)') ?? 0) + self);
      for (const childId of node.children ?? []) {
        const child = byId.get(childId);
        const label = functionLabel(child.callFrame);
        merged.set(label, (merged.get(label) ?? 0) + (total.get(childId) ?? 0));
      }
    }
    if (parentTotal > 0) callees[parent] = { total_ms: Math.round(parentTotal), callees: sorted(merged, top).filter(([, v]) => v > 0) };
  }
  return {
    profiled_ms: Math.round((profile.endTime - profile.startTime) / 1000),
    modules: sorted(byModule, top),
    functions: sorted(byFunction, top),
    callees,
  };
}

/** Prints a summary made by summarizeProfile. */
export function printProfile(summary, indent = '    ') {
  for (const [parent, { total_ms, callees }] of Object.entries(summary.callees)) {
    if (callees.length === 0) continue;
    console.log(`${indent}${parent} (${total_ms} ms) spends it in:`);
    for (const [name, value] of callees) console.log(`${indent}  ${String(value).padStart(8)} ms  ${name}`);
  }
  console.log(`${indent}self time by module:`);
  for (const [name, value] of summary.modules) console.log(`${indent}  ${String(value).padStart(8)} ms  ${name}`);
  console.log(`${indent}self time by function:`);
  for (const [name, value] of summary.functions) console.log(`${indent}  ${String(value).padStart(8)} ms  ${name}`);
}
