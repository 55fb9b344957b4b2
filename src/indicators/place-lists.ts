import type { Passage } from '../corpus/types.js';
import { groupBy } from '../group-by.js';
import { valueOffset, type ReportContext } from './figure.js';
import type { Figure } from './types.js';

/** What may stand between two places of a list: 灵丘县、广灵县 / 灵丘县和广灵县. */
const LIST_SEPARATOR = /^\s*(、|，|,|和|及|与|以及)\s*$/;

/**
 * 「灵丘县、广灵县城市低保标准分别为每人每月680元、675元」: a list of N places inside the report's
 * place, 分别, and N values of one indicator pair in order, each value its place's. Without the
 * list (or with another count of places or values) the figures keep the one place they were given.
 */
export function assignPlacesRespectively(sentence: string, passage: Passage, figures: Figure[], context: ReportContext): void {
  if (!sentence.includes('分别')) return;
  const { gazetteer } = context.places;
  const own = context.report.meta.place_code ? gazetteer.byCodeOf(context.report.meta.place_code) : undefined;
  if (!own) return;
  const candidates = figures.filter((figure) => figure.role === 'level' && figure.sub_place);
  for (const group of groupBy(candidates, (figure) => `${figure.indicator}|${figure.place}|${figure.as_of}`).values()) {
    if (group.length < 2) continue;
    const ordered = [...group].sort((a, b) => valueOffset(a, passage.start) - valueOffset(b, passage.start));
    const firstValue = valueOffset(ordered[0]!, passage.start);
    const clauseStart = Math.max(0, ...['。', '；', ';'].map((stop) => sentence.lastIndexOf(stop, firstValue) + 1));
    const before = sentence.slice(clauseStart, firstValue);
    const respectively = before.lastIndexOf('分别');
    if (respectively < 0) continue;
    const mentions = context.places.mentions
      .find(before.slice(0, respectively))
      .filter((mention) => mention.form !== 'county_short' && mention.units.some((unit) => unit.code !== own.code && gazetteer.isWithin(unit, own)));
    if (mentions.length !== ordered.length) continue;
    const listed = mentions.every((mention, i) => i === 0 || LIST_SEPARATOR.test(before.slice(mentions[i - 1]!.end, mention.start)));
    if (!listed) continue;
    ordered.forEach((figure, i) => {
      const unit = mentions[i]!.units.find((u) => gazetteer.isWithin(u, own))!;
      figure.place = unit.name;
    });
  }
}
