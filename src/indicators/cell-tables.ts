import { TABLE_UNIT, TABLE_VALUE } from './table-rows.js';
import { linesOf, quantityInLine, tableOf, type Line, type YearColumnCell, type YearColumnTable } from './year-columns.js';

/**
 * Two more shapes a statistics table takes when a page is flattened, read as label → value cells:
 *
 *   one cell per line (each ending in "|", or bare), under a header of named columns or years:
 *     指标名称 | / 单位 | / 代码 | / 数量 | / 上年数据 | / 同比 | / (甲 | 乙 | 丙 | 1 | 2 | 3 |) /
 *     (2)特困人员救助供养支出 | / 万元 | / YZH011222000 | / 6,994.2 | / 6,738.1 | / 3.80 |
 *
 *   one row per line with its cells run together, under 指标名称单位数量:
 *     养老机构床位万张11.3 / 最低生活保障平均标准元/人·月1,245.0
 *   where a line without a value (城市最低生活保障) names the group of the rows under it.
 *
 * Only the label, unit and value columns are read (codes, last year's value and growth are not).
 * A row without a unit cell is not read; a table ends at the first row that does not fit.
 */

const COLUMNS: readonly (readonly ['label' | 'unit' | 'value' | 'other', RegExp])[] = [
  ['label', /^(指标名称|指标|项目)$/],
  ['unit', /^(计量单位|单位)$/],
  ['value', /^(本期数|本期|数量|数值|本年累计|累计数?)$/],
  // One month's column (本月数) is not read: a month of a flow is no level.
  ['other', /^(指标代码|代码|序号|上年数据|上年同期数?|上年数|同比(增长)?|增长|增减|增长率|比上年增长|备注|本月数?|上月数?)$/],
];
/** The marks under the header naming each column (甲 乙 丙 1 2 3). */
const COLUMN_MARK = /^([甲乙丙丁戊己庚]|\d{1,2})$/;
/** A label: list marks and 其中 first ((2), A, II, 1., 一、), then words with no digit. */
const LIST_MARK = /^\s*(其中[:：]?)?\s*([(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|\d+[.．、]|[A-Z]{1,4}\s|[ⅠⅡⅢⅣⅤ]+\s?)?\s*/;
const LABEL = /^[\u4e00-\u9fff][^|\d]{0,38}$/;
const MAX_ROWS = 200;

/** A cell's text without its closing | (no regex over the line: a line of spaces stays linear). */
function cellOf(line: Line): string {
  const text = line.text.trim();
  return (text.endsWith('|') || text.endsWith('｜') ? text.slice(0, -1) : text).trim();
}

/** 城市低保人数(人) → label and the unit in its closing brackets. */
function bracketedUnit(text: string): { label: string; unit: string } | undefined {
  if (!text.endsWith(')') && !text.endsWith('）')) return undefined;
  const open = Math.max(text.lastIndexOf('('), text.lastIndexOf('（'));
  if (open <= 0 || text.length - open > 11) return undefined;
  return { label: text.slice(0, open).trim(), unit: text.slice(open + 1, -1).trim() };
}

/** The number a row ends with (1,245.0), found from the end: linear on any line. */
function trailingNumber(text: string): { before: string; number: string } | undefined {
  let start = text.length;
  while (start > 0 && /[\d.,]/.test(text[start - 1]!)) start--;
  const number = text.slice(start);
  if (!number || !TABLE_VALUE.test(number)) return undefined;
  return { before: text.slice(0, start).trim(), number };
}
const columnOf = (text: string) => COLUMNS.find(([, pattern]) => pattern.test(text))?.[0];

/** How deep a list mark nests: 一、 above (一) above 1. above (1) above A / II. */
function depthOf(label: string): number {
  const mark = LIST_MARK.exec(label)?.[2]?.trim() ?? '';
  if (/^[一二三四五六七八九十]+、$/.test(mark)) return 0;
  if (/^[(（][一二三四五六七八九十]+[)）]$/.test(mark)) return 1;
  if (/^\d+[.．、]$/.test(mark)) return 2;
  if (/^[(（]\d+[)）]$/.test(mark)) return 3;
  if (mark) return 4;
  return 5;
}

/** A column of years (2022年, 2023年底): its cells are dated by it. */
const YEAR_COLUMN = /^((?:19|20)\d{2})年?(?:底|末)?$/;

interface Column {
  role: 'label' | 'unit' | 'value' | 'other' | 'year';
  year?: number;
}

/**
 * One cell per line under a header of named columns (the first may end a line of other text when
 * cells end in "|"). Value columns are 数量/本期数… or years; the unit is a column or in the label's brackets.
 */
function readCellPerLine(lines: readonly Line[], headerAt: number): YearColumnTable | undefined {
  const piped = /(指标名称|指标|项目)\s*[|｜]\s*$/.test(lines[headerAt]!.text);
  if (!piped && !/^\s*(指标名称|指标|项目|类别)\s*$/.test(lines[headerAt]!.text)) return undefined;
  const isCell = (line: Line) => !piped || /[|｜]\s*$/.test(line.text);
  const columns: Column[] = [{ role: 'label' }];
  while (headerAt + columns.length < lines.length) {
    const line = lines[headerAt + columns.length]!;
    if (!isCell(line)) break;
    const text = cellOf(line);
    const year = YEAR_COLUMN.exec(text);
    const role = year ? 'year' : columnOf(text);
    if (!role) break;
    columns.push(year ? { role, year: Number(year[1]) } : { role });
  }
  const width = columns.length;
  const unitAt = columns.findIndex((column) => column.role === 'unit');
  const valueColumns = columns.flatMap((column, at) => (column.role === 'value' || column.role === 'year' ? [{ at, year: column.year }] : []));
  // Three bare lines 指标名称/计量单位/本期数 are the stacked shape (stacked-tables.ts).
  const stacked = !piped && width === 3 && unitAt === 1 && columns[2]!.role === 'value';
  if (width < 3 || valueColumns.length === 0 || stacked) return undefined;
  let row = headerAt + width;
  if (lines.slice(row, row + width).every((line) => COLUMN_MARK.test(cellOf(line)))) row += width;
  const cells: YearColumnCell[] = [];
  const parents: { depth: number; label: string }[] = [];
  for (; row + width <= lines.length && cells.length < MAX_ROWS; row += width) {
    const rowLines = lines.slice(row, row + width);
    if (!rowLines.every(isCell)) break;
    const written = cellOf(rowLines[0]!);
    const bracketed = bracketedUnit(written);
    const label = (bracketed && TABLE_UNIT.test(bracketed.unit) ? bracketed.label : written).replace(LIST_MARK, '');
    if (!LABEL.test(label)) break;
    const unit = unitAt >= 0 ? cellOf(rowLines[unitAt]!) : bracketed?.unit ?? '';
    const depth = depthOf(written);
    while (parents.length > 0 && parents.at(-1)!.depth >= depth) parents.pop();
    const parentLabel = parents.at(-1)?.label;
    // Under 民政事业费累计支出 > 社会救助, a row of money named by its benefit (最低生活保障) is spending on it.
    const spending = /元$/.test(unit) && !/支出|资金|金$/.test(label) && parents.some((parent) => /支出/.test(parent.label));
    parents.push({ depth, label });
    if (!TABLE_UNIT.test(unit)) continue;
    for (const { at, year } of valueColumns) {
      const value = cellOf(rowLines[at]!);
      if (!TABLE_VALUE.test(value)) continue;
      cells.push({
        label: spending ? `${label}支出` : label,
        quantity: quantityInLine(rowLines[at]!, value, unit),
        ...(year !== undefined ? { year } : {}),
        ...(parentLabel ? { parentLabel } : {}),
        segmentStart: rowLines[0]!.start,
        segmentEnd: rowLines[at]!.start + rowLines[at]!.text.length,
      });
    }
  }
  return tableOf(lines, headerAt, row, cells);
}

const JOINED_HEADER = /^\s*(指标名称|指标|项目)\s*(计量)?单位\s*(数量|本期数|数值|本月数)\s*$/;
/** A group of rows under a line with no value: 城市最低生活保障 / 农村最低生活保障. */
const GROUP_QUALIFIER = /^(城市|农村|城镇)/;

/** The label and unit run together (养老机构床位万张): the longest ending that is a unit, the rest a label. */
function splitLabelUnit(text: string): { label: string; unit: string } | undefined {
  for (let length = Math.min(8, text.length - 2); length >= 1; length--) {
    const unit = text.slice(-length);
    const label = text.slice(0, -length).replace(LIST_MARK, '');
    if (TABLE_UNIT.test(unit) && LABEL.test(label)) return { label, unit };
  }
  return undefined;
}

/** One row per line, label, unit and value run together, under 指标名称单位数量. */
function readJoined(lines: readonly Line[], headerAt: number): YearColumnTable | undefined {
  const cells: YearColumnCell[] = [];
  let group: string | undefined;
  let row = headerAt + 1;
  for (; row < lines.length && cells.length < MAX_ROWS; row++) {
    const text = lines[row]!.text.trim();
    if (!text) continue;
    const match = trailingNumber(text);
    if (!match) {
      // A line with no value: a section (四、社会救助) ends a group; a group's name (城市最低生活保障) starts one.
      if (!LABEL.test(text.replace(LIST_MARK, '')) || text.length > 30) break;
      group = GROUP_QUALIFIER.exec(text)?.[1];
      continue;
    }
    const split = splitLabelUnit(match.before);
    if (!split) {
      if (!LABEL.test(match.before.replace(LIST_MARK, '')) && match.before) break;
      continue;
    }
    // A row that names its own 城市/农村 ends the group above it.
    if (GROUP_QUALIFIER.test(split.label)) group = undefined;
    const label = group && !/城市|农村|城镇|城乡/.test(split.label) ? `${group}${split.label}` : split.label;
    cells.push({ label, quantity: quantityInLine(lines[row]!, match.number, split.unit), segmentStart: lines[row]!.start, segmentEnd: lines[row]!.start + lines[row]!.text.length });
  }
  return tableOf(lines, headerAt, row, cells);
}

/** Every one-cell-per-line or run-together table of a text, with its cells (undated: the report's year applies). */
export function readCellTables(text: string): YearColumnTable[] {
  if (!/(指标名称|指标|项目|类别)\s*([|｜]|(计量)?单位|\n)/.test(text)) return [];
  const lines = linesOf(text);
  const tables: YearColumnTable[] = [];
  for (let i = 0; i < lines.length; i++) {
    const table = JOINED_HEADER.test(lines[i]!.text) ? readJoined(lines, i) : readCellPerLine(lines, i);
    if (!table) continue;
    tables.push(table);
    while (i + 1 < lines.length && lines[i + 1]!.start < table.end) i++;
  }
  return tables;
}
