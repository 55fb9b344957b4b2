import type { Qualifier } from '../indicators/types.js';

/**
 * How close two figures are once their hedges are read: 约 is a few per cent either way, 近 just
 * under, 余/多 up to the next step of the last digit written (130余万 → 130–140万), 逾/超过 a little
 * over. 不低于 in a report states the standard itself. Exact figures agree within rounding (0.5%:
 * a yearly standard ÷ 12, 1.4万 for 14 050).
 */
export interface Interval {
  low: number;
  high: number;
}

const ROUNDING = 0.005;

/** The place value of the last non-zero digit: 130 → 10, 1.22e8 → 1e6, 19.78 → 0.01. */
export function lastDigitStep(value: number): number {
  if (value === 0) return 1;
  let step = 10 ** Math.floor(Math.log10(Math.abs(value)));
  for (let i = 0; i < 12; i++) {
    const rest = Math.abs(value) / step;
    if (Math.abs(rest - Math.round(rest)) < 1e-6) return step;
    step /= 10;
  }
  return step;
}

export function intervalOf(value: number, qualifier: Qualifier): Interval {
  switch (qualifier) {
    case 'approx':
      return { low: value * 0.95, high: value * 1.05 };
    case 'nearly':
      return { low: value * 0.9, high: value };
    case 'about_or_more':
      return { low: value, high: value + lastDigitStep(value) };
    case 'more_than':
      return { low: value, high: value * 1.1 };
    default:
      return { low: value, high: value };
  }
}

/** Whether two hedged figures can be the same number. */
export function consistent(a: { value: number; qualifier: Qualifier }, b: { value: number; qualifier: Qualifier }): boolean {
  const x = intervalOf(a.value, a.qualifier);
  const y = intervalOf(b.value, b.qualifier);
  const slack = ROUNDING * Math.max(Math.abs(a.value), Math.abs(b.value));
  return x.low <= y.high + slack && y.low <= x.high + slack;
}

/** The claimed value's distance from the reported one: absolute and relative (per cent of the reported value). */
export function distance(claimed: number, reported: number): { difference: number; relative_difference: number | null } {
  const difference = Math.round((claimed - reported) * 100) / 100;
  return { difference, relative_difference: reported === 0 ? null : Math.round(((claimed - reported) / reported) * 1000) / 10 };
}
