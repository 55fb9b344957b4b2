import type { Gazetteer } from './gazetteer.js';
import type { MentionFinder, PlaceMention } from './mentions.js';
import type { PlaceUnit } from './types.js';

/** Words right after a place name that make it the publisher or the outlet: 许昌市民政局, 来凤县人民政府. */
const PUBLISHER_AFTER = /^(民政局|民政厅|人民政府|政府|财政局|财政厅|统计局|残联|政协|日报|晚报|晨报|融媒体|新闻网|广播电视台|政务网|委员会)/;
/** A publisher block before the name: 来源: 栖霞区人民政府, 发布机构 腾冲市民政局. */
const PUBLISHER_BEFORE = /(来源|发布机构|发布单位|信息来源|编制单位|发文部门)\s*[:：]?\s*$/;
/** How a report names its own place: 我市, 全县, 本区, 我省. */
const OWN_PLACE = /(?:我|全|本)(省|市|县|区|州|旗)/g;
const HEAD_CHARS = 300;
const FORM_WEIGHT = { full: 1, short: 0.6, county_short: 0.3 } as const;
const SCAN_CHARS = 20_000;

export interface PlaceEvidence {
  unit: PlaceUnit;
  score: number;
  inTitle: boolean;
  asPublisher: boolean;
  mentions: number;
  /** Set when the unit is never named but contains the one that is. */
  via?: PlaceEvidence;
  /** Set when the report speaks as another kind of unit (我市 beside a province's name). */
  speaksOtherwise?: string;
}

export type PlaceInference =
  | { unit: PlaceUnit; confident: boolean; why: string }
  | { unit?: undefined; why: string };

/**
 * The place a report without a header is about, from the units it names, weighed by where they
 * stand: the title, a publisher (XX市民政局, 来源: …), the first lines, the rest. 我市/全县/本区 say
 * which level the report speaks from and pick between a unit and its parent or children.
 */
export function inferPlace(gazetteer: Gazetteer, finder: MentionFinder, text: string, title: string): PlaceInference {
  const scanned = text.slice(0, SCAN_CHARS);
  const own = ownPlaceWords(scanned);
  const found = finder.find(scanned);
  const named = found.filter((mention) => mention.form !== 'county_short');
  // A county's short name is often an ordinary word (惠民, 合作): it counts only when nothing else
  // is named, it means one unit, and the report speaks as such a unit (全区 … 利州).
  const mentions =
    named.length > 0
      ? named
      : found.filter((mention) => mention.units.length === 1 && own !== undefined && speaksAs(mention.units[0]!, own.suffix));
  if (mentions.length === 0) return { why: 'the text names no province, city, county or district' };
  const titleAt = title ? scanned.indexOf(title) : -1;
  const evidence = new Map<string, PlaceEvidence>();
  const context = unambiguousContext(gazetteer, mentions);
  mentions.forEach((mention, i) => {
    const units = narrow(gazetteer, mention.units, context);
    // 岳阳市 in 岳阳市君山区 only says where 君山区 is.
    const next = mentions[i + 1];
    const qualifier = next !== undefined && next.start === mention.end && next.units.some((inner) => units.some((outer) => inner.code !== outer.code && gazetteer.isWithin(inner, outer)));
    const inTitle = titleAt >= 0 && mention.start >= titleAt && mention.end <= titleAt + title.length;
    const quoted = scanned.lastIndexOf('《', mention.start) > scanned.lastIndexOf('》', mention.start);
    const asPublisher = !quoted && (PUBLISHER_AFTER.test(scanned.slice(mention.end, mention.end + 6)) || PUBLISHER_BEFORE.test(scanned.slice(Math.max(0, mention.start - 8), mention.start)));
    const where = inTitle || asPublisher ? 3 : mention.start < HEAD_CHARS ? 1.5 : 1;
    const weight = (where * FORM_WEIGHT[mention.form] * (qualifier ? 0.25 : 1)) / units.length;
    for (const unit of units) {
      const entry = evidence.get(unit.code) ?? { unit, score: 0, inTitle: false, asPublisher: false, mentions: 0 };
      entry.score += weight;
      entry.inTitle ||= inTitle;
      entry.asPublisher ||= asPublisher;
      entry.mentions += 1;
      evidence.set(unit.code, entry);
    }
  });
  const ranked = [...evidence.values()].sort((a, b) => b.score - a.score);
  const best = ranked[0]!;
  // The report's 我市/全县 settle a weakly named place at once, a well-named one only when repeated.
  const strongBest = best.inTitle || best.asPublisher;
  const suffix = own && (own.count >= 2 || !strongBest) ? own.suffix : undefined;
  const chosen = matchOwnPlaceWords(gazetteer, best, ranked, suffix);
  if (chosen.speaksOtherwise) {
    // Serving a city's report under its province would file the city's figures as the province's.
    return { why: `the text speaks as a ${chosen.speaksOtherwise} (我${chosen.speaksOtherwise}/全${chosen.speaksOtherwise}) but names no such unit, only ${ranked.map((entry) => entry.unit.name).slice(0, 3).join('、')}` };
  }
  return { unit: chosen.unit, ...judge(gazetteer, chosen, ranked) };
}

