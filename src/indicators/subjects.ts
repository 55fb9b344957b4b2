import { CATALOGUE } from './catalogue.js';
import type { Level } from './levels.js';
import type { Quantity } from './quantities.js';
import { clauseAt, itemAt, strongSpanAt, withoutBracketsAfter, withoutInclusionNotes, type Span } from './sentence.js';
import type { IndicatorDef } from './types.js';

/**
 * Stage 3 of extraction: the indicator a level belongs to, from the subject named nearest to it
 * (its item, its clause, or the topic of the clause before). Constructions that name several
 * subjects at once (分别, 均, 城乡 pairs, bare qualifiers) are read first, in subject-lists.ts.
 */

/**
 * A clause that names no subject of its own: it opens with the from→to, the verb, 统一, a bare 标准
 * or 总数达; or it is only 救助 and a count; or only a place and its amount (…,德化县为每人每月90元):
 * the topic of the clause before, for that place.
 */
const CONTINUES_TOPIC = /^(由|从|即|并|再|统一|提高|调整|上调|达到|增加|(保障|供养|生活|补助)?标准|(总数|总量)(达到?|为))|^(共|累计)?救助(了)?$/;
/** A clause that is only a per-person amount (…城市低保标准暂不提高,每人每月640元): the standard the clause right before names. */
const AMOUNT_ONLY = /^(为|按)?每人每[月年](为)?$/;
/**
 * A clause naming a standard with no figure of its own (全市城市低保标准暂不提高), and no payment
 * made by reference to it (按照城市低保标准联动发放, 在低保标准基础上增发, 上浮, 慰问金).
 */
const STANDARD_WITHOUT_FIGURE = /^[^\d]*标准[^\d]*$/;
const PAID_BY_REFERENCE = /按照|参照|根据|联动|基础上|增发|上浮|发放|补贴|慰问|救助金/;
const PLACE_ONLY = /^(最高的|最低的|其中)?[\u4e00-\u9fff]{1,8}(市|县|区|旗)(为|是|达到?)(每人每[月年]|每人)?$/;
const GENERIC_FUNDS = /^(十年来|五年来|近年来)?(累计|共)?(发放|投入|支出|下拨)(各类)?(救助)?(资金|金)?$|^(合计|共计|总计)$/;
const PER_PERSON = /每人|\/人|标准|补贴|年保障|生活费|每月|每年|月人均|年人均/;

/** An amount a person gets (每人每月600元): a standard's figure, not a total. */
function perPersonAmount(quantity: Quantity): boolean {
  return quantity.baseUnit.startsWith('元') && quantity.magnitude === 1 && quantity.value < 1e5;
}

/** Subjects so general that a heading or the clause before says better what the money or count is for. */
const GENERIC_INDICATORS = new Set(['assistance_funds']);

export function kindAccepts(indicator: IndicatorDef, quantity: Quantity, clause: string): boolean {
  switch (indicator.kind) {
    case 'standard':
      return quantity.baseUnit.startsWith('元') && quantity.magnitude === 1 && (/[月年]/.test(quantity.baseUnit) || PER_PERSON.test(clause));
    case 'money':
      // Money totals: written with 万/亿, or a large sum in 元 (320元 in a money clause is what one person gets).
      return quantity.baseUnit === '元' && (quantity.magnitude > 1 || (quantity.value >= 10000 && !/每人/.test(clause)));
    case 'count':
      return (indicator.counters ?? []).includes(quantity.baseUnit) && (quantity.baseUnit !== '' || quantity.magnitude > 1);
    case 'rate':
      return quantity.baseUnit === '%';
  }
}


interface Candidate {
  indicator: IndicatorDef;
  distance: number;
  subjectStart: number;
  /** Read from a clause that is only a place and its amount: a figure only if that place is known (extract.ts checks). */
  placeOnly?: boolean;
}

