import type { Places } from '../places/places.js';
import type { PlaceUnit } from '../places/types.js';

const MONTH_CUE = /每人每月|\/人[·/、]月|每月|月人均|人均月|月均|月(平均)?(保障|低保|供养|最低生活保障)?(保障)?标准/g;
const YEAR_CUE = /每人每年|\/人[·/、]年|年人均|人均年|年均|年(平均)?(保障|生活|基本生活|供养|低保|最低生活保障)?(保障)?(标准|补贴)|每年/g;

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

/** The counties or districts of a place taken one by one (各区, 各县市区, 县(市)), or its counties and county-level cities apart from the urban districts (县市). */
const COUNTIES_OR_DISTRICTS = /(?:各|所辖|下辖)(?:县|区|旗)(?:[(（]?[市区县][、,，]?[市区县]?[)）]?)*(?!域)|县[(（]?市[)）]?(?:[、,，]?区)?(?![场长委级两三])|县区(?![级域两三])/;

/** Words that say a clause is about the whole of the report's place (全市, 我县, 本区 …). */
export const WHOLE_PLACE = /[全我本](省|市|县|区|州|盟|旗)(?![场民政])/;

/**
 * A place other than the report's own that `text` names (长葛市 in a 许昌 report, 郑州 in a 河南
 * one), or 市区 (the urban districts), so that a figure for part of the place, or for another
 * place, is not merged into the whole. The report's place and the units it lies in do not count.
 * Place names come from the gazetteer; among same-named units those inside the report's place win.
 */
export function subPlaceIn(text: string, own: { place: string; place_code: string }, places: Places): string | undefined {
  // 各区, 各县(市、区), 县市(含双城区): the parts one by one, each with its own value — not the whole
  // place, unless they all share one (十县(市、区)…均为650元). Before 市区: 双城区 is a county's name.
  const parts = COUNTIES_OR_DISTRICTS.exec(text);
  if (parts && !/统一|同一|一致|均为|均达|均执行|均按|全部/.test(text.slice(parts.index))) return `${own.place}${parts[0].replace(/^(所辖|下辖)/, '各')}`;
  // 市区, 城区, 中心城区: the urban districts, a part of the place.
  // Not 省市区三级 / 市区两级 (levels of government) nor 老城区.
  // 市区、县域统一 / 城区和农村一致: a list of areas that share one value is the whole place.
  // The report's own district (新城区, a 城区) named in its text is not the urban districts.
  const ownName = /[区县旗]$/.test(own.place) ? own.place.replace(/^.*[省市州盟](?=.)/, '') : '';
  const withoutOwn = ownName ? text.replaceAll(ownName, ' '.repeat(ownName.length)) : text;
  if (/(?<![省城老远])(市区|城区)(?!域|两级|三级|县)/.test(withoutOwn) && !/(市区|城区)[、和及与][^，,。；;]{1,16}(统一|同一|一致)/.test(text)) return `${own.place}市区`;
  const { gazetteer } = places;
  const ownUnit = own.place_code ? gazetteer.byCodeOf(own.place_code) : undefined;
  let found: string | undefined;
  // 各市县(海口、三亚除外): places named as left out are not the figure's.
  for (const mention of places.mentions.find(text.replace(/[(（][^()（）]{1,20}除外[)）]|除[^，,。；;()（）]{1,20}(以)?外/g, (left) => ' '.repeat(left.length)))) {
    if (mention.form === 'county_short' || namesCommonArea(text, mention)) continue;
    // 中山路, 朝阳街道, 安康社区: a short name that starts a street's or a community's name is no place.
    if (mention.form === 'short' && /^(路|街|大街|大道|街道|社区|公园|广场|村|小区)/.test(text.slice(mention.end))) continue;
    const isOwn = mention.units.some((unit) => (ownUnit ? gazetteer.isWithin(ownUnit, unit) : unit.name === own.place));
    if (isOwn) continue;
    const inside = ownUnit ? mention.units.filter((unit) => gazetteer.isWithin(unit, ownUnit)) : [];
    found = (inside[0] ?? mention.units[0])?.name ?? found;
  }
  found ??= ownUnit ? twoCharacterPartIn(text, ownUnit, gazetteer) : undefined;
  // 宣州区、郎溪县、宁国市…城市低保标准统一为450元: several parts named together share the figure. All
  // the place's parts are the whole place; some of them, that list (not its last member).
  return (ownUnit && found ? partsListed(text, ownUnit, found, gazetteer) : undefined) ?? found;
}

/** The divisions of a place, without the units a gazetteer lists under it that are none (宣城市经济开发区). */
export function partsOf(own: PlaceUnit, gazetteer: Places['gazetteer']): PlaceUnit[] {
  return gazetteer.childrenOf(own).filter((unit) => !ZONE.test(unit.name));
}

