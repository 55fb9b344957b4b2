import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readReport, type ReadResult } from '../../src/corpus/load.js';
import { loadPlaces } from '../../src/places/places.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { simplify } from '../../src/text/simplify.js';
import { SEEDS_DIR, readFixture } from '../helpers.js';

/** Real pages the server has never seen, served with no header: does each land on the right place? */
const DEV_DIR = path.resolve(PACKAGE_ROOT, '..', 'shared', 'dev-corpus');
const meta = JSON.parse(fs.readFileSync(path.join(DEV_DIR, 'meta.json'), 'utf8')) as Record<string, { place: string; province: string; level: string }>;
const headlines = readFixture<{ pages: Record<string, { headline: boolean; title: string; published: string }> }>('dev-headlines.json').pages;
const places = loadPlaces();

interface Row {
  file: string;
  namesItself: boolean;
  result: ReadResult;
}

/** A page names its place when the place's full or short name occurs in it (in simplified characters). */
function namesItself(page: string, place: string): boolean {
  const text = simplify(page);
  const unit = places.gazetteer.named(place).find((candidate) => candidate.name === place);
  return text.includes(place) || (unit !== undefined && text.includes(unit.short));
}

const rows: Row[] = Object.keys(meta)
  .sort()
  .map((file) => {
    const raw = fs.readFileSync(path.join(DEV_DIR, 'texts', file), 'utf8');
    return { file, namesItself: namesItself(raw, meta[file]!.place), result: readReport(places, file, raw) };
  });

const served = (row: Row) => ('report' in row.result ? row.result : undefined);

describe('places of the 55 dev-corpus pages served without a header', () => {
  const naming = rows.filter((row) => row.namesItself);
  const silent = rows.filter((row) => !row.namesItself);
  const right = naming.filter((row) => served(row)?.report.meta.place === meta[row.file]!.place);

  it('reports its figures', () => {
    const all = rows.map(served).filter((r) => r !== undefined);
    const count = (test: (file: string, r: NonNullable<ReturnType<typeof served>>) => boolean) =>
      rows.filter((row) => {
        const r = served(row);
        return r !== undefined && test(row.file, r);
      }).length;
    const figures = {
      pages: rows.length,
      naming_their_place: naming.length,
      place_right: right.length,
      province_right: count((file, r) => r.report.meta.province === meta[file]!.province),
      level_right: count((file, r) => r.report.meta.level === meta[file]!.level),
      title_is_the_headline: count((file, r) => headlines[file]!.headline && r.report.meta.title === headlines[file]!.title),
      served_pages_with_a_headline: count((file) => headlines[file]!.headline),
      published_year_right: count((file, r) => r.report.meta.published !== '' && r.report.meta.published.slice(0, 4) === (meta[file] as { published?: string }).published?.slice(0, 4)),
      published_empty: count((_file, r) => r.report.meta.published === ''),
      served: all.length,
      skipped: rows.length - all.length,
    };
    process.stderr.write(`places: ${JSON.stringify(figures)}\n`);
    expect(figures.pages).toBe(55);
  });

  it('puts every page that names its place but at most one on it, with its province and level', () => {
    expect(naming.length).toBeGreaterThanOrEqual(39);
    const wrong = naming.filter((row) => !right.includes(row)).map((row) => `${row.file} → ${served(row)?.report.meta.place ?? 'skipped'}`);
    expect(wrong.length, wrong.join('\n')).toBeLessThanOrEqual(1);
    for (const row of right) {
      expect(served(row)!.report.meta.province).toBe(meta[row.file]!.province);
      expect(served(row)!.report.meta.level).toBe(meta[row.file]!.level);
    }
  });

  it.each(silent.map((row) => [row.file, row] as const))('%s, which never names its place, is skipped with advice or served with a warning', (_file, row) => {
    if ('report' in row.result) {
      expect(row.result.guess?.confident).toBe(false);
      expect(row.result.guess?.why).toBeTruthy();
    } else {
      expect(row.result.reason).toMatch(/add a header such as/);
    }
  });

  it('names only gazetteer units as places', () => {
    for (const row of rows) {
      const r = served(row);
      if (!r) continue;
      const unit = places.gazetteer.byCodeOf(r.report.meta.place_code);
      expect(unit?.name, row.file).toBe(r.report.meta.place);
      expect(places.gazetteer.provinceOf(unit!).name).toBe(r.report.meta.province);
    }
  });

  it.each(Object.entries(headlines))('%s: title and date as the page shows them', (file, expected) => {
    const r = served(rows.find((row) => row.file === file)!);
    if (!r) return;
    expect(r.report.meta.title).toBe(expected.title);
    expect(r.report.meta.published).toBe(expected.published);
    expect(r.report.meta.title).not.toMatch(/^(下载|分享|字号|打印|首页|当前位置)/);
  });
});

describe('the five bundled originals without their headers', () => {
  const expected: Record<string, [string, string, string]> = {
    '000_3951c9a6444b22c2.txt': ['许昌市', '河南省', '厚植民生福祉 书写温暖答卷——许昌市五年来民政事业高质量发展综述'],
    '001_6da2edcb98b10796.txt': ['鹤壁市', '河南省', '“鹤壁这十年”看民政丨厚植民生福祉夯实为民根基'],
    '002_371f0283b1ebffaf.txt': ['许昌市', '河南省', ''],
    '003_c074747d2afbf5a8.txt': ['清水县', '甘肃省', '清水县民政局:保障和改善民生工作综述'],
    '004_78270e08e56120e4.txt': ['镇江市', '江苏省', '镇江市民政系统:让民生发展更有“温度”'],
  };
  it.each(Object.entries(expected))('%s → %s', (file, [place, province, title]) => {
    const result = readReport(places, file, fs.readFileSync(path.join(SEEDS_DIR, file), 'utf8'));
    if (!('report' in result)) throw new Error(result.reason);
    expect([result.report.meta.place, result.report.meta.province]).toEqual([place, province]);
    expect(result.guess?.confident).toBe(true);
    if (title) expect(result.report.meta.title).toBe(title);
  });
});
