import type { Passage } from '../corpus/types.js';
import { groupBy } from '../group-by.js';
import { demote, toFigure, type ReportContext } from './figure.js';
import { PER_UNIT, type Level } from './levels.js';
import type { Quantity } from './quantities.js';
import { roleOf } from './roles.js';
import { kindAccepts } from './subjects.js';
import { indicatorOfLabel, readTableRow } from './table-rows.js';
import type { Figure } from './types.js';
import { readCellTables } from './cell-tables.js';
import { readPipeTables } from './pipe-tables.js';
import { readStackedTables } from './stacked-tables.js';
import { readYearColumnTables } from './year-columns.js';

/** Figures of statistics tables: a row's label is the subject, its unit cell (or the table's 单位) the unit. */

/** A labelled value as a level: a per-unit or share label (每千人结婚对数, 平均每天…) is none. */
function figureOfLabelled(label: string, quantity: Quantity, passage: Passage, context: ReportContext): Figure | undefined {
  if (PER_UNIT.test(label)) return undefined;
  const indicator = indicatorOfLabel(label, (def) => kindAccepts(def, quantity, label));
  if (!indicator) return undefined;
  const at = { ...quantity, start: label.length, numberStart: label.length, end: label.length };
  const level: Level = { quantity, role: roleOf(label, at, context.year) };
  return toFigure(passage.text, passage, context, level, indicator, 0);
}

/** A pipe-separated row ("养老机构床位数 | 张 | 9,634"): [] when it is a row of no indicator, undefined when it is no row. */
export function figureOfTableRow(passage: Passage, context: ReportContext): Figure[] | undefined {
  const row = readTableRow(passage);
  if (!row) return undefined;
  const figure = figureOfLabelled(row.label, row.quantity, passage, context);
  return figure ? [figure] : [];
}

export interface TableFigures {
  start: number;
  end: number;
  figures: Figure[];
}

/** Year-column tables (year-columns.ts): one figure per cell, dated by its column's year; stacked and two-column tables (stacked-tables.ts) likewise, undated; statistics forms with a header of named columns (pipe-tables.ts), dated by the form's month. */
export function yearColumnFigures(text: string, context: ReportContext): TableFigures[] {
  return [...readYearColumnTables(text), ...readStackedTables(text), ...readCellTables(text), ...readPipeTables(text)].map((table) => ({
    start: table.start,
    end: table.end,
    figures: markTotals(table.cells.flatMap((cell) => {
      const segment = text.slice(cell.segmentStart, cell.segmentEnd);
      const passage: Passage = { passage_id: '', doc_id: context.report.meta.doc_id, ordinal: -1, start: cell.segmentStart, end: cell.segmentEnd, text: segment };
      const offset = (at: number) => at - cell.segmentStart;
      const quantity = { ...cell.quantity, start: offset(cell.quantity.start), end: offset(cell.quantity.end), numberStart: offset(cell.quantity.numberStart) };
      const figure = figureOfLabelled(cell.label, quantity, passage, context);
      if (!figure) return [];
      if (cell.parentLabel && indicatorOfLabel(cell.parentLabel, (def) => def.id === figure.indicator)) {
        demote(figure, `表中「${cell.parentLabel}」的分项`, 'subset');
      }
      if (cell.year !== undefined) {
        figure.as_of = cell.year;
        figure.as_of_source = 'text';
      }
      return [figure];
    })),
  }));
}

/**
 * Rows of one indicator and year where one value is the sum of the others: that row is the total
 * (准予登记结婚对数 20970) and the others its parts (内地居民… 20908, 涉外… 62), whatever the labels say.
 */
function markTotals(figures: Figure[]): Figure[] {
  for (const group of groupBy(figures, (figure) => `${figure.indicator}|${figure.as_of}`).values()) {
    if (group.length < 3) continue;
    const sum = group.reduce((total, figure) => total + figure.value, 0);
    const total = group.find((figure) => Math.abs(2 * figure.value - sum) < 1e-6 * Math.max(1, sum));
    if (!total) continue;
    for (const part of group) {
      if (part === total) continue;
      demote(part, `表中分项(合计${total.written})`, 'subset');
    }
  }
  return figures;
}
