import { MinzhengError } from '../errors.js';
import type { ReportMeta } from './types.js';

export interface Place {
  /** Full Chinese name: 许昌市. */
  name: string;
  /** Short name without the administrative suffix: 许昌. */
  short: string;
  id: string;
  province: string;
}

const ADMIN_SUFFIX = /(特别行政区|自治州|自治县|地区|市辖区|市|县|区|州|盟|旗)$/;

export function shortPlaceName(full: string): string {
  const short = full.replace(ADMIN_SUFFIX, '');
  return short.length >= 2 ? short : full;
}

/** Every place the corpus reports on, resolvable by full name, short name or id. */
export class PlaceRegistry {
  private readonly byKey = new Map<string, Place>();
  readonly places: readonly Place[];

  constructor(metas: readonly ReportMeta[]) {
    const places = new Map<string, Place>();
    for (const meta of metas) {
      if (places.has(meta.place)) continue;
      places.set(meta.place, {
        name: meta.place,
        short: shortPlaceName(meta.place),
        id: meta.place_id,
        province: meta.province,
      });
    }
    this.places = [...places.values()];
    for (const place of this.places) {
      for (const key of [place.name, place.short, place.id]) this.byKey.set(normalizeKey(key), place);
    }
  }

  find(input: string): Place | undefined {
    return this.byKey.get(normalizeKey(input));
  }

  /** Resolves a place argument or throws an error listing the known places. */
  resolve(input: string): Place {
    const place = this.find(input);
    if (!place) {
      throw new MinzhengError('UNKNOWN_PLACE', `Unknown place "${input}". Known places: ${this.describe()}.`);
    }
    return place;
  }

  describe(): string {
    return this.places.map((place) => `${place.name} (${place.short}, ${place.id})`).join('; ');
  }
}

function normalizeKey(key: string): string {
  return key.trim().toLowerCase();
}
