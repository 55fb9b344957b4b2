import type { Quantity } from './quantities.js';
import type { IndicatorDef } from './types.js';

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * The figure in the indicator's unit: standards per person per month (a yearly standard ÷ 12),
 * 万/亿 multiplied out, counts and rates as they are. Unsafe cases give null and say why.
 */
export function normalize(indicator: IndicatorDef, quantity: Quantity, period: 'month' | 'year' | undefined): { value: number | null; note?: string } {
  const value = quantity.value * quantity.magnitude;
  if (indicator.kind !== 'standard') return { value: round(value) };
  const written = quantity.unit;
  const effective = /月/.test(written) ? 'month' : /年/.test(written) ? 'year' : period;
  if (effective === 'month') return { value: round(value) };
  if (effective === 'year') return { value: round(value / 12), note: `按年标准 ${quantity.value}${written} ÷ 12 折算为月标准` };
  return { value: null, note: '原文未注明按月还是按年,无法折算为元/人/月' };
}
