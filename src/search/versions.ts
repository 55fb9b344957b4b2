import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Bump when cleaning, passage splitting or tokenizing changes what an index holds. */
export const PIPELINE_VERSION = 3;
/** Bump when the layout of the index folder changes. */
export const INDEX_FORMAT = 1;

export function packageVersion(name: string): string {
  try {
    return (require(`${name}/package.json`) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}
