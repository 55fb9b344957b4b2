import { shortPlaceName } from '../corpus/places.js';

/** Year expressions that say when a figure holds: 截至2021年末, 2022年的, 2020至2023年 (→ 2023). */
const YEAR = /(?:截至|截止)?((?:19|20)\d{2})年(?:底|末|上半年|下半年|的)?(?!以来|起|开始|至|到|、|以前)/g;

/** "目前" after a year means the figure holds now, not in that year. */
const NOW = /目前|当前|现已|现在|截至目前/;

/** The last year stated before `position`, or null (also when 目前 comes after it). */
export function yearBefore(text: string, position: number, from = 0): number | null {
  let year: number | null = null;
  let yearEnd = from;
  for (const match of text.slice(from, position).matchAll(YEAR)) {
    year = Number(match[1]);
    yearEnd = from + (match.index ?? 0) + match[0].length;
  }
  return year !== null && NOW.test(text.slice(yearEnd, position)) ? null : year;
}

const MONTH_CUE = /每人每月|\/人[·/]月|每月|月(保障)?标准/g;
const YEAR_CUE = /每人每年|\/人[·/]年|年(保障|生活|基本生活|供养)?(标准|补贴)|每年/g;

/** Whether a standard is per month or per year: the nearest cue before the figure, else after it. */
export function periodOf(text: string, from: number, position: number, to: number): 'month' | 'year' | undefined {
  const cues = [
    ...[...text.slice(from, to).matchAll(MONTH_CUE)].map((m) => ({ at: from + (m.index ?? 0), period: 'month' as const })),
    ...[...text.slice(from, to).matchAll(YEAR_CUE)].map((m) => ({ at: from + (m.index ?? 0), period: 'year' as const })),
  ];
  const before = cues.filter((cue) => cue.at < position).sort((a, b) => b.at - a.at)[0];
  const after = cues.filter((cue) => cue.at >= position).sort((a, b) => a.at - b.at)[0];
  return (before ?? after)?.period;
}

const NOT_PLACE_FIRST = /[全本我该各此县市省城社街景园片辖区乡镇村等和及、与在为]/;
const NOT_PLACE_NAME = /(城市|城区|社区|市区|县区|地区|小区|辖区|园区|景区|片区|新区|验区|范区|能区|郊区|山区|灾区|老区|街区|城乡|城镇|街道)$/;
const NOT_PLACE_FOLLOWED = /^(场|民|级|域|划|政|委|本级|直|属|外|内|县|区)/;

/**
 * A place other than the report's own named in `text` (长葛市, 偃师区), or 市区 (the urban districts),
 * so that a figure for part of the place is not merged into the whole.
 */
export function subPlaceIn(text: string, ownPlace: string): string | undefined {
  if (/(^|[^\u4e00-\u9fff中心])市区/.test(text) && !/中心城区/.test(text)) return `${ownPlace}市区`;
  const own = new Set([ownPlace, shortPlaceName(ownPlace)]);
  let found: string | undefined;
  for (let i = 2; i < text.length; i++) {
    const suffix = text[i] ?? '';
    if (!'市县区'.includes(suffix)) continue;
    const name = text.slice(i - 2, i + 1);
    if (!/^[\u4e00-\u9fff]{2}/.test(name) || NOT_PLACE_FIRST.test(name[0] ?? '') || NOT_PLACE_FIRST.test(name[1] ?? '')) continue;
    if (NOT_PLACE_NAME.test(name) || NOT_PLACE_FOLLOWED.test(text.slice(i + 1))) continue;
    if (own.has(name) || own.has(name.slice(0, 2))) continue;
    found = name;
  }
  return found;
}
