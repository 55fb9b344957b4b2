/** Administrative level as the tools report it. The four municipalities are `city`. */
export type PlaceLevel = 'province' | 'city' | 'county' | 'district';

/** One unit of China's administrative divisions (GB/T 2260). */
export interface PlaceUnit {
  /** Six-digit GB/T 2260 code: 411000. */
  code: string;
  /** Full name: 许昌市, 广西壮族自治区. */
  name: string;
  /** Usual short name: 许昌, 广西; the full name when stripping would leave one character. */
  short: string;
  /** Pinyin of the short name: xuchang. Not unique (山西/陕西 aside, 朝阳 is three places). */
  id: string;
  level: PlaceLevel;
  /** Code of the unit this one belongs to; empty for a province-level unit. */
  parent: string;
  /** Code of the province-level unit it lies in (itself for a province). */
  province: string;
}

/** The compact table `npm run build` writes: [code, name, short name, pinyin id] per unit; parents follow from codes. */
export type GazetteerTable = { source: string; version: string; units: [string, string, string, string][] };
