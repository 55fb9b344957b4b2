import type { Quantity } from './quantities.js';
import { cellQuantity } from './table-rows.js';

/**
 * Statistics tables laid out in columns of years, as yearbook pages flatten them into text:
 *
 *     单位:对
 *              2009年 2010年            2009年 2010年
 *     准予登记结婚对数 20970 21464  每千人结婚对数 9.3 9.4
 *
 * A header line of years only (a group of years, repeated for each column group), the unit from a
 * 单位 line just above it, then rows of "label value value …" with one value per year of the group.
 * The table ends at the first line that is not such a row. Without a stated unit nothing is read.
 */

export interface YearColumnCell {
  label: string;
  /** The column's year; none in a table of one value column (the report's year applies). */
  year?: number;
  quantity: Quantity;
  /** For a row indented under another (its part: 内地居民登记结婚对数 under 准予登记结婚对数), that row's label. */
  parentLabel?: string;
  /** The row segment the cell is read from ("准予登记结婚对数 20970 21464"): what a citation quotes. */
  segmentStart: number;
  segmentEnd: number;
}

export interface YearColumnTable {
  start: number;
  end: number;
  cells: YearColumnCell[];
}

const HEADER = /^\s*((?:19|20)\d{2})年?(?:\s+(?:19|20)\d{2}年?)+\s*$/;
const UNIT_LINE = /单位\s*[:：]\s*(万元|亿元|元|个|家|所|张|人|名|人次|户|对|万人|%)/;
const NUMBER = String.raw`-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?`;
const LABEL = /[\u4e00-\u9fff]/;
/** How many lines above the header a 单位 line may stand. */
const UNIT_LOOKBACK = 3;
const MAX_ROWS = 80;

/** A line of a text and where it starts. */
export interface Line {
  text: string;
  start: number;
}

export function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const text_ of text.split('\n')) {
    lines.push({ text: text_, start });
    start += text_.length + 1;
  }
  return lines;
}

/** A value cell's quantity, where its number stands in its line. */
export function quantityInLine(line: Line, written: string, unit: string): Quantity {
  return cellQuantity(line.start + line.text.indexOf(written), written, unit);
}

/** A table read from its header line to the line before `endRow`, or none without a cell. */
export function tableOf(lines: readonly Line[], headerAt: number, endRow: number, cells: YearColumnCell[]): YearColumnTable | undefined {
  if (cells.length === 0) return undefined;
  const last = lines[endRow - 1]!;
  return { start: lines[headerAt]!.start, end: last.start + last.text.length, cells };
}

/** The years of one column group: the header's years up to the first repeat. */
function yearGroup(header: string): number[] {
  const years = [...header.matchAll(/(?:19|20)\d{2}/g)].map((m) => Number(m[0]));
  const group: number[] = [];
  for (const year of years) {
    if (group.includes(year)) break;
    group.push(year);
  }
  return years.length % group.length === 0 ? group : [];
}

function unitAbove(lines: readonly Line[], headerIndex: number): string | undefined {
  for (let i = headerIndex; i >= Math.max(0, headerIndex - UNIT_LOOKBACK); i--) {
    const unit = UNIT_LINE.exec(lines[i]!.text);
    if (unit) return unit[1];
  }
  return undefined;
}

function cellsOfRow(line: Line, years: readonly number[], unit: string): YearColumnCell[] | undefined {
  const values = Array.from({ length: years.length }, () => `\\s+(${NUMBER})`).join('');
  const segment = new RegExp(`([^\\s\\d][^\\d|]*?)${values}(?=\\s|$)`, 'g');
  const cells: YearColumnCell[] = [];
  let covered = 0;
  for (const match of line.text.matchAll(segment)) {
    const label = match[1]!.trim();
    if (!LABEL.test(label) || line.text.slice(covered, match.index).trim() !== '') return undefined;
    covered = (match.index ?? 0) + match[0].length;
    let searchFrom = (match.index ?? 0) + match[1]!.length;
    years.forEach((year, i) => {
      const written = match[i + 2]!;
      const at = line.text.indexOf(written, searchFrom);
      searchFrom = at + written.length;
      cells.push({
        label,
        year,
        segmentStart: line.start + (match.index ?? 0) + (match[1]!.length - match[1]!.trimStart().length),
        segmentEnd: line.start + covered,
        quantity: cellQuantity(line.start + at, written, unit),
      });
    });
  }
  return cells.length > 0 && line.text.slice(covered).trim() === '' ? cells : undefined;
}

/** Every year-column table of a text, with its cells. */
export function readYearColumnTables(text: string): YearColumnTable[] {
  if (!/单位\s*[:：]/.test(text)) return [];
  const lines = linesOf(text);
  const tables: YearColumnTable[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!HEADER.test(lines[i]!.text)) continue;
    const years = yearGroup(lines[i]!.text);
    const unit = unitAbove(lines, i);
    if (years.length < 2 || !unit) continue;
    const table: YearColumnTable = { start: lines[i]!.start, end: lines[i]!.start + lines[i]!.text.length, cells: [] };
    let row = i + 1;
    const rowsAbove: { indent: number; label: string }[] = [];
    for (; row < lines.length && row <= i + MAX_ROWS; row++) {
      const cells = cellsOfRow(lines[row]!, years, unit);
      if (!cells) break;
      // Only the first label of a line is indented; the column groups to its right are rows of their own.
      const indent = /^\s*/.exec(lines[row]!.text)![0].length;
      const first = cells[0]!.label;
      const parent = [...rowsAbove].reverse().find((above) => above.indent < indent);
      if (parent) for (const cell of cells) if (cell.label === first) cell.parentLabel = parent.label;
      rowsAbove.push({ indent, label: first });
      table.cells.push(...cells);
      table.end = lines[row]!.start + lines[row]!.text.length;
    }
    if (table.cells.length > 0) tables.push(table);
    i = row - 1;
  }
  return tables;
}
