import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { Logger } from '../../src/log.js';
import type { ReportLibrary } from '../../src/library.js';
import { openLibrary } from '../../src/open-library.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { createServer } from '../../src/server/create-server.js';
import { temporaryDir, storeLocation } from '../helpers.js';
import { call, textOf } from './client.js';
import { LibraryHolder } from '../../src/start/library-holder.js';

/** A folder of real pages as a user drops them in: no headers, one in traditional characters, one naming no place. */
const DEV_TEXTS = path.resolve(PACKAGE_ROOT, '..', 'shared', 'dev-corpus', 'texts');
const FILES = ['lanzhou-2022.txt', 'junshan-2019.txt', 'harbin-2015.txt', 'guangzhou-2021.txt', 'weifang-2016.txt'];

function recordingLogger(lines: string[]): Logger {
  return { info: (m) => lines.push(`info: ${m}`), warn: (m) => lines.push(`warn: ${m}`) };
}

async function connect(library: ReportLibrary): Promise<Client> {
  const server = createServer({ holder: LibraryHolder.ready(library), logger: recordingLogger([]) });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name: 'test', version: '1' });
  await Promise.all([server.connect(serverSide), client.connect(clientSide)]);
  return client;
}

describe('a dropped-in folder of pages without headers', () => {
  const corpusDir = temporaryDir('dropped');
  const indexDir = temporaryDir('dropped-index');
  const coldLog: string[] = [];
  const warmLog: string[] = [];
  let library: ReportLibrary;
  let client: Client;

  beforeAll(async () => {
    for (const file of FILES) fs.copyFileSync(path.join(DEV_TEXTS, file), path.join(corpusDir, file));
    openLibrary(storeLocation(corpusDir, indexDir), recordingLogger(coldLog));
    library = openLibrary(storeLocation(corpusDir, indexDir), recordingLogger(warmLog));
    client = await connect(library);
  });

  it('serves each page under its gazetteer place, skipping the one that names none', () => {
    expect(library.reports.map((r) => [r.file, r.meta.place, r.meta.province, r.meta.level])).toEqual([
      ['guangzhou-2021.txt', '广州市', '广东省', 'city'],
      ['harbin-2015.txt', '哈尔滨市', '黑龙江省', 'city'],
      ['junshan-2019.txt', '君山区', '湖南省', 'district'],
      ['lanzhou-2022.txt', '兰州市', '甘肃省', 'city'],
    ]);
  });

  it('says at a warm start, as at the first, which file it skipped and which place it guessed', () => {
    for (const log of [coldLog, warmLog]) {
      expect(log.some((line) => line.startsWith('warn: skipping weifang-2016.txt') && line.includes('add a header'))).toBe(true);
      expect(log.some((line) => line.startsWith('warn: harbin-2015.txt') && line.includes('哈尔滨市') && line.includes('双城区'))).toBe(true);
    }
    expect(warmLog.some((line) => line.startsWith('info: building'))).toBe(false);
  });

  it('lists skipped files and guessed places in list_reports', async () => {
    const result = await call(client, 'list_reports');
    const structured = result.structuredContent as { reports: { doc_id: string; place_code: string; place_note?: string }[]; skipped: { file: string; reason: string }[] };
    expect(structured.skipped.map((s) => s.file)).toEqual(['weifang-2016.txt']);
    expect(structured.reports.find((r) => r.doc_id === 'harbin-2015')?.place_note).toMatch(/依据不足/);
    expect(structured.reports.find((r) => r.doc_id === 'lanzhou-2022')?.place_code).toBe('620100');
    expect(textOf(result)).toContain('未收录的文件 1 个');
  });

  it('finds the traditional-character page with simplified words, quoting it as published', async () => {
    const result = await call(client, 'search_reports', { query: '城乡低保标准 不低于', place: '兰州' });
    const hits = (result.structuredContent as { results: { doc_id: string; text: string; citation: { quote: string } }[] }).results;
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0]!.doc_id).toBe('lanzhou-2022');
    expect(hits[0]!.citation.quote).toMatch(/不低於/);
  });

  it('extracts figures from it with quotes in the original characters', async () => {
    const result = await call(client, 'lookup_indicator', { indicator: '农村低保标准', place: '甘肃' });
    const matches = (result.structuredContent as { matches: { doc_id: string; citation: { start: number; end: number; quote: string } }[] }).matches;
    const lanzhou = matches.filter((m) => m.doc_id === 'lanzhou-2022');
    expect(lanzhou.length).toBeGreaterThan(0);
    const text = library.getReport('lanzhou-2022').text;
    for (const m of lanzhou) expect(text.slice(m.citation.start, m.citation.end)).toBe(m.citation.quote);
    expect(lanzhou.some((m) => /[標準於]/.test(m.citation.quote))).toBe(true);
  });

  it('filters by province and level, and notes comparisons across levels', async () => {
    const counties = await call(client, 'list_reports', { level: 'district' });
    expect((counties.structuredContent as { reports: { place: string }[] }).reports.map((r) => r.place)).toEqual(['君山区']);
    const guangdong = await call(client, 'list_reports', { province: '广东' });
    expect((guangdong.structuredContent as { reports: { place: string }[] }).reports.map((r) => r.place)).toEqual(['广州市']);
    const compared = await call(client, 'compare_cities', { indicator: '农村低保标准', places: '兰州、君山区、杭州' });
    const structured = compared.structuredContent as { rows: { place: string; level?: string; note: string }[]; missing: string[] };
    expect(structured.missing).toEqual(['杭州市']);
    expect(structured.rows.map((row) => [row.place, row.level])).toEqual(expect.arrayContaining([['兰州市', 'city'], ['君山区', 'district']]));
    for (const row of structured.rows) expect(row.note).toContain('行政级别不同');
    const cities = await call(client, 'compare_cities', { indicator: '农村低保标准', level: 'city' });
    for (const row of (cities.structuredContent as { rows: { level?: string; note: string }[] }).rows) {
      expect(row.level).toBe('city');
      expect(row.note).not.toContain('行政级别不同');
    }
  });

  it('refuses a province as a province filter only when it is not one', async () => {
    const result = await call(client, 'list_reports', { province: '广州' });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/不是省级单位/);
  });
});
