import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The package root, found from this file's place in dist/ (or src/ under vitest). */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const BUNDLED_CORPUS_DIR = path.join(PACKAGE_ROOT, 'corpus');
export const BUNDLED_INDEX_DIR = path.join(PACKAGE_ROOT, 'index');
export const DICT_DIR = path.join(PACKAGE_ROOT, 'src', 'text', 'dict');
