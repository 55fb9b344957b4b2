import type { PlaceLevel } from './types.js';

/** The four province-level municipalities: reports and people treat them as cities. */
const MUNICIPALITY = /^(北京|天津|上海|重庆)市$/;

/** A province-level unit: a province, an autonomous region, a municipality (code PP0000). */
export function isProvinceLevel(code: string): boolean {
  return code.endsWith('0000');
}

/** Level of a unit from its GB/T 2260 code (PP0000 province, PPCC00 prefecture, else county) and name. */
export function levelOf(code: string, name: string): PlaceLevel {
  if (isProvinceLevel(code)) return MUNICIPALITY.test(name) ? 'city' : 'province';
  if (code.endsWith('00')) return 'city';
  return /区$/.test(name) && !/林区$/.test(name) ? 'district' : 'county';
}

export function provinceCodeOf(code: string): string {
  return `${code.slice(0, 2)}0000`;
}

/** The code of the prefecture a county-level code would belong to (it may not exist: 北京's districts). */
export function prefectureCodeOf(code: string): string {
  return `${code.slice(0, 4)}00`;
}

export const LEVEL_NAMES: Record<PlaceLevel, string> = { province: '省级', city: '地级市', county: '县(县级市)', district: '市辖区' };
