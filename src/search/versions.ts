import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PACKAGE_ROOT } from '../paths.js';
import { GAZETTEER_VERSION_FILE } from '../places/gazetteer-file.js';

const require = createRequire(import.meta.url);

/** Bump when cleaning, passage splitting or tokenizing changes what an index holds. */
export const PIPELINE_VERSION = 55;
/** Bump when the layout of the index folder changes. */
export const INDEX_FORMAT = 5;

/** This package's own version, from its package.json. */
export function ownVersion(): string {
  try {
    return (JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

export function packageVersion(name: string): string {
  try {
    return (require(`${name}/package.json`) as { version: string }).version;
  } catch {
    return versionAbove(name);
  }
}

/** For packages whose `exports` hide package.json (opencc-js): the package.json above their entry. */
function versionAbove(name: string): string {
  try {
    for (let dir = path.dirname(require.resolve(name)); dir !== path.dirname(dir); dir = path.dirname(dir)) {
      const file = path.join(dir, 'package.json');
      if (!fs.existsSync(file)) continue;
      const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version: string };
      if (parsed.name === name) return parsed.version;
    }
  } catch {
    // fall through
  }
  return 'unknown';
}

/** The gazetteer table's source and version, written beside it by `npm run build`. */
export function gazetteerVersion(): string {
  try {
    return fs.readFileSync(GAZETTEER_VERSION_FILE, 'utf8').trim();
  } catch {
    return 'unknown';
  }
}
