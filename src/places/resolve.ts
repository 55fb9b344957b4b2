import { MinzhengError } from '../errors.js';
import type { Gazetteer } from './gazetteer.js';
import type { PlaceLevel, PlaceUnit } from './types.js';

const LEVEL_RANK: Record<PlaceLevel, number> = { province: 0, city: 1, county: 2, district: 2 };
const MAX_LISTED = 20;

export interface ResolveOptions {
  /** Units a bare name should mean when it can mean several (the places that have reports). */
  preferred?: (unit: PlaceUnit) => boolean;
  /** A province or city the name lies in (a report's), to tell same-named units apart. */
  within?: PlaceUnit;
}

/** A place as a person or a model writes it: whitespace dropped, full-width letters folded, Latin in lower case. */
export function placeKey(input: string): string {
  return input.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

/**
 * One gazetteer unit for a place argument: full name (许昌市), short name (许昌), pinyin (xuchang),
 * GB/T 2260 code (411000), or a name under its parent (北京市朝阳区, 长春朝阳区). A name several units
 * share is settled by `within`, then by `preferred`, then by the highest level when only one unit
 * holds it (吉林 → 吉林省); otherwise it is refused with the candidates listed.
 */
export function resolvePlace(gazetteer: Gazetteer, input: string, options: ResolveOptions = {}): PlaceUnit {
  const key = placeKey(input);
  if (key === '') throw new MinzhengError('UNKNOWN_PLACE', '地名为空 (empty place name). Give e.g. "许昌", "许昌市", "xuchang" or "411000".');
  const candidates = candidatesFor(gazetteer, key);
  if (candidates.length === 0) {
    throw new MinzhengError(
      'UNKNOWN_PLACE',
      `"${input}" 不是行政区划名称 (not a Chinese administrative division in GB/T 2260). Accepted: full name "许昌市", short name "许昌", pinyin "xuchang", code "411000", or parent + name "北京市朝阳区".`,
    );
  }
  const chosen = choose(gazetteer, candidates, key, options);
  if (chosen) return chosen;
  const listed = candidates.slice(0, MAX_LISTED).map((unit) => gazetteer.describe(unit));
  const more = candidates.length > MAX_LISTED ? `; …and ${candidates.length - MAX_LISTED} more` : '';
  throw new MinzhengError(
    'AMBIGUOUS_PLACE',
    `"${input}" 有多个同名地方 (names ${candidates.length} places): ${listed.join('; ')}${more}. 请加上所属省市或用代码 (add the province or city, e.g. "${gazetteer.parentOf(candidates[0]!)?.name ?? ''}${candidates[0]!.name}", or give the code).`,
  );
}

function candidatesFor(gazetteer: Gazetteer, key: string): readonly PlaceUnit[] {
  if (/^\d{6}$/.test(key)) {
    const unit = gazetteer.byCodeOf(key);
    return unit ? [unit] : [];
  }
  const direct = gazetteer.named(key);
  if (direct.length > 0) return direct;
  for (let split = 2; split <= key.length - 2; split++) {
    const parents = gazetteer.named(key.slice(0, split));
    if (parents.length === 0) continue;
    const children = gazetteer.named(key.slice(split)).filter((unit) => parents.some((parent) => unit.code !== parent.code && gazetteer.isWithin(unit, parent)));
    if (children.length > 0) return children;
  }
  return [];
}

function choose(gazetteer: Gazetteer, candidates: readonly PlaceUnit[], key: string, options: ResolveOptions): PlaceUnit | undefined {
  if (candidates.length === 1) return candidates[0];
  const narrowings = [
    (units: readonly PlaceUnit[]) => (options.within ? units.filter((unit) => gazetteer.isWithin(unit, options.within!)) : units),
    (units: readonly PlaceUnit[]) => units.filter((unit) => unit.name === key),
    (units: readonly PlaceUnit[]) => (options.preferred ? units.filter(options.preferred) : units),
  ];
  let remaining = candidates;
  for (const narrow of narrowings) {
    const narrowed = narrow(remaining);
    if (narrowed.length === 1) return narrowed[0];
    if (narrowed.length > 1) remaining = narrowed;
  }
  if (remaining.some((unit) => unit.name === key)) return undefined;
  const top = Math.min(...remaining.map((unit) => LEVEL_RANK[unit.level]));
  const highest = remaining.filter((unit) => LEVEL_RANK[unit.level] === top);
  return highest.length === 1 ? highest[0] : undefined;
}

