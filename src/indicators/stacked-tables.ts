import type { Quantity } from './quantities.js';
import { TABLE_UNIT, TABLE_VALUE } from './table-rows.js';
import { linesOf, quantityInLine, tableOf, type Line, type YearColumnCell, type YearColumnTable } from './year-columns.js';

/**
 * Statistics tables in the two other shapes pages flatten them into, read as label → value cells:
 *
 *   stacked, one cell per line after a header of column names:
 *     指标名称 / 计量单位 / 本期数 / 城市最低生活保障平均标准 / 元/人·月 / 620.0 / …
 *
 *   two columns, the unit in the value column's header:
 *     项目 | 标准（元/人·年）
 *     集中养育孤儿 | 19,200
 *
 *   label and value lines under 项目 / 数值, the unit in the label's brackets or after the value:
 *     城乡低保标准（元/人·月） / 1260 / 城市特困人员基本生活 / 1770元/人·月
 *
 * A table ends at the first lines that do not fit its shape. Without a unit nothing is read.
 */

const LABEL = /^\s*[#＃*＊]?[\u4e00-\u9fff][^|\d]{0,38}?[*＊]?\s*$/;
const STACKED_HEADER = [/^\s*(指标名称|指标|项目)\s*$/, /^\s*(计量单位|单位)\s*$/, /^\s*(本期数|本期|数量|数值|累计数?|本年累计|合计)\s*$/];
const PAIR_HEADER = [/^\s*(指标名称|指标|项目)\s*$/, /^\s*(数值|标准|数量|本期数|金额|人数)\s*$/];
/** A label line, its unit in brackets or not: 城乡低保标准（元/人·月）. */
const PAIR_LABEL = /^\s*([\u4e00-\u9fff][^|\d（(]{0,30}?)\s*(?:[(（]\s*([^)）]{1,8})\s*[)）])?\s*$/;
/** A value line, its unit after the number or not: 1180元/人·月, 48316. */
const PAIR_VALUE = /^\s*(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*([^\s\d]{0,8})\s*$/;
const PIPE_HEADER = /^\s*(项目|指标|指标名称|类别)\s*[|｜]\s*[\u4e00-\u9fff]{0,8}[(（]\s*([^)）]+?)\s*[)）]\s*[|｜]?\s*$/;
const PIPE_ROW = /^(\s*)([^|｜\d][^|｜]*?)\s*[|｜]\s*(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*[|｜]?\s*$/;
const MAX_ROWS = 80;

function cell(label: string, quantity: Quantity, from: Line, to: Line): YearColumnCell {
  return { label: label.trim().replace(/^[#＃]|[*＊]$/g, ''), quantity, segmentStart: from.start, segmentEnd: to.start + to.text.length };
}

/** Label, unit and value lines in turn, after the three header lines. */
function readStacked(lines: readonly Line[], headerAt: number): YearColumnTable | undefined {
  const cells: YearColumnCell[] = [];
  let row = headerAt + 3;
  for (; row + 2 < lines.length && cells.length < MAX_ROWS; row += 3) {
    const [label, unit, value] = [lines[row]!, lines[row + 1]!, lines[row + 2]!];
    const [unitText, number] = [unit.text.trim(), value.text.trim()];
    if (!LABEL.test(label.text) || !TABLE_UNIT.test(unitText) || !TABLE_VALUE.test(number)) break;
    cells.push(cell(label.text, quantityInLine(value, number, unitText), label, value));
  }
  return tableOf(lines, headerAt, row, cells);
}

/** Label and value lines in turn under 项目 / 数值: the unit in the label's brackets or after the value. */
function readPairs(lines: readonly Line[], headerAt: number): YearColumnTable | undefined {
  const cells: YearColumnCell[] = [];
  // The value column named 标准 says what each row's value is: 城乡低保 under it is 城乡低保标准.
  const ofStandards = lines[headerAt + 1]!.text.trim() === '标准';
  let row = headerAt + 2;
  for (; row + 1 < lines.length && cells.length < MAX_ROWS; row += 2) {
    const label = PAIR_LABEL.exec(lines[row]!.text);
    const value = PAIR_VALUE.exec(lines[row + 1]!.text);
    if (!label || !value) break;
    const unit = (value[2] || label[2] || '').replace(/\s+/g, '');
    if (!TABLE_UNIT.test(unit)) continue;
    const named = ofStandards && !/标准|补贴|生活费|基本生活/.test(label[1]!) ? `${label[1]!.trim()}标准` : label[1]!;
    cells.push(cell(named, quantityInLine(lines[row + 1]!, value[1]!, unit), lines[row]!, lines[row + 1]!));
  }
  return tableOf(lines, headerAt, row, cells);
}

/** "label | value" rows under a header whose value column names the unit in brackets. */
function readPipeColumns(lines: readonly Line[], headerAt: number, unit: string): YearColumnTable | undefined {
  const cells: YearColumnCell[] = [];
  let row = headerAt + 1;
  for (; row < lines.length && cells.length < MAX_ROWS; row++) {
    const match = PIPE_ROW.exec(lines[row]!.text);
    if (!match) break;
    cells.push(cell(match[2]!, quantityInLine(lines[row]!, match[3]!, unit), lines[row]!, lines[row]!));
  }
  return tableOf(lines, headerAt, row, cells);
}

/** Every stacked or two-column table of a text, with its cells (undated: the report's year applies). */
export function readStackedTables(text: string): YearColumnTable[] {
  // A cheap test first (bounded, so linear on any text): a 单位 column, a unit in brackets, or a 项目 header line.
  if (!/单位|[(（][^)）(（\n]{0,12}[元个张人户对]|^\s*(项目|指标)\s*$/m.test(text)) return [];
  const lines = linesOf(text);
  const tables: YearColumnTable[] = [];
  for (let i = 0; i < lines.length; i++) {
    let table: YearColumnTable | undefined;
    if (i + 2 < lines.length && STACKED_HEADER.every((header, k) => header.test(lines[i + k]!.text))) table = readStacked(lines, i);
    else if (i + 1 < lines.length && PAIR_HEADER.every((header, k) => header.test(lines[i + k]!.text))) table = readPairs(lines, i);
    else {
      const header = PIPE_HEADER.exec(lines[i]!.text);
      const unit = header ? header[2]!.replace(/\s+/g, '') : undefined;
      if (unit && TABLE_UNIT.test(unit)) table = readPipeColumns(lines, i, unit);
    }
    if (!table) continue;
    tables.push(table);
    while (i + 1 < lines.length && lines[i + 1]!.start < table.end) i++;
  }
  return tables;
}