/** The indicator named nearest to a level in its item, clause or (for totals) the clause before. */
/** The indicator a heading names (六、临时救助 / 2、…临时救助落实情况:), for figures under it whose own subject is generic or absent. */
function headingCandidate(headingAbove: () => string | undefined, quantity: Quantity, clauseText: string): Candidate | undefined {
  const heading = headingAbove();
  if (!heading) return undefined;
  const named = CATALOGUE.filter(
    (indicator) => kindAccepts(indicator, quantity, clauseText) && indicator.subject.test(heading) && !(indicator.exclude?.test(heading) ?? false) && (indicator.context?.test(heading) ?? true),
  );
  const best = named.sort((a, b) => (a.subject.exec(heading)?.index ?? 0) - (b.subject.exec(heading)?.index ?? 0))[0];
  return best && { indicator: best, distance: 2000, subjectStart: 0 };
}

/** Standards differ by group (城市/农村): a standard left to the clause before must have one subject there. Totals take the topic. */
function quantityIsStandard(candidates: readonly Candidate[]): boolean {
  return candidates.some((candidate) => candidate.indicator.kind === 'standard');
}

/** A verb of receiving right after a count of people: what follows names the benefit ("3702人享受城乡低保"). */
const RECEIVES = /^(享受|纳入|领取|获得)(了|到)?/;

/** "全区共有2357户3702人享受城乡低保": people counted by the benefit they receive. */
function beneficiaryCandidate(sentence: string, quantity: Quantity, clause: Span): Candidate | undefined {
  const verb = RECEIVES.exec(sentence.slice(quantity.end, clause.end));
  if (!verb) return undefined;
  const rest = sentence.slice(quantity.end + verb[0].length, clause.end);
  const indicator = CATALOGUE.find((def) => def.benefit?.test(rest) && kindAccepts(def, quantity, rest));
  return indicator && { indicator, distance: verb[0].length, subjectStart: quantity.start };
}

/**
 * `sentenceBefore` is the sentence before in the same paragraph: an indicator's context word
 * (残疾 for 两项补贴资金) said there still holds, as a topic does (…补贴标准为60元。全年共发放两项补贴资金2860万元).
 */
