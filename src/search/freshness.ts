import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { listReportFiles } from '../corpus/load.js';
import { TERMS_FILE } from './jieba-files.js';
import type { Manifest } from './types.js';
import { INDEX_FORMAT, PIPELINE_VERSION, packageVersion } from './versions.js';

export function sha256(content: string | Buffer): string {
  return crypto.createHash('sha256').update(content).digest('hex');
}

export function corpusHashes(corpusDir: string): Record<string, string> {
  return Object.fromEntries(
    listReportFiles(corpusDir).map((file) => [file, sha256(fs.readFileSync(path.join(corpusDir, file)))]),
  );
}

export function dictionaryHashes(): Record<string, string> {
  return { 'terms.txt': sha256(fs.readFileSync(TERMS_FILE)) };
}

export function currentVersions(): Manifest['versions'] {
  return { minisearch: packageVersion('minisearch'), nodejieba: packageVersion('nodejieba') };
}

/** Why an index no longer matches its corpus, dictionaries or code; undefined when it does. */
export function stalenessReason(manifest: Manifest, corpusDir: string): string | undefined {
  if (manifest.format !== INDEX_FORMAT) return `index format ${manifest.format}, expected ${INDEX_FORMAT}`;
  if (manifest.pipeline !== PIPELINE_VERSION) return `built by pipeline ${manifest.pipeline}, expected ${PIPELINE_VERSION}`;
  const versions = currentVersions();
  for (const [name, version] of Object.entries(versions)) {
    const built = manifest.versions[name as keyof Manifest['versions']];
    if (built !== version) return `built with ${name} ${built}, installed ${version}`;
  }
  const dictionaries = dictionaryHashes();
  for (const [name, hash] of Object.entries(dictionaries)) {
    if (manifest.dictionaries[name] !== hash) return `dictionary ${name} changed`;
  }
  return corpusDifference(manifest.corpus, corpusHashes(corpusDir));
}

function corpusDifference(built: Record<string, string>, now: Record<string, string>): string | undefined {
  for (const [file, hash] of Object.entries(now)) {
    if (!(file in built)) return `new corpus file ${file}`;
    if (built[file] !== hash) return `corpus file ${file} changed`;
  }
  const removed = Object.keys(built).find((file) => !(file in now));
  return removed ? `corpus file ${removed} was removed` : undefined;
}