/** Units named without ambiguity, and their ancestors: the context that tells 朝阳区 in 北京 from 长春's. */
function unambiguousContext(gazetteer: Gazetteer, mentions: readonly PlaceMention[]): PlaceUnit[] {
  const units = mentions.filter((mention) => mention.units.length === 1).map((mention) => mention.units[0]!);
  return units.flatMap((unit) => {
    const chain: PlaceUnit[] = [];
    for (let current: PlaceUnit | undefined = unit; current; current = gazetteer.parentOf(current)) chain.push(current);
    return chain;
  });
}

function narrow(gazetteer: Gazetteer, units: readonly PlaceUnit[], context: readonly PlaceUnit[]): readonly PlaceUnit[] {
  if (units.length === 1) return units;
  const inContext = units.filter((unit) => context.some((known) => known.code !== unit.code && (gazetteer.isWithin(unit, known) || gazetteer.isWithin(known, unit))));
  return inContext.length > 0 ? inContext : units;
}

/** The suffix most of the report's 我X/全X/本X words use, and how often. */
function ownPlaceWords(text: string): { suffix: string; count: number } | undefined {
  const counts = new Map<string, number>();
  for (const match of text.matchAll(OWN_PLACE)) counts.set(match[1]!, (counts.get(match[1]!) ?? 0) + 1);
  const [top] = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  return top && { suffix: top[0], count: top[1] };
}

function speaksAs(unit: PlaceUnit, suffix: string): boolean {
  return suffix === '区' ? /区$/.test(unit.name) : unit.name.endsWith(suffix) || (suffix === '州' && /自治州$/.test(unit.name));
}

/** When 我县 says the report is a county's and the best unit is its city (or the other way round), take the related unit that fits. */
function matchOwnPlaceWords(gazetteer: Gazetteer, best: PlaceEvidence, ranked: readonly PlaceEvidence[], suffix: string | undefined): PlaceEvidence {
  if (!suffix || speaksAs(best.unit, suffix)) return best;
  const related = ranked.find(
    (entry) => speaksAs(entry.unit, suffix) && (gazetteer.isWithin(entry.unit, best.unit) || gazetteer.isWithin(best.unit, entry.unit)),
  );
  if (related) return related;
  // 我市 in a text that names only one of its districts (双城区): the city the district lies in.
  const parent = best.unit.level === 'county' || best.unit.level === 'district' ? gazetteer.parentOf(best.unit) : undefined;
  if (parent && speaksAs(parent, suffix)) return { unit: parent, score: 0, inTitle: false, asPublisher: false, mentions: 0, via: best };
  return { ...best, speaksOtherwise: suffix };
}

function judge(gazetteer: Gazetteer, chosen: PlaceEvidence, ranked: readonly PlaceEvidence[]): { confident: boolean; why: string } {
  if (chosen.via) {
    return { confident: false, why: `not named itself; the text speaks as a ${chosen.unit.name.slice(-1)} and names ${chosen.via.unit.name} (${chosen.via.mentions}), which lies in it` };
  }
  const rival = ranked.find((entry) => !gazetteer.isWithin(entry.unit, chosen.unit) && !gazetteer.isWithin(chosen.unit, entry.unit));
  const where = [chosen.inTitle ? 'the title' : '', chosen.asPublisher ? 'the publisher' : ''].filter(Boolean).join(' and ');
  const named = `${chosen.mentions} mention${chosen.mentions === 1 ? '' : 's'}${where ? `, in ${where}` : ''}`;
  const clearLead = !rival || chosen.score >= 2 * rival.score;
  const confident = clearLead && (where !== '' || chosen.score >= 3);
  const rivalNote = rival ? `; also named: ${rival.unit.name} (${rival.mentions})` : '';
  return { confident, why: `${named}${rivalNote}` };
}
