import { describe, expect, it } from 'vitest';
import { loadPlaces } from '../../src/places/places.js';
import { goldPages, pageFigures, scorePage, split, summary, type Scored } from './dev-gold.js';

/**
 * Extraction on real pages the rules were not written against. The held-back half (split.json,
 * chosen by hash before any page was read) is never inspected while writing rules: only its
 * figures are printed. The development half prints every wrong and missed figure.
 */
const places = loadPlaces();
const pages = goldPages();
const scored = new Map<string, Scored>(
  pages.map((page) => [page.file, scorePage(page, pageFigures(places, page.file).filter((f) => f.confidence === 'high'), page.place)]),
);
const heldBack = new Set(split.held_back);
const development = [...scored.values()].filter((s) => !heldBack.has(s.file));
const held = [...scored.values()].filter((s) => heldBack.has(s.file));

describe('extraction on the development corpus (gold read by hand)', () => {
  it('has a gold table for at least 30 pages, 15 of them held back', () => {
    expect(pages.length).toBeGreaterThanOrEqual(30);
    expect(held).toHaveLength(15);
  });

  it('reports precision and recall on both halves', () => {
    const dev = summary(development);
    const back = summary(held);
    process.stderr.write(`dev-extraction development: ${JSON.stringify(dev)}\ndev-extraction held-back: ${JSON.stringify(back)}\n`);
    if (process.env.SHOW_DEV_ERRORS) {
      for (const s of development) {
        for (const w of s.wrong) process.stderr.write(`  WRONG ${s.file} ${w.figure.indicator} ${w.figure.place} ${w.figure.written} → ${w.figure.normalized_value} [gold: ${w.gold?.role ?? '?'} ${w.gold?.indicator ?? ''}] 「${w.figure.citation.quote}」\n`);
        for (const r of s.right.filter((r) => r.gold.as_of != null && r.figure.as_of !== r.gold.as_of)) process.stderr.write(`  YEAR ${s.file} ${r.figure.indicator} ${r.figure.written} as_of ${r.figure.as_of}, gold ${r.gold.as_of} 「${r.figure.citation.quote}」\n`);
        for (const m of s.missed) process.stderr.write(`  MISSED ${s.file} ${m.indicator} ${m.num} 「${m.quote}」\n`);
      }
    }
    expect(dev.returned).toBeGreaterThan(0);
  });
});