export function assignBySubject(sentence: string, level: Level, heading: () => string | undefined = () => undefined, sentenceBefore: () => string = () => ''): Candidate | undefined {
  const { quantity } = level;
  const clause = clauseAt(sentence, quantity.numberStart);
  const beneficiary = beneficiaryCandidate(sentence, quantity, clause);
  if (beneficiary) return beneficiary;
  const item = itemAt(sentence, quantity.numberStart);
  const clauseText = sentence.slice(clause.start, clause.end);
  // 「养老机构169家、居家社区养老服务照料中心97个」: a later item of a 、 list that names a thing of its own
  // counts that thing, whether or not it is in the catalogue; it takes no subject from the items before.
  // (Amounts in a list are more often tiers of one standard: 东部地区200元、中部地区300元.)
  const itemWords = sentence.slice(item.start, quantity.start).replace(/共计|合计|总计|累计|涉及|覆盖|其中|共|计|达到?|约|近|有/g, '');
  const ownNoun = !quantity.baseUnit.startsWith('元') && item.start > clause.start && /[\u4e00-\u9fff]{2}/.test(itemWords);
  const scopes: Span[] = ownNoun ? [item] : [item, clause];
  const strong = strongSpanAt(sentence, quantity.numberStart);
  const previous = clause.start > strong.start ? { start: strong.start, end: clause.start } : undefined;
  const opening = sentence.slice(clause.start, quantity.start);
  // The clause right before this one, when the sentence has one.
  const lastClause = previous ? clauseAt(sentence, clause.start - 1) : undefined;
  // "…两项补贴…, 累计发放资金1.22亿元": generic money clauses take the sentence's topic.
  if (previous && GENERIC_FUNDS.test(opening)) scopes.push(previous);
  // "…农村低保标准, 由每人每年2900元提高到2960元": a clause that opens with the change carries on the topic before it.
  // A count or a total takes the thing of the clause right before first (去年新增日间照料站300个,总数达5190个); a
  // standard the whole topic (城市特困人员20人,农村特困人员600人,供养标准为…: whose, is not said).
  else if (previous && lastClause && CONTINUES_TOPIC.test(opening)) scopes.push(...(perPersonAmount(quantity) ? [previous] : [lastClause, previous]));
  else if (lastClause && AMOUNT_ONLY.test(opening) && STANDARD_WITHOUT_FIGURE.test(sentence.slice(lastClause.start, lastClause.end)) && !PAID_BY_REFERENCE.test(sentence.slice(strong.start, clause.start))) scopes.push(lastClause);
  const placeOnly = previous !== undefined && PLACE_ONLY.test(opening);
  if (placeOnly) scopes.push(previous);
  // "19个方面": a counter followed by a noun counts that noun; 不变/左右/以内 after a figure are no nouns.
  // Nor are a conjunction (4000元和3000元), 的, or a bound (以上).
  const countsFollowingNoun = /^[\u4e00-\u9fff]/.test(sentence.slice(quantity.end)) && !/^(不变|左右|以内|以下|以上|上下|整|和|与|及|或|的)/.test(sentence.slice(quantity.end));
  // "养老床位5000张（其中护理型床位3000张）": what a bracket after the figure says of a part does not exclude it.
  const itemText = withoutBracketsAfter(sentence, item, quantity.end);
  for (const scope of scopes) {
    const isTopic = scope !== item && scope !== clause;
    // 孤儿(含事实无人抚养儿童)集中…: a bracket that says what is included names no subject.
    const scopeText = withoutInclusionNotes(sentence.slice(scope.start, scope.end));
    const candidates: Candidate[] = [];
    for (const indicator of namedIn(sentence)) {
      if (!kindAccepts(indicator, quantity, clauseText)) continue;
      if (indicator.context && !indicator.context.test(sentence) && !indicator.context.test(sentenceBefore())) continue;
      if (indicator.sentenceExclude?.test(sentence)) continue;
      if (indicator.exclude?.test(itemText)) continue;
      if (indicator.clauseExclude?.test(clauseText)) continue;
      const candidate = nearestSubject(sentence, scopeText, indicator, scope, quantity, isTopic, countsFollowingNoun);
      if (candidate) candidates.push(candidate);
    }
    // The clause before names several things ("城市特困人员14人,农村特困人员541人,供养标准为…"): whose the figure is, is not said.
    if (isTopic && quantityIsStandard(candidates) && new Set(candidates.map((c) => c.indicator.id)).size > 1) return undefined;
    // 新建农村幸福院40个、日间照料中心20个,总数达1200个: a total after a clause naming several things is none of theirs.
    if (scope === lastClause && new Set(candidates.map((c) => c.indicator.id)).size > 1) return undefined;
    const best = candidates.sort((a, b) => a.distance - b.distance || b.indicator.subject.source.length - a.indicator.subject.source.length)[0];
    if (best && placeOnly && scope === previous) return { ...best, placeOnly };
    // The whole clause before is the topic, with the place it names (六城区农村低保标准提高50元,调整后达到每月650元).
    if (best && scope === lastClause) return { ...best, subjectStart: scope.start };
    if (best) {
      const fromHeading = GENERIC_INDICATORS.has(best.indicator.id) ? headingCandidate(heading, quantity, clauseText) : undefined;
      return fromHeading && !GENERIC_INDICATORS.has(fromHeading.indicator.id) ? { ...fromHeading, subjectStart: best.subjectStart } : best;
    }
  }
  // A clause with no subject at all under a heading: the heading's topic, when the clause is only a figure (合计919.67万元).
  return GENERIC_FUNDS.test(sentence.slice(clause.start, quantity.start)) ? headingCandidate(heading, quantity, clauseText) : undefined;
}

const AFTER_WINDOW = 12;

/**
 * The indicators whose subject the sentence may name: a scope is part of the sentence, so a subject
 * the whole sentence does not hold is in none of its scopes (a lookbehind may read differently at a
 * scope's edge, so subjects with one are always kept). Asked for every figure of a sentence: kept
 * for the last sentence.
 */
let named: { sentence: string; indicators: readonly IndicatorDef[] } | undefined;

function namedIn(sentence: string): readonly IndicatorDef[] {
  if (named?.sentence !== sentence) named = { sentence, indicators: CATALOGUE.filter((indicator) => indicator.subject.source.includes('(?<') || indicator.subject.test(sentence)) };
  return named.indicators;
}