/** What may stand right before a two-character place name: nothing, punctuation, or a function word (示范县 is no 范县). */
const STANDS_BEFORE_A_PLACE = /^$|[^\u4e00-\u9fff]|[的在和与及对将由从市州度年是为、]/;

/**
 * A part of the report's place whose full name is two characters (泾县, 息县, 沛县): the mention finder
 * leaves such names out (和县 is also 和+县), but in a report of the place that holds it, one written
 * after punctuation or a function word, not a common word (城区, 郊区), is that part.
 */
function twoCharacterPartIn(text: string, own: PlaceUnit, gazetteer: Places['gazetteer']): string | undefined {
  let found: { name: string; at: number } | undefined;
  for (const unit of gazetteer.childrenOf(own)) {
    if (unit.name.length !== 2 || COMMON_AREA_NAMES.has(unit.name)) continue;
    const at = text.lastIndexOf(unit.name);
    if (at < 0 || /^[和与及或并]/.test(unit.name) || !STANDS_BEFORE_A_PLACE.test(text[at - 1] ?? '')) continue;
    if (!found || at > found.at) found = { name: unit.name, at };
  }
  return found?.name;
}

/** Units a gazetteer lists under a place that are no division of it (宣城市经济开发区). */
const ZONE = /开发区|高新|园区|新区|管理区|管委会|示范区|试验区/;

/**
 * 宣州区、郎溪县、宁国市、泾县…城市低保标准统一为450元: the parts of the place a text names together,
 * as a list (宣州区、郎溪县…); undefined when the text names fewer than two (extract.ts decides what
 * the list's figure is).
 */
function partsListed(text: string, own: PlaceUnit, found: string, gazetteer: Places['gazetteer']): string | undefined {
  // 灵丘县、广灵县…分别为680元、675元: one value each (place-lists.ts), not one shared.
  if (text.includes('分别')) return undefined;
  const named = partsOf(own, gazetteer).map((unit) => ({ unit, at: text.indexOf(unit.name) })).filter(({ at }) => at >= 0).sort((a, b) => a.at - b.at);
  if (named.length < 2 || !named.some(({ unit }) => unit.name === found)) return undefined;
  // Named one after another as a list (宣州区、郎溪县和泾县), not in clauses of their own (最高的介休市…,最低的和顺县…).
  for (let i = 1; i < named.length; i++) {
    if (!/^[、和及与]$/.test(text.slice(named[i - 1]!.at + named[i - 1]!.unit.name.length, named[i]!.at))) return undefined;
  }
  return named.map(({ unit }) => unit.name).join('、');
}

/** District names that are also common nouns of an area (新城区 is 西安's and 呼和浩特's, and any city's new area). */
const COMMON_AREA_NAMES = new Set(['新城区', '城区', '郊区', '矿区', '新区', '高新区', '开发区']);

/** A mention of such a name not written after its city (西安市新城区) names an area, not that district. */
function namesCommonArea(text: string, mention: { start: number; end: number }): boolean {
  return COMMON_AREA_NAMES.has(text.slice(mention.start, mention.end)) && !/[市州盟]/.test(text[mention.start - 1] ?? '');
}

/** Words for a place above the report's: 全国 always; 全省 below a province; 全区 below an autonomous region. */
function higherPlaceWord(text: string, own: { place: string; province: string; level: string }): string | undefined {
  // 在全国志愿服务信息系统注册: a national system the place's people use, not the country's figure.
  if (/全国/.test(text.replace(/在全国[\u4e00-\u9fff]{0,10}(系统|平台|网站|网络)/g, ''))) return '全国';
  const belowProvince = own.place !== own.province && own.level !== 'province';
  if (belowProvince && /全省/.test(text)) return own.province || '全省';
  if (belowProvince && own.province.endsWith('自治区') && !/区$/.test(own.place) && /全区/.test(text)) return own.province;
  return undefined;
}

/**
 * A place the figure belongs to that is not the report's place nor inside it: the province
 * average in a city's report (全省城市低保平均标准), a neighbouring city (郑州市城市低保标准 in a
 * 新乡 report). Such a figure says nothing about the report's place.
 */
export function outsidePlaceIn(text: string, own: { place: string; place_code: string; province: string; level: string }, places: Places): string | undefined {
  const higher = higherPlaceWord(text, own);
  if (higher) return higher;
  const { gazetteer } = places;
  const ownUnit = own.place_code ? gazetteer.byCodeOf(own.place_code) : undefined;
  if (!ownUnit) return undefined;
  let found: string | undefined;
  for (const mention of places.mentions.find(text)) {
    if (mention.form === 'county_short' || mention.form === 'short' || namesCommonArea(text, mention)) continue;
    const related = mention.units.some((unit) => gazetteer.isWithin(ownUnit, unit) || gazetteer.isWithin(unit, ownUnit));
    if (!related) found = mention.units[0]?.name ?? found;
  }
  return found;
}
