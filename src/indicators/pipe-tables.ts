import { LABEL_MARKS, TABLE_UNIT, TABLE_VALUE, cellQuantity } from './table-rows.js';
import { linesOf, tableOf, type Line, type YearColumnCell, type YearColumnTable } from './year-columns.js';

/**
 * Statistics forms flattened to pipe-separated lines under a header that names the columns
 * (民政统计季报表: 指标名称 | 单位 | 代码 | 数量 | 上季度 | 环比 | 上月). A row's value is the cell under
 * the column of this period (数量, 本期, 本年累计 …), never another column (上季度, 上年同期, 环比);
 * the form's month line above the header (2019年12月) dates every row. Rows with more or fewer cells
 * than their header are read by position all the same; a row whose cells are run together is not read.
 */

/** The column of the period the form reports: what its rows are. */
const CURRENT_COLUMN = /^(数量|本期|本期数|本期累计|本年|本年累计|本年数|累计|本月数?|本季度?|合计|数值)$/;
const LABEL_COLUMN = /^(指标名称|指标|项目|项目名称)$/;
const UNIT_COLUMN = /^(计量)?单位$/;
/** The form's reporting month (2019年12月, 2019年06月) in the lines just above its header. */
const FORM_MONTH = /((?:19|20)\d{2})年\s*\d{1,2}月/;
const MONTH_LOOKBACK = 5;
const MAX_ROWS = 400;
/** Rows under another (其中:(1)儿童福利, A 城市低保累计支出): parts of the row above them. */
const PART_MARK = /^\s*(其中[:：]?|[A-Z]\s|[IVX]+\s)/;
const NUMBERED = /^[(（]?\d{1,2}[)）.．、]\s*/;
/** The form's sections (2.社会救助 | 万元): the sum of several benefits' money, none of them. */
const SECTION = /^(社会救助|社会福利|社会事务|民政事业费|优抚安置|基层政权|其他)(累计)?(支出)?$/;

interface Cell {
  text: string;
  start: number;
}

/** The cells of a pipe line, empty ones kept so that positions match the header's. */
function cellsOf(line: Line): Cell[] {
  const cells: Cell[] = [];
  let at = 0;
  for (const raw of line.text.split(/[|｜]/)) {
    const trimmed = raw.trim();
    cells.push({ text: trimmed, start: line.start + at + (trimmed ? raw.indexOf(trimmed) : 0) });
    at += raw.length + 1;
  }
  return cells;
}

interface Columns {
  label: number;
  unit: number;
  value: number;
}

function columnsOf(header: Cell[]): Columns | undefined {
  const label = header.findIndex((cell) => LABEL_COLUMN.test(cell.text));
  const unit = header.findIndex((cell) => UNIT_COLUMN.test(cell.text));
  const value = header.findIndex((cell) => CURRENT_COLUMN.test(cell.text));
  return label >= 0 && unit > label && value > unit ? { label, unit, value } : undefined;
}

function formYear(lines: readonly Line[], header: number): number | undefined {
  for (let i = header - 1; i >= Math.max(0, header - MONTH_LOOKBACK); i--) {
    const match = FORM_MONTH.exec(lines[i]!.text);
    if (match) return Number(match[1]);
  }
  return undefined;
}

function readTable(lines: readonly Line[], header: number, columns: Columns): YearColumnTable | undefined {
  const year = formYear(lines, header);
  const cells: YearColumnCell[] = [];
  let parent: string | undefined;
  let end = header + 1;
  for (; end < lines.length && end - header <= MAX_ROWS && /[|｜]/.test(lines[end]!.text); end++) {
    const line = lines[end]!;
    const row = cellsOf(line);
    const rawLabel = row[columns.label]?.text ?? '';
    const isPart = PART_MARK.test(rawLabel);
    const label = rawLabel.replace(PART_MARK, '').replace(NUMBERED, '').replace(LABEL_MARKS, '').replace(NUMBERED, '');
    if (!isPart) parent = label;
    const unit = row[columns.unit]?.text ?? '';
    const value = row[columns.value];
    if (!label || SECTION.test(label) || !value || !TABLE_UNIT.test(unit) || !TABLE_VALUE.test(value.text)) continue;
    cells.push({
      // A money row named by its benefit (最低生活保障 | 万元) is the money spent on it.
      label: /元$/.test(unit) && !/(资金|金|支出|费|款)$/.test(label) ? `${label}资金` : label,
      ...(year !== undefined ? { year } : {}),
      quantity: cellQuantity(value.start, value.text, unit),
      ...(isPart && parent ? { parentLabel: parent } : {}),
      segmentStart: line.start,
      segmentEnd: line.start + line.text.length,
    });
  }
  return tableOf(lines, header, end, cells);
}

export function readPipeTables(text: string): YearColumnTable[] {
  if (!/(指标名称|指标|项目)\s*[|｜]/.test(text)) return [];
  const lines = linesOf(text);
  const tables: YearColumnTable[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/[|｜]/.test(lines[i]!.text)) continue;
    const columns = columnsOf(cellsOf(lines[i]!));
    if (!columns) continue;
    const table = readTable(lines, i, columns);
    if (!table) continue;
    tables.push(table);
    while (i + 1 < lines.length && lines[i + 1]!.start < table.end) i++;
  }
  return tables;
}
