import type { ChangeFigure } from '../indicators/changes.js';
import type { ReportLibrary } from '../library.js';
import { seriesOf } from '../timeline/timeline.js';
import type { Claim } from './claims.js';
import { consistent, distance } from './closeness.js';
import type { Check, ReportedValue } from './verdict.js';

/**
 * A claimed change (提高了50元, 增长164%) against the changes the reports state for the same place
 * and indicator, in the same measure (an amount against an amount, per cent against per cent);
 * failing those, against the change computed from two cited levels when the claim names both years.
 */
function reportedChange(change: ChangeFigure): ReportedValue {
  return { value: change.delta, unit: change.unit, written: change.written, year: change.period_to, source: 'change', citation: change.citation };
}

function sameMeasure(claim: Claim, change: ChangeFigure): boolean {
  return claim.measure === change.measure && (claim.measure !== 'amount' || change.unit.replace(/^[万亿]/, '') === claimUnit(claim));
}

function claimUnit(claim: Claim): string {
  return claim.written.replace(/^[约近逾超过]+/, '').replace(/^[\d.]+[万亿]?/, '').replace(/^[余多]/, '');
}

function agrees(claim: Claim, change: ChangeFigure): boolean {
  const magnitude = (written: string) => (/亿/.test(written) ? 1e8 : /万/.test(written) ? 1e4 : 1);
  return consistent({ value: claim.raw_value * magnitude(claim.written), qualifier: claim.qualifier }, { value: change.delta * magnitude(change.written), qualifier: change.qualifier });
}

function inPeriod(claim: Claim, change: ChangeFigure): boolean {
  if (claim.year !== null && change.period_to !== null && claim.year !== change.period_to) return false;
  return !(claim.period_from != null && change.period_from !== null && claim.period_from !== change.period_from);
}

export function checkChange(library: ReportLibrary, claim: Claim, place: string, reportPlaces: Set<string>): Check {
  const name = `${place}${claim.indicator.name}`;
  const changes = library.changes
    .changesOf(new Set([claim.indicator.id]), reportPlaces)
    .filter((change) => change.place === place && sameMeasure(claim, change) && inPeriod(claim, change));
  const matching = changes.filter((change) => agrees(claim, change));
  if (matching.length > 0) {
    return { claim, verdict: 'supported', reason: `报告写明${name}${matching.map((c) => `「${c.written}」`).join('、')}`, reported: matching.map(reportedChange) };
  }
  if (changes.length > 0) {
    const closeness = distance(claim.raw_value, changes[0]!.delta);
    return { claim, verdict: 'contradicted', reason: `报告写明${name}的变化为${changes.map((c) => `「${c.written}」`).join('、')},不是${claim.written}`, reported: changes.map(reportedChange), closeness };
  }
  return computedChange(library, claim, place, reportPlaces) ?? { claim, verdict: 'not_found', reason: `报告没有写明${name}的这一变化`, reported: [] };
}

/** 2012年到2022年提高了410元: the difference of two cited levels, when the claim names the start (the end: its year, else the newest) and the series holds one value for each. */
function computedChange(library: ReportLibrary, claim: Claim, place: string, reportPlaces: Set<string>): Check | undefined {
  if (claim.period_from == null || (claim.measure !== 'amount' && claim.measure !== 'percent')) return undefined;
  const points = seriesOf(library, [claim.indicator.id], reportPlaces)
    .filter((series) => series.place === place)
    .flatMap((series) => series.points);
  // 比2012年提高了410元 names no end: it runs to the newest value the reports give.
  const toYear = claim.year ?? Math.max(...points.map((point) => point.year));
  const from = points.filter((point) => point.year === claim.period_from);
  const to = points.filter((point) => point.year === toYear);
  if (from.length !== 1 || to.length !== 1) return undefined;
  const [a, b] = [from[0]!, to[0]!];
  const delta = claim.measure === 'percent' ? Math.round(((b.value - a.value) / a.value) * 1000) / 10 : Math.round((b.value - a.value) * 100) / 100;
  // 年人均提高300元 of a monthly standard: a yearly amount is compared per month.
  const yearly = claim.measure === 'amount' && claim.indicator.kind === 'standard' && /每人每年|年人均|每年|\/年/.test(claim.sentence) && !/每人每月|月人均|每月|\/月/.test(claim.sentence);
  const claimed = yearly ? claim.raw_value / 12 : claim.raw_value;
  const unit = claim.measure === 'percent' ? '%' : claim.indicator.unit;
  const reported: ReportedValue[] = [
    { value: a.value, unit: claim.indicator.unit, written: a.written, year: a.year, source: a.source, citation: a.citation },
    { value: b.value, unit: claim.indicator.unit, written: b.written, year: b.year, source: b.source, citation: b.citation },
    { value: delta, unit, written: `${a.value} → ${b.value}: ${delta > 0 ? '+' : ''}${delta}${unit}`, year: b.year, source: 'computed', citation: b.citation },
  ];
  const ok = consistent({ value: claimed, qualifier: claim.qualifier }, { value: delta, qualifier: 'exact' });
  const arithmetic = `${a.year}年${a.written} → ${b.year}年${b.written}(${a.value} → ${b.value} ${claim.indicator.unit}),变化 ${delta > 0 ? '+' : ''}${delta}${unit}`;
  return ok
    ? { claim, verdict: 'supported', reason: `由报告的两个数值计算:${arithmetic}`, reported }
    : { claim, verdict: 'contradicted', reason: `由报告的两个数值计算:${arithmetic},不是${claim.written}`, reported, closeness: distance(claimed, delta) };
}
