import type { Gazetteer } from './gazetteer.js';
import type { PlaceUnit } from './types.js';

type Form = 'full' | 'short' | 'county_short';

/** A name's last character starting another word: 合作市场 is a market, not 合作市; 园区域 not 园区. */
const NOT_A_NAME_AFTER = /^(市场|区域)$/;

export interface PlaceMention {
  start: number;
  end: number;
  /** Every unit the written name can mean (朝阳区: two). */
  units: readonly PlaceUnit[];
  /** `full` for 许昌市, `short` for 许昌 (a province or city), `county_short` for 如皋 (a county's: often an ordinary word). */
  form: Form;
}

/**
 * Finds the units a text names, longest name first at each position: full names of every unit,
 * short names of provinces and prefecture-level cities, and (marked `county_short`, for callers
 * to weigh) those of counties and districts, which are often ordinary words (新华社, 城关, 大方).
 * A full name of one character plus suffix (城区, 和县) counts only right after the name of the
 * unit it belongs to (阳泉市城区).
 */
export class MentionFinder {
  private readonly names = new Map<string, { units: PlaceUnit[]; form: Form }>();
  private static readonly RANK: Record<Form, number> = { full: 0, short: 1, county_short: 2 };
  /** Name lengths by first character, longest first: most characters start no name at all. */
  private readonly lengthsByFirst = new Map<string, number[]>();

  constructor(private readonly gazetteer: Gazetteer) {
    for (const unit of gazetteer.units) {
      this.add(unit.name, unit, 'full');
      if (unit.short === unit.name) continue;
      this.add(unit.short, unit, unit.level === 'province' || unit.level === 'city' ? 'short' : 'county_short');
    }
    for (const name of this.names.keys()) {
      const lengths = this.lengthsByFirst.get(name[0]!) ?? [];
      if (!lengths.includes(name.length)) lengths.push(name.length);
      this.lengthsByFirst.set(name[0]!, lengths);
    }
    for (const lengths of this.lengthsByFirst.values()) lengths.sort((a, b) => b - a);
  }

  /** A name several units share keeps only its strongest form: 吉林 the province's and city's short name, not a county's. */
  private add(name: string, unit: PlaceUnit, form: Form): void {
    const entry = this.names.get(name);
    const rank = MentionFinder.RANK;
    if (!entry || rank[form] < rank[entry.form]) this.names.set(name, { units: [unit], form });
    else if (entry.form === form) entry.units.push(unit);
  }

  find(text: string): PlaceMention[] {
    const mentions: PlaceMention[] = [];
    for (let i = 0; i < text.length; ) {
      const found = this.longestAt(text, i);
      if (!found) {
        i++;
        continue;
      }
      const { length, entry } = found;
      if (NOT_A_NAME_AFTER.test(text.slice(i + length - 1, i + length + 1))) {
        i++;
        continue;
      }
      const previous = mentions[mentions.length - 1];
      const units = length === 2 && entry.form === 'full' ? this.afterParent(entry.units, previous, i) : entry.units;
      if (units.length > 0) mentions.push({ start: i, end: i + length, units, form: entry.form });
      i += length;
    }
    return mentions;
  }

  private longestAt(text: string, at: number) {
    for (const length of this.lengthsByFirst.get(text[at] ?? '') ?? []) {
      const entry = this.names.get(text.slice(at, at + length));
      if (entry) return { length, entry };
    }
    return undefined;
  }

  private afterParent(units: readonly PlaceUnit[], previous: PlaceMention | undefined, at: number): PlaceUnit[] {
    if (!previous || previous.end !== at) return [];
    return units.filter((unit) => previous.units.some((parent) => this.gazetteer.isWithin(unit, parent)));
  }
}
