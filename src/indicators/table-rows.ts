import type { Passage } from '../corpus/types.js';
import { CATALOGUE } from './catalogue.js';
import type { Quantity } from './quantities.js';
import type { IndicatorDef } from './types.js';

/** A statistics table row as pages flatten it: "养老机构床位数 | 张 | 9,634" (label, unit, value). */
export interface TableRow {
  label: string;
  quantity: Quantity;
}

/** A value cell: digits, thousands separators, decimals. */
export const TABLE_VALUE = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$/;
/** A unit cell: a counter or money, with 万/亿 (万张, 亿元), a rate, or a standard's 元/人·月, 元/人·年. */
export const TABLE_UNIT = /^(?:[万亿]?(?:元|个|家|所|张|人次|人|名|户|对)|%|‰|元\/(?:人)?[·.．\/]?[月年])$/;
/** Row labels carry list marks: "#养老机构", "(一)提供住宿的…", "结婚登记*". */
export const LABEL_MARKS = /^[#＃*＊\s]+|^[(（][一二三四五六七八九十]+[)）]|^[一二三四五六七八九十]+、|[*＊\s]+$/g;

/** A table cell's number at `at` as a quantity, in the unit its row or column states (万 and 亿 multiply). */
export function cellQuantity(at: number, written: string, unit: string): Quantity {
  return {
    start: at,
    end: at + written.length,
    numberStart: at,
    value: Number(written.replace(/,/g, '')),
    magnitude: unit.startsWith('万') ? 1e4 : unit.startsWith('亿') ? 1e8 : 1,
    unit,
    baseUnit: unit.replace(/^[万亿]/, ''),
    qualifier: 'exact',
  };
}

/** Reads one pipe-separated row: a label, a unit cell and a number cell; anything else is not a row. */
export function readTableRow(passage: Passage): TableRow | undefined {
  if (!passage.text.includes('|')) return undefined;
  const cells: { text: string; start: number }[] = [];
  let at = 0;
  for (const raw of passage.text.split('|')) {
    const trimmed = raw.trim();
    if (trimmed) cells.push({ text: trimmed, start: at + raw.indexOf(trimmed) });
    at += raw.length + 1;
  }
  if (cells.length !== 3) return undefined;
  const [label, unit, value] = cells as [typeof cells[0], typeof cells[0], typeof cells[0]];
  if (!TABLE_UNIT.test(unit.text) || !TABLE_VALUE.test(value.text)) return undefined;
  return { label: label.text.replace(LABEL_MARKS, ''), quantity: cellQuantity(value.start, value.text, unit.text) };
}

/** The indicator a row label names: the whole label must be about it (the longest subject match wins). */
export function indicatorOfLabel(label: string, accepts: (indicator: IndicatorDef) => boolean): IndicatorDef | undefined {
  const candidates = CATALOGUE.filter(
    (indicator) =>
      accepts(indicator) &&
      indicator.subject.test(label) &&
      !(indicator.exclude?.test(label) ?? false) &&
      !(indicator.clauseExclude?.test(label) ?? false) &&
      (indicator.context?.test(label) ?? true),
  );
  return candidates.sort((a, b) => (b.subject.exec(label)?.[0].length ?? 0) - (a.subject.exec(label)?.[0].length ?? 0))[0];
}
