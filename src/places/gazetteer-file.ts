import path from 'node:path';
import { PACKAGE_ROOT } from '../paths.js';

/** Where `npm run build` writes the compact gazetteer table. */
export const GAZETTEER_FILE = path.join(PACKAGE_ROOT, 'dist', 'gazetteer.json');

/** The table's source and version alone, so that a freshness check need not parse the table. */
export const GAZETTEER_VERSION_FILE = path.join(PACKAGE_ROOT, 'dist', 'gazetteer.version');
