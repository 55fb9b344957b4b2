import { MinzhengError } from '../errors.js';
import { CATALOGUE } from './catalogue.js';
import type { IndicatorDef } from './types.js';

function normalizeName(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s()（）]/g, '');
}

const NAMES = CATALOGUE.flatMap((indicator) =>
  [indicator.id, indicator.name, ...indicator.aliases].map((name) => ({ key: normalizeName(name), indicator })),
);

/**
 * An indicator by id, Chinese name or alias ("dibao_urban", "城市低保标准", "城市最低生活保障标准");
 * failing an exact match, the longest name inside the input ("各地城市低保标准是多少" → 城市低保标准).
 */
export function resolveIndicator(input: string): IndicatorDef {
  const key = normalizeName(input);
  const exact = NAMES.find((name) => name.key === key);
  if (exact) return exact.indicator;
  const contained = NAMES.filter((name) => name.key.length >= 2 && key.includes(name.key)).sort((a, b) => b.key.length - a.key.length)[0];
  if (contained) return contained.indicator;
  const known = CATALOGUE.map((indicator) => `${indicator.name} (${indicator.id})`).join('、');
  throw new MinzhengError('UNKNOWN_INDICATOR', `Unknown indicator "${input}". Known indicators: ${known}. Call list_indicators for their aliases.`);
}
