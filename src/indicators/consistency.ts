import { groupBy } from '../group-by.js';
import { demote } from './figure.js';
import type { Figure } from './types.js';

/**
 * Stage 5 of extraction, over a whole report: a place has one value of an indicator in a year. When
 * one report gives the same place, indicator and year several confident values, either the report
 * says which one holds (a value it says was raised to another is superseded: 由2900元提高到2960元)
 * or the values are tiers, groups or areas that the sentences do not name clearly enough (一类地区…,
 * 县(市)…) and none of them is the place's level: all are then demoted, never one picked. A year
 * carried from the text around a sentence is weaker than one its own sentence writes: when the
 * figures whose sentences write the year agree, a figure that differs from them only by a carried
 * year is the one demoted (its year is the doubtful part), not they.
 */

/**
 * Two statements of one figure: equal, or one hedged (约, 余, 近) and within 5% of the other, or
 * one "N多/N余" and the other between N and N plus a unit of its last written digit (三万多张 and
 * 32000张; 1.2万余 and 12400).
 */
function sameFigure(a: Figure, b: Figure): boolean {
  const [x, y] = [a.normalized_value, b.normalized_value];
  if (x === null || y === null) return x === y;
  const tolerance = a.qualifier === 'exact' && b.qualifier === 'exact' ? 0.01 : 0.05;
  return Math.abs(x - y) <= tolerance * Math.max(Math.abs(x), Math.abs(y), 1e-9) || withinMore(a, y) || withinMore(b, x);
}

/** Whether `value` is one that "N多" (a figure qualified about_or_more) may stand for. */
function withinMore(figure: Figure, value: number): boolean {
  const n = figure.normalized_value;
  if (figure.qualifier !== 'about_or_more' || n === null || n <= 0) return false;
  let unit = 1;
  while (Number.isInteger(n / (unit * 10)) && unit * 10 <= n) unit *= 10;
  return value >= n && value < n + unit;
}

/** Whether the report says `figure`'s value was raised or changed to another one of the group. */
function supersededWithin(figure: Figure, group: readonly Figure[]): boolean {
  return group.some((other) => other !== figure && other.previous !== undefined && other.previous.value === figure.value && !sameFigure(other, figure));
}

export function markConflicts(figures: readonly Figure[]): void {
  const confident = figures.filter((figure) => figure.confidence === 'high');
  for (const group of groupBy(confident, (figure) => `${figure.indicator}|${figure.place}|${figure.as_of}`).values()) {
    if (group.length < 2 || group.every((figure) => sameFigure(figure, group[0]!))) continue;
    for (const figure of group) {
      if (supersededWithin(figure, group)) demote(figure, '本报告说明此值已被调整为另一数值');
    }
    const remaining = group.filter((figure) => figure.confidence === 'high');
    if (remaining.every((figure) => sameFigure(figure, remaining[0]!))) continue;
    const written = remaining.filter((figure) => figure.as_of_source === 'text');
    const carried = remaining.filter((figure) => figure.as_of_source === 'context');
    if (written.length > 0 && written.length + carried.length === remaining.length && written.every((figure) => sameFigure(figure, written[0]!))) {
      for (const figure of carried) if (!sameFigure(figure, written[0]!)) demote(figure, `年份取自上文,而本报告写明该年份的数值为${written[0]!.written}`);
      continue;
    }
    for (const figure of remaining) demote(figure, '本报告同一地方同一年份有不同数值(可能为分档、分区或分组)');
  }
}
