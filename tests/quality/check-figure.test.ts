import { describe, expect, it } from 'vitest';
import { checkStatement } from '../../src/check/check.js';
import { bundledLibrary, readFixture } from '../helpers.js';

/**
 * check_figure on statements written by hand about the bundled reports (tests/fixtures/
 * check-statements.json): accuracy by kind of statement, and never `supported` where the reports
 * do not say it.
 */
interface Statement {
  kind: string;
  statement: string;
  expected: string[];
}

const statements = readFixture<{ statements: Statement[] }>('check-statements.json').statements;
const library = bundledLibrary();
const results = statements.map((s) => ({ ...s, got: checkStatement(library, s.statement).map((check) => check.verdict as string) }));

describe('check_figure on hand-written statements', () => {
  it('has at least 60 statements of every kind the issue names', () => {
    expect(statements.length).toBeGreaterThanOrEqual(60);
    for (const kind of ['true', 'wrong_number', 'wrong_year', 'wrong_place', 'change_as_level', 'hedged', 'change', 'paragraph']) {
      expect(statements.some((s) => s.kind === kind), kind).toBe(true);
    }
  });

  it('reports accuracy by kind (one verdict per number naming an indicator)', () => {
    const byKind = new Map<string, { right: number; total: number }>();
    for (const r of results) {
      const tally = byKind.get(r.kind) ?? { right: 0, total: 0 };
      const length = Math.max(r.expected.length, r.got.length);
      for (let i = 0; i < length; i++) {
        tally.total++;
        if (r.expected[i] !== undefined && r.expected[i] === r.got[i]) tally.right++;
      }
      byKind.set(r.kind, tally);
      if (process.env.SHOW_CHECK_ERRORS && r.got.join() !== r.expected.join()) process.stderr.write(`  MISMATCH [${r.kind}] ${r.statement}: expected ${r.expected.join(',')} got ${r.got.join(',') || '(nothing)'}\n`);
    }
    const total = [...byKind.values()].reduce((sum, t) => ({ right: sum.right + t.right, total: sum.total + t.total }), { right: 0, total: 0 });
    const table = [...byKind].map(([kind, t]) => `${kind} ${t.right}/${t.total}`).join(', ');
    process.stderr.write(`check_figure accuracy: ${total.right}/${total.total} = ${(total.right / total.total).toFixed(3)} (${table})\n`);
    expect(total.right / total.total).toBeGreaterThanOrEqual(0.85);
  });

  it('never says supported when the reports do not say it', () => {
    const falseSupport = results.flatMap((r) => r.got.map((verdict, i) => ({ verdict, expected: r.expected[i], statement: r.statement })).filter((v) => v.verdict === 'supported' && v.expected !== 'supported'));
    expect(falseSupport).toEqual([]);
  });
});
