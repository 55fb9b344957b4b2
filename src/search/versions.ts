import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PACKAGE_ROOT } from '../paths.js';

const require = createRequire(import.meta.url);

/** Bump when cleaning, passage splitting or tokenizing changes what an index holds. */
export const PIPELINE_VERSION = 6;
/** Bump when the layout of the index folder changes. */
export const INDEX_FORMAT = 2;

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
    return 'unknown';
  }
}