/** "…低保标准的1.5倍", "…低保标准确定": a standard named as the base of another is a reference, not the subject. */
const REFERENCE_AFTER = /^[\u4e00-\u9fff]{0,4}的\d+(\.\d+)?(-\d+(\.\d+)?)?倍/;
/** What may stand between a count and the noun it counts: "14个乡镇(街道)社工站", not a verb. */
const NOUN_MODIFIER = /^[\u4e00-\u9fff()（）]{0,12}$/;
const VERBISH = /已|建|完成|全部|实现|开展|为|是|达|有/;
/**
 * A noun after the one a counter counts that makes a compound with a head of its own, a facility, a
 * place of service or a piece of work: 105家社会组织党群服务示范点 counts 示范点 and
 * 30个养老机构消防改造工作 the work, not the 社会组织 or 养老机构 that modify them.
 */
const OTHER_HEAD = /^[^，,。；;、：:（）()\s]{0,8}?(中心|站|点|室|基地|平台|项目|工程|改造|床位|设施|示范|品牌|活动)/;
/**
 * What ends the counted noun's phrase: punctuation, a function word, an adverb or a verb (共有, 全部,
 * 均, 在, 和 …). After one of these, a facility named later is the verb's object, not a head.
 */
const PHRASE_ENDS = /^(?:人员|对象|老人|老年人|儿童|群众|家庭|人口)?(?:$|[^\u4e00-\u9fff]|的|和|与|及|或|等|共|均|都|全|已|正在|在|为|是|被|将|可|能|也|还|并|以|中|里|内|外|参|入|获|开|提|进|实|完|达|建|登|成|纳|享|领|得|有|新|运|投|覆|承|接|落|从|向|对|于|到|按|经|通|设|配|招|分|各|累|合|作|予|给|发|办|受|申|正常|规范|基本|年检)/;

/** Whether the noun after `end` goes on into a compound whose head is another thing (105家社会组织党群服务示范点). */
function headIsAnother(sentence: string, end: number): boolean {
  const after = sentence.slice(end, end + 12);
  return !PHRASE_ENDS.test(after) && OTHER_HEAD.test(after);
}

/**
 * The subject of `indicator` nearest to a quantity, searched in `text` (the scope's text, inclusion
 * notes blanked). A counter followed by a noun counts that noun ("19个方面"), so then only a subject
 * right after it may claim the figure. In the clause before, the sentence's topic (the earliest
 * subject) wins.
 */
const GLOBAL_SUBJECTS = new Map<string, RegExp>();

/** The subject pattern with the g flag, compiled once per indicator. */
function globalSubject(indicator: IndicatorDef): RegExp {
  let pattern = GLOBAL_SUBJECTS.get(indicator.id);
  if (!pattern) {
    pattern = new RegExp(indicator.subject.source, 'g');
    GLOBAL_SUBJECTS.set(indicator.id, pattern);
  }
  pattern.lastIndex = 0;
  return pattern;
}

function nearestSubject(
  sentence: string,
  text: string,
  indicator: IndicatorDef,
  scope: Span,
  quantity: Quantity,
  topicOnly: boolean,
  countsFollowingNoun: boolean,
): Candidate | undefined {
  const pattern = globalSubject(indicator);
  let best: Candidate | undefined;
  for (const match of text.matchAll(pattern)) {
    const start = scope.start + (match.index ?? 0);
    const end = start + match[0].length;
    if (REFERENCE_AFTER.test(sentence.slice(end, end + 12))) continue;
    let distance: number | undefined;
    const between = sentence.slice(quantity.end, start);
    // "从现有300个床位扩至1500个床位": a counter followed by a noun counts that noun, not the topic before.
    if (topicOnly) distance = countsFollowingNoun && quantity.baseUnit !== '' ? undefined : 1000 + start;
    else if (end <= quantity.start && !countsFollowingNoun) distance = quantity.start - end;
    else if (start >= quantity.end && between.length <= AFTER_WINDOW && NOUN_MODIFIER.test(between) && !VERBISH.test(between) && !headIsAnother(sentence, end)) {
      distance = between.length * 1.5;
    }
    if (distance !== undefined && (!best || distance < best.distance)) best = { indicator, distance, subjectStart: Math.min(start, quantity.start) };
  }
  return best;
}

