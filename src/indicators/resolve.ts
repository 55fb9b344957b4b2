import { MinzhengError } from '../errors.js';
import { CATALOGUE } from './catalogue.js';
import { FAMILIES, familyNamed, membersOf, type IndicatorFamily } from './families.js';
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

/** What an indicator argument asks for: one indicator, or a family's members (低保标准 → 城乡统一, 城市, 农村). */
export interface IndicatorRequest {
  family?: IndicatorFamily;
  members: IndicatorDef[];
}

const FAMILY_NAMES = FAMILIES.flatMap((family) => [family.name, ...family.aliases].map((name) => ({ key: normalizeName(name), family })));

/** An indicator or a family: exact names first (a member's own name wins over its family's), then the longest name inside the input. */
export function resolveIndicators(input: string): IndicatorRequest {
  const key = normalizeName(input);
  const exactIndicator = NAMES.find((name) => name.key === key);
  if (exactIndicator) return { members: [exactIndicator.indicator] };
  const exactFamily = familyNamed(input);
  if (exactFamily) return { family: exactFamily, members: membersOf(exactFamily) };
  const indicator = NAMES.filter((name) => name.key.length >= 2 && key.includes(name.key)).sort((a, b) => b.key.length - a.key.length)[0];
  const family = FAMILY_NAMES.filter((name) => name.key.length >= 2 && key.includes(name.key)).sort((a, b) => b.key.length - a.key.length)[0];
  if (family && (!indicator || family.key.length > indicator.key.length)) return { family: family.family, members: membersOf(family.family) };
  return { members: [resolveIndicator(input)] };
}
