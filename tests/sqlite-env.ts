import os from 'node:os';
import path from 'node:path';

/** The environment of the vitest project "sqlite": the SQLite store, built in its own cache folder. */
export const SQLITE_TEST_ENV = { MINZHENG_STORE: 'sqlite', MINZHENG_CACHE_DIR: path.join(os.tmpdir(), 'minzheng-test-sqlite-cache') };
