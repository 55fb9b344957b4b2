import { MinzhengError } from '../errors.js';
import { groupByKeys } from '../group-by.js';
import type { ReportMeta } from '../corpus/types.js';
import type { Gazetteer } from './gazetteer.js';
import { isProvinceLevel } from './levels.js';
import { placeKey, resolvePlace } from './resolve.js';
import { shortName } from './short-name.js';
import type { PlaceLevel, PlaceUnit } from './types.js';

/** A place some report is about, as the tools name it. */
export interface CorpusPlace {
  name: string;
  short: string;
  id: string;
  /** GB/T 2260 code; empty when the report's header names a place the gazetteer does not hold. */
  code: string;
  province: string;
  level: PlaceLevel;
}

const LEVELS = new Set<string>(['province', 'city', 'county', 'district']);
const MAX_LISTED = 20;

/**
 * The places the corpus reports on, and the gazetteer behind every place argument. Names of the
 * corpus's own places resolve without the gazetteer (query words are checked on every search);
 * anything else is looked up in it, loaded on first use.
 */
export class PlaceRegistry {
  readonly places: readonly CorpusPlace[];
  private readonly byKey: Map<string, CorpusPlace[]>;
  private loaded: Gazetteer | undefined;

  constructor(
    metas: readonly ReportMeta[],
    private readonly loadGazetteer: () => Gazetteer,
  ) {
    // Keyed by code: 鼓楼区 of 南京 and of 福州 are two places.
    const places = new Map<string, CorpusPlace>();
    for (const meta of metas) {
      const key = meta.place_code || meta.place;
      if (places.has(key)) continue;
      const level = (LEVELS.has(meta.level) ? meta.level : 'city') as PlaceLevel;
      places.set(key, { name: meta.place, short: shortName(meta.place, level), id: meta.place_id, code: meta.place_code ?? '', province: meta.province, level });
    }
    this.places = [...places.values()];
    this.byKey = groupByKeys(this.places, (place) => [place.name, place.short, place.id, place.code].filter(Boolean).map(placeKey));
  }

  get gazetteer(): Gazetteer {
    this.loaded ??= this.loadGazetteer();
    return this.loaded;
  }

  /** The corpus place a word names (许昌 → 许昌市), without touching the gazetteer; none when it names several. */
  find(input: string): CorpusPlace | undefined {
    const found = this.byKey.get(placeKey(input));
    return found?.length === 1 ? found[0] : undefined;
  }

  /** Any place in China, by full or short name, pinyin or code; the corpus's places win ties. */
  resolve(input: string): PlaceUnit {
    const own = this.find(input);
    if (own) return this.gazetteer.byCodeOf(own.code) ?? { code: own.code, name: own.name, short: own.short, id: own.id, level: own.level, parent: '', province: '' };
    const codes = new Set(this.places.map((place) => place.code));
    return resolvePlace(this.gazetteer, input, { preferred: (unit) => codes.has(unit.code) });
  }

  /** Full names of the corpus places that are `unit` or lie inside it (浙江 → every 浙江 city with a report). */
  placesWithin(unit: PlaceUnit): string[] {
    return this.places
      .filter((place) => {
        if (place.code ? place.code === unit.code : place.name === unit.name) return true;
        const inner = place.code ? this.gazetteer.byCodeOf(place.code) : undefined;
        return inner !== undefined && inner.code !== unit.code && this.gazetteer.isWithin(inner, unit);
      })
      .map((place) => place.name);
  }

  /** Corpus place names for a filter argument; a real place without reports is refused, naming the places that have some. */
  expand(inputs: readonly string[]): string[] {
    const names = new Set<string>();
    for (const input of inputs) {
      const unit = this.resolve(input);
      const within = this.placesWithin(unit);
      if (within.length === 0) {
        throw new MinzhengError('NO_REPORTS_FOR_PLACE', `没有关于${unit.name}的报告 (no report covers ${unit.name}). Places with reports: ${this.describe()}.`);
      }
      for (const name of within) names.add(name);
    }
    return [...names];
  }

  /** Corpus places filtered by province and level, for list and comparison tools. */
  filter(options: { province?: string; level?: PlaceLevel }): CorpusPlace[] {
    const province = options.province === undefined ? undefined : this.resolve(options.province);
    if (province && province.level !== 'province' && !isProvinceLevel(province.code)) {
      throw new MinzhengError('BAD_ARGUMENT', `"${options.province}" 不是省级单位 (is not a province): it is ${this.gazetteer.describe(province)}.`);
    }
    return this.places.filter((place) => (!province || place.province === province.name) && (!options.level || place.level === options.level));
  }

  /**
   * The places a comparison covers: the ones named (a real place without reports is kept, to be
   * listed as missing), or every corpus place, narrowed by province and level.
   */
  targets(inputs: readonly string[] | undefined, filter: { province?: string; level?: PlaceLevel } = {}): string[] {
    const chosen = new Set(this.filter(filter).map((place) => place.name));
    if (!inputs) return [...chosen];
    // 河南: a province (or city) with no report of its own stands for the places inside it that have one.
    const named = [
      ...new Set(
        inputs.flatMap((input) => {
          const unit = this.resolve(input);
          const inside = this.placesWithin(unit);
          return inside.length > 0 && !inside.includes(unit.name) ? inside : [unit.name];
        }),
      ),
    ];
    return filter.province || filter.level ? named.filter((name) => chosen.has(name)) : named;
  }

  /** The level of a place by full name, for notes on comparisons across levels. */
  levelOf(name: string): PlaceLevel | undefined {
    return this.infoOf(name)?.level;
  }

  /** Code, level and province of a place by full name (a corpus place, or a gazetteer unit the name alone picks), as results carry them. */
  infoOf(name: string): { place_code: string; level: PlaceLevel; province: string } | undefined {
    const own = this.places.find((place) => place.name === name);
    if (own) return { place_code: own.code, level: own.level, province: own.province };
    const units = this.gazetteer.named(name).filter((unit) => unit.name === name);
    const unit = units.length === 1 ? units[0]! : undefined;
    return unit && { place_code: unit.code, level: unit.level, province: this.gazetteer.provinceOf(unit).name };
  }

  describe(): string {
    const listed = this.places.slice(0, MAX_LISTED).map((place) => `${place.name}(${place.short}${place.id ? `, ${place.id}` : ''})`);
    const more = this.places.length > MAX_LISTED ? `; …and ${this.places.length - MAX_LISTED} more (use list_reports)` : '';
    return `${listed.join('; ')}${more}`;
  }
}
