import type { IndicatorDef } from './types.js';
import type { Quantity } from './quantities.js';
import { roleOf, type RoleFinding } from './roles.js';
import { clauseAt, strongSpanAt } from './sentence.js';

/**
 * Stage 2 of extraction: which quantities of a sentence are levels. Changes ("提高50元", 新增),
 * earlier values (由A提高到B), per-unit requirements and shares are dropped; the rest get a role
 * (roles.ts) and, for from→to, their previous value.
 */

/** A verb right before a number makes it a change ("提高50元"), not a level. */
const CHANGE_VERB = /(提高|增加|增长|减少|下降|提升|上调|降低|增幅|增幅为|增幅达|增长率为|增长率|涨幅|上涨|同比增长|同比增加)(了|达到?|为)?$/;
/** Words in a clause that make its figures additions over a period. */
const ADDITION = /新增|新建|新成立|新登记|新纳入|新认定|新批准|新\(改扩\)建|新（改扩）建/;
/** "今年建成…5个", "全年登记…80家", "首批8家…入驻": what a period added, unless the clause counts the stock (共, 累计, 现有). */
const PERIOD = /今年|本年|当年|全年|年内|上半年|下半年|首批/;
const BUILT = /建成|建设|完成|登记|成立|入驻|开工|改造|投用|投入使用/;
/** Counters of events rather than things: a period's count of them is its level. */
const EVENTS = /^(人次|户次|对|次|场次|件)$/;
const STOCK = /共|累计|总|现有|已有|达到|达/;
/** Per-unit requirements, ratios and shares are not a place's totals. */
export const PER_UNIT = /每个|每所|每家|每户|每次|每百户|每万人|每千|平均每|占比|比例|最高不超过|不超过|占[\u4e00-\u9fff]{0,8}(总|比)/;
/** A figure that describes the thing after it: "480张床位的…中心". */
const ATTRIBUTIVE = /^[\u4e00-\u9fff]{0,4}的/;
/** 由/从 A … 提高到/至 B. */
const FROM_TO = /(由(?!于)|从)([^。；;！？]{0,80}?)((提高|增加|提升|上调|调整|增长)?(?<!截|截止)(到|至)|(提高|提升|上调|调整)为)/g;

export interface Level {
  quantity: Quantity;
  previous?: Quantity;
  role: RoleFinding;
  /** Set when a 分别/均 construction already decided the indicator. */
  indicator?: IndicatorDef;
  subjectStart?: number;
  /** Where the 由/从 of its from→to stands: from there to the old value, the text speaks of the old value. */
  fromAt?: number;
}

/** Splits a sentence's quantities into changes (dropped, or collected in `changes`: changes.ts reads them) and levels, pairing from → to. */
export function levelsOf(sentence: string, quantities: readonly Quantity[], reportYear: number | null, changes?: Quantity[]): Level[] {
  const previousOf = new Map<Quantity, Quantity>();
  const fromOf = new Map<Quantity, number>();
  const isPrevious = new Set<Quantity>();
  for (const match of sentence.matchAll(FROM_TO)) {
    const fromAt = match.index ?? 0;
    const toAt = fromAt + match[0].length;
    const strong = strongSpanAt(sentence, toAt);
    const before = quantities.filter((q) => q.start > fromAt && q.end <= toAt);
    const after = listAfter(sentence, quantities, toAt, strong.end, before[0]);
    if (before.length === 0 || after.length === 0) continue;
    const targets = before.length === 1 ? after : after.slice(0, before.length);
    targets.forEach((target, i) => {
      previousOf.set(target, before[Math.min(i, before.length - 1)]!);
      fromOf.set(target, fromAt);
    });
    before.forEach((q) => isPrevious.add(q));
  }
  const levels: Level[] = [];
  let lastWasChange = false;
  let lastEnd = -1;
  for (const quantity of quantities) {
    const clause = clauseAt(sentence, quantity.numberStart);
    const lead = sentence.slice(clause.start, quantity.start);
    const joinedToLast = lastEnd >= 0 && /^[\u4e00-\u9fff]{0,8}[和、及]$/.test(sentence.slice(lastEnd, quantity.start));
    const strong = strongSpanAt(sentence, quantity.numberStart);
    // Counted events (人次, 对, 户次) are what a period does: 全年登记结婚12000对 is the year's figure, not an addition.
    const addedInPeriod = !quantity.baseUnit.startsWith('元') && !EVENTS.test(quantity.baseUnit) && PERIOD.test(sentence.slice(strong.start, quantity.start)) && BUILT.test(lead) && !STOCK.test(lead);
    // "由500元提高为600元": 提高为 ends a from→to, the 600 is the level.
    const verbOfChange = CHANGE_VERB.test(lead) && !previousOf.has(quantity);
    const change: boolean = verbOfChange || ADDITION.test(lead) || addedInPeriod || (lastWasChange && joinedToLast);
    lastWasChange = change;
    lastEnd = quantity.end;
    if (change) changes?.push(quantity);
    if (change || isPrevious.has(quantity)) continue;
    if (PER_UNIT.test(sentence.slice(clause.start, clause.end))) continue;
    if (!quantity.baseUnit.startsWith('元') && ATTRIBUTIVE.test(sentence.slice(quantity.end))) continue;
    if (SAME_FIGURE_AGAIN.test(sentence.slice(lastLevelEnd(levels), quantity.start)) && levels.at(-1)?.quantity.baseUnit.startsWith('元') && quantity.baseUnit.startsWith('元')) continue;
    const role = roleOf(sentence, quantity, reportYear);
    if (role.role === 'average') continue;
    levels.push({ quantity, previous: previousOf.get(quantity), fromAt: fromOf.get(quantity), role });
  }
  inheritHedges(sentence, levels);
  return levels;
}

/** "每人每月550元(6600元/年)": the bracketed amount restates the figure before it in another period. */
const SAME_FIGURE_AGAIN = /^\s*[(（]\s*(月人均|年人均|月均|年均|每月|每年|全年|按月|按年|即|合|折合|月|年)?$/;

function lastLevelEnd(levels: readonly Level[]): number {
  return levels.at(-1)?.quantity.end ?? 0;
}

/** The values listed right after 到/至: "81.5元、87元", "每人每月720元、每人每年6000元". */
function listAfter(sentence: string, quantities: readonly Quantity[], from: number, to: number, like: Quantity | undefined): Quantity[] {
  if (!like) return [];
  const list: Quantity[] = [];
  for (const quantity of quantities) {
    if (quantity.start < from || quantity.end > to) continue;
    if (quantity.baseUnit !== like.baseUnit || quantity.magnitude !== like.magnitude) break;
    const gap = sentence.slice(list.length === 0 ? from : list[list.length - 1]!.end, quantity.start);
    const joined = list.length === 0 ? /^[\u4e00-\u9fff\d]{0,12}$/.test(gap) : /^[、和及]?(每人每[月年])?$/.test(gap);
    if (!joined) break;
    list.push(quantity);
  }
  return list;
}

/** "约2.65万困难残疾人和2.25万重度残疾人": the hedge covers both numbers. */
function inheritHedges(sentence: string, levels: Level[]): void {
  for (let i = 1; i < levels.length; i++) {
    const [previous, current] = [levels[i - 1]!.quantity, levels[i]!.quantity];
    const between = sentence.slice(previous.end, current.start);
    if (current.qualifier === 'exact' && previous.qualifier !== 'exact' && /^[\u4e00-\u9fff]{1,8}[和及]$/.test(between)) {
      levels[i] = { ...levels[i]!, quantity: { ...current, qualifier: previous.qualifier } };
    }
  }
}
