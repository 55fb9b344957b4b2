import { describe, expect, it } from 'vitest';
import { splitPassages } from '../../src/corpus/passages.js';
import { CATALOGUE } from '../../src/indicators/catalogue.js';
import { extractChanges, type ChangeFigure } from '../../src/indicators/changes.js';
import { loadPlaces } from '../../src/places/places.js';
import { bundledLibrary, readFixture, squeeze } from '../helpers.js';
import { goldPages, pageReport, split, type GoldNumber } from './dev-gold.js';

/**
 * Changes (提高50元, 增幅5%, 新增床位481张) against gold read by hand: tests/fixtures/gold-changes.json
 * for the bundled reports and the development half (indicator, delta, unit, period), and the
 * dev-gold table's `change` numbers for both halves (indicator and number), so that the
 * held-back half is measured the same way without being read.
 */
interface GoldChange {
  doc: string;
  indicator: string;
  delta: number;
  unit: string;
  from?: number;
  to?: number;
  quote: string;
  sub_place?: boolean;
  tier?: boolean;
  times?: number;
}

const gold = readFixture<{ changes: GoldChange[] }>('gold-changes.json').changes.flatMap((g) => Array.from({ length: g.times ?? 1 }, () => ({ ...g })));
const places = loadPlaces();
const heldBack = new Set(split.held_back);
const library = bundledLibrary();
const CATALOGUE_IDS = new Set(CATALOGUE.map((indicator) => indicator.id));

function pageChanges(file: string): ChangeFigure[] {
  const report = pageReport(places, file);
  return extractChanges(report, splitPassages(report.meta.doc_id, report.text), places);
}

const overlaps = (a: string, b: string) => {
  const [x, y] = [squeeze(a), squeeze(b)];
  if (x.includes(y) || y.includes(x)) return true;
  for (let i = 0; i + 8 <= y.length; i++) if (x.includes(y.slice(i, i + 8))) return true;
  return false;
};

function sameChange(g: GoldChange, c: ChangeFigure): boolean {
  return g.doc === c.doc_id && g.indicator === c.indicator && Math.abs(g.delta - c.delta) < 1e-9 && c.unit.endsWith(g.unit) && overlaps(c.citation.quote, g.quote);
}

function score(changes: readonly ChangeFigure[], table: readonly GoldChange[]) {
  const returned = changes.filter((c) => c.confidence === 'high');
  const used = new Set<GoldChange>();
  let right = 0;
  let periodsRight = 0;
  let periodsStated = 0;
  const wrong: ChangeFigure[] = [];
  for (const change of returned) {
    const match = table.find((g) => !used.has(g) && sameChange(g, change));
    if (!match) {
      wrong.push(change);
      continue;
    }
    used.add(match);
    right++;
    if (match.from !== undefined) {
      periodsStated++;
      if (change.period_from === match.from && change.period_to === match.to) periodsRight++;
    }
  }
  const required = table.filter((g) => !g.sub_place && !g.tier);
  const found = required.filter((g) => used.has(g)).length;
  return { returned: returned.length, right, precision: returned.length ? right / returned.length : 1, recall: required.length ? found / required.length : 1, required: required.length, periods: `${periodsRight}/${periodsStated}`, wrong };
}

const bundledDocs = library.reports.map((report) => report.meta.doc_id);
const bundledChanges = library.reports.flatMap(({ meta }) => extractChanges(library.getReport(meta.doc_id), library.passagesOf(meta.doc_id), places));
const pages = goldPages();
const developmentPages = pages.filter((page) => !heldBack.has(page.file));
const heldPages = pages.filter((page) => heldBack.has(page.file));
const changesOf = new Map(pages.map((page) => [page.file, pageChanges(page.file)]));

/** A page's dev-gold `change` numbers of catalogue indicators, as gold changes (number and indicator only). */
function fromDevGold(file: string, numbers: readonly GoldNumber[]): GoldChange[] {
  return numbers
    .filter((n) => n.role === 'change' && n.indicator && CATALOGUE_IDS.has(n.indicator))
    .map((n) => ({ doc: file.replace(/\.txt$/, ''), indicator: n.indicator!, delta: Number(n.num.replace(/,/g, '')), unit: '', quote: n.quote, tier: Boolean(n.scope) }));
}

/** With dev-gold's numbers the sign is not written down: a decrease matches its number. */
function scoreAgainstDevGold(selected: typeof pages) {
  const table = selected.flatMap((page) => fromDevGold(page.file, page.numbers));
  const changes = selected.flatMap((page) => changesOf.get(page.file) ?? []).map((c) => ({ ...c, delta: Math.abs(c.delta) }));
  return score(changes, table);
}

describe('changes against the gold table', () => {
  it('every gold change names a catalogue indicator and a page of its half', () => {
    for (const g of gold) {
      expect(CATALOGUE_IDS.has(g.indicator), g.indicator).toBe(true);
      expect(bundledDocs.includes(g.doc) || developmentPages.some((page) => page.file === `${g.doc}.txt`), g.doc).toBe(true);
    }
  });

  it('reports precision and recall on the bundled reports and the development half', () => {
    const bundled = score(bundledChanges, gold.filter((g) => bundledDocs.includes(g.doc)));
    const devChanges = developmentPages.flatMap((page) => changesOf.get(page.file) ?? []);
    const dev = score(devChanges, gold.filter((g) => !bundledDocs.includes(g.doc)));
    const line = (s: ReturnType<typeof score>) => JSON.stringify({ ...s, wrong: s.wrong.length });
    process.stderr.write(`changes bundled: ${line(bundled)}\nchanges development (hand table): ${line(dev)}\n`);
    if (process.env.SHOW_DEV_ERRORS) for (const w of [...bundled.wrong, ...dev.wrong]) process.stderr.write(`  WRONG ${w.doc_id} ${w.indicator} ${w.delta}${w.unit} 「${w.citation.quote}」\n`);
    expect(bundled.precision).toBe(1);
    expect(bundled.recall).toBe(1);
    expect(dev.precision).toBeGreaterThanOrEqual(0.9);
    expect(dev.recall).toBeGreaterThanOrEqual(0.75);
  });

  it('reports both halves against dev-gold\'s change numbers (the held-back half is never inspected)', () => {
    const dev = scoreAgainstDevGold(developmentPages);
    const back = scoreAgainstDevGold(heldPages);
    process.stderr.write(`changes development (dev-gold): ${JSON.stringify({ ...dev, wrong: dev.wrong.length })}\nchanges held-back (dev-gold): ${JSON.stringify({ ...back, wrong: back.wrong.length })}\n`);
    expect(dev.returned).toBeGreaterThan(0);
  });

  it('never gives a change as a level: no change quote holds a level of the same number and indicator', () => {
    const levels = library.indicators.catalogue.flatMap((def) => library.indicators.figuresOf(def.id, true));
    for (const change of bundledChanges) {
      const clash = levels.find((f) => f.indicator === change.indicator && f.citation.start === change.citation.start && f.value === Math.abs(change.delta) && f.unit === change.unit);
      expect(clash, change.citation.quote).toBeUndefined();
    }
  });
});
