import { readConfig } from '../src/config.js';
import { silentLogger } from '../src/log.js';
import { openLibrary } from '../src/open-library.js';
import { SQLITE_TEST_ENV } from './sqlite-env.js';

/**
 * The vitest project "sqlite": the bundled corpus's SQLite store is built once, before the test
 * files run (the MiniSearch store of the bundled corpus is committed), not by each of them at once.
 */
export default function setup(): void {
  openLibrary(readConfig([], { ...process.env, ...SQLITE_TEST_ENV }), silentLogger);
}
