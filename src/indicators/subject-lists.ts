import { CATALOGUE } from './catalogue.js';
import type { Level } from './levels.js';
import { clauseAt, itemAt, previousClause, strongSpanAt, withoutInclusionNotes, type Span } from './sentence.js';
import type { IndicatorDef } from './types.js';

/**
 * Stage 3 of extraction, constructions that name several subjects at once: 分别 and 均, a 城乡 pair
 * with two amounts, standards joined by 和, bare qualifiers (低保标准城市X元、农村Y元) and
 * qualifier-only lines under a heading. What is left is assigned one level at a time (subjects.ts).
 */

/** 均 (both, all) right before the amount, or before its verb and per-person words: 均为每人每月1740元. */
const BOTH = /均(为|是|按|达到?|提高到|提高至|调整为|调整到)?(每人每[月年]|每人|每月|每年)?$/;

/** "城乡低保标准的1.3倍": a standard named as the base of a multiple is a reference, not the subject. */
const MULTIPLE_OF = /[\u4e00-\u9fff]{0,14}的\d+(\.\d+)?倍/g;

/** The indicator an enumeration item names (城乡低保 names two: urban and rural); the earliest wins. */
function indicatorsOfItem(written: string, sentence: string): IndicatorDef[] {
  const item = written.replace(MULTIPLE_OF, (match) => ' '.repeat(match.length));
  const dibao = /(城乡|(城市|城镇)[、和及与]农村)(居民)?(低保|最低生活保障)/.exec(item);
  const tekun = /(城乡|(城市|城镇)[、和及与]农村)特困/.exec(item);
  const first = [dibao, tekun].filter((m) => m !== null).sort((a, b) => a.index - b.index)[0];
  const urbanRural = first === dibao && dibao ? ['dibao_urban', 'dibao_rural'] : first === tekun && tekun ? ['tekun_urban', 'tekun_rural'] : undefined;
  if (urbanRural) return urbanRural.map((id) => CATALOGUE.find((def) => def.id === id)!);
  const candidates = CATALOGUE.filter(
    (def) => def.kind === 'standard' && def.subject.test(item) && !(def.exclude?.test(item) ?? false) && (def.context?.test(sentence) ?? true),
  );
  const best = candidates.sort((a, b) => (b.subject.exec(item)?.[0].length ?? 0) - (a.subject.exec(item)?.[0].length ?? 0))[0];
  return best ? [best] : [];
}

/** 分别 (respectively) and 均 (both): one figure per named standard, in order. */
export function assignRespectively(sentence: string, levels: Level[]): void {
  for (const match of sentence.matchAll(/分别/g)) {
    const at = match.index ?? 0;
    const ownClause = clauseAt(sentence, at);
    let subjectSpan: Span = { start: ownClause.start, end: at };
    let subjects = subjectsIn(sentence, subjectSpan);
    // One subject in 分别's own clause is what its amounts are tiers of (护理标准分别为…); with none, the clause before names them.
    if (subjects.length === 0) {
      const previous = previousClause(sentence, ownClause.start);
      if (previous) {
        subjectSpan = previous;
        subjects = subjectsIn(sentence, previous);
      }
    }
    if (subjects.length < 2) continue;
    const strong = strongSpanAt(sentence, at);
    const targets = listedAmounts(sentence, levels.filter((l) => !l.indicator && l.quantity.start > at && l.quantity.end <= strong.end && l.quantity.baseUnit.startsWith('元')));
    // As many amounts as subjects, or the list is of something else (three tiers after two standards).
    if (targets.length !== subjects.length) continue;
    targets.forEach((level, i) => {
      level.indicator = subjects[i];
      level.subjectStart = subjectSpan.start;
    });
  }
  assignPairs(sentence, levels);
  assignQualifiedItems(sentence, levels);
  assignJoinedStandards(sentence, levels);
  for (const level of levels) {
    if (level.indicator || !BOTH.test(sentence.slice(0, level.quantity.start))) continue;
    // The subjects 均 covers: in its own clause, else in the nearest clause before that names any (…两项补贴制度,从…起施行,标准均为60元).
    let span: Span | undefined = { start: clauseAt(sentence, level.quantity.numberStart).start, end: level.quantity.start };
    let unique: IndicatorDef[] = [];
    for (let back = 0; span && back < 4; back++, span = previousClause(sentence, span.start)) {
      unique = [...new Map(subjectsIn(sentence, span).map((s) => [s.id, s])).values()];
      if (unique.length > 0) break;
    }
    if (!span || unique.length < 2) continue;
    level.indicator = unique[0];
    level.subjectStart = span.start;
    for (const extra of unique.slice(1)) levels.push({ ...level, indicator: extra });
  }
}

/** The amounts listed one after another from the first (700元、500元 / 每人每月700元和每人每年6000元). */
function listedAmounts(sentence: string, levels: readonly Level[]): Level[] {
  const list: Level[] = [];
  for (const level of levels) {
    const last = list.at(-1);
    // A bracket restating the amount before (760元(每年9120元)、6000元) does not end the list.
    const gap = sentence.slice(last?.quantity.end ?? 0, level.quantity.start).replace(/^\s*[(（][^()（）]*[)）]/, '');
    if (last && !/^\s*[、和及与,，]?\s*(年人均|月人均|每人每[月年])?(不低于)?\s*$/.test(gap)) break;
    list.push(level);
  }
  return list;
}

/**
 * "散居孤儿和事实无人抚养儿童基本生活费标准为每人每月1400元": standards of two indicators joined by
 * 和/及/与/、 in the clause of the only amount share it, as with 均. Urban and rural standards are
 * left out: 城市和农村 names a pair, which assignPairs reads.
 */
function assignJoinedStandards(sentence: string, levels: Level[]): void {
  for (const level of [...levels]) {
    if (level.indicator || !level.quantity.baseUnit.startsWith('元') || level.quantity.magnitude !== 1) continue;
    const clause = clauseAt(sentence, level.quantity.numberStart);
    if (levels.some((other) => other !== level && other.quantity.start >= clause.start && other.quantity.end <= clause.end)) continue;
    const lead = sentence.slice(clause.start, level.quantity.start);
    // A standard, or an amount paid per person (散居孤儿、事实无人抚养儿童每人每月1290元).
    if (!/[和及与、]/.test(lead) || !(/标准/.test(lead) || /每人每[月年]\s*$/.test(lead))) continue;
    const named = [...new Map(subjectsIn(sentence, { start: clause.start, end: level.quantity.start }).map((def) => [def.id, def])).values()];
    // 城市…和农村… of one standard is a pair: assignPairs reads it (one amount there is ambiguous).
    if (named.length < 2 || named.some((def) => def.kind !== 'standard' || /_(urban|rural)$/.test(def.id))) continue;
    level.indicator = named[0];
    level.subjectStart = clause.start;
    for (const extra of named.slice(1)) levels.push({ ...level, indicator: extra });
  }
}

/**
 * "城乡低保标准提高到每月760元和590元": a subject that names a pair (城乡 → 城市, 农村) followed by
 * exactly two amounts joined by 和/、/及 gives them in order, as 分别 would; followed by one amount,
 * it is the one standard of both (城乡统一).
 */
function assignPairs(sentence: string, levels: Level[]): void {
  for (const match of sentence.matchAll(/(城乡|(城市|城镇)[、和及与]农村)(居民)?(最低生活保障|低保|特困)/g)) {
    const at = match.index ?? 0;
    const pair = indicatorsOfItem(sentence.slice(at, at + match[0].length + 8), sentence);
    if (pair.length !== 2) continue;
    const strong = strongSpanAt(sentence, at);
    const open = levels.filter((l) => !l.indicator && l.quantity.start > at && l.quantity.end <= strong.end && l.quantity.baseUnit.startsWith('元'));
    const [first, second] = open;
    // 城市和农村低保对象每人每月补助300元: one amount per person after a pair, named as neither's standard, is
    // not one of them more than the other (nor a standard): no figure.
    if (open.length === 1 && first && first.quantity.magnitude === 1 && !/标准|统一|均|分别/.test(sentence.slice(at, first.quantity.start)) && /每人/.test(sentence.slice(at, first.quantity.start))) {
      levels.splice(levels.indexOf(first), 1);
      continue;
    }
    // 城市、农村低保标准提高到每人每月700元: one amount for both is one standard for town and country.
    // 分别 says there are two amounts, even when only one was read (420/月和220元/月).
    if (open.length === 1 && first && first.quantity.magnitude === 1 && clauseAt(sentence, first.quantity.numberStart).start <= at && /标准/.test(sentence.slice(at, first.quantity.start)) && !/分别/.test(sentence.slice(at, first.quantity.start))) {
      // 城乡特困人员基本生活标准统一提高到732元: 特困 has no unified indicator; one amount said to be shared is both standards.
      const unifiedDibao = pair[0]!.id === 'dibao_urban';
      // Without 统一/均 one amount after 城乡特困 may be either standard: left to the other rules.
      // Nor is a care or funeral standard of 特困 people (照料护理, 丧葬补助): only their basic living standard.
      const named = sentence.slice(at, first.quantity.start);
      if (!unifiedDibao && (!/统一|均/.test(named) || !/基本生活|供养/.test(named) || pair.some((def) => def.exclude?.test(named)) || /丧葬|护理/.test(named))) continue;
      first.indicator = unifiedDibao ? CATALOGUE.find((def) => def.id === 'dibao_unified') : pair[0];
      first.subjectStart = at;
      if (!unifiedDibao) levels.push({ ...first, indicator: pair[1] });
      continue;
    }
    if (open.length !== 2 || !first || !second || !/^[\s]*[和、及与][^，,；;。]{0,6}$/.test(sentence.slice(first.quantity.end, second.quantity.start))) continue;
    first.indicator = pair[0];
    second.indicator = pair[1];
    first.subjectStart = second.subjectStart = at;
  }
}

/** A bare 城市/城镇/农村 right before the figure or its verb: "低保标准城市每人每月720元", "…,农村为每人每年5100元". */
const BARE_QUALIFIER = /(城市|城镇|农村|集中养育|集中供养|机构养育|社会散居|分散供养|分散养育|散居)(居民)?(?=为|是|达到?|提高|提升|调整|上调|每人|每月|每年|月|年|\d)/g;
/** The standard a bare qualifier borrows its head from, earlier in the same sentence part. */
const STANDARD_HEAD = /最低生活保障|低保|特困(人员)?(救助)?(供养|基本生活)?|孤儿/g;

/**
 * An item that names only a qualifier takes the head of the standard named before it in the same
 * sentence part: 低保标准城市X元、农村Y元 and 城市低保标准为X元,农村为Y元 give 城市低保 X and 农村低保 Y.
 * An item that names a subject of its own is left to the subject rules.
 */
function assignQualifiedItems(sentence: string, levels: Level[]): void {
  for (const level of levels) {
    if (level.indicator || !level.quantity.baseUnit.startsWith('元')) continue;
    const item = itemAt(sentence, level.quantity.numberStart);
    const lead = sentence.slice(item.start, level.quantity.start);
    const qualifier = [...lead.matchAll(BARE_QUALIFIER)].at(-1);
    if (!qualifier || /[\u4e00-\u9fff]{2,}/.test(lead.slice((qualifier.index ?? 0) + qualifier[0].length).replace(/为|是|达到?|提高到?|提升到?|调整为|上调到?|每人|每月|每年|月|年|标准|至/g, ''))) continue;
    const strong = strongSpanAt(sentence, level.quantity.numberStart);
    const heads = [...sentence.slice(strong.start, item.start + (qualifier.index ?? 0)).matchAll(STANDARD_HEAD)];
    const head = heads.at(-1);
    if (!head) continue;
    const [indicator] = indicatorsOfItem(`${qualifier[1]}${head[0]}标准`, sentence);
    if (!indicator) continue;
    level.indicator = indicator;
    level.subjectStart = strong.start + (head.index ?? 0);
  }
}

/** A line that is only a qualifier and its amount: 「1.城市：每人每月936元」「(二)农村为每人每年6000元」. */
const QUALIFIER_LINE = /^\s*(?:\d+[.、．]|[(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、)?\s*(城市|城镇|农村)(居民)?[:：]?\s*(为|是)?\s*(每人每[月年]|每人)?\s*$/;

/**
 * Lines under a heading that names a standard (二、特困人员救助供养标准) and only a qualifier each:
 * the heading is their head, as the clause before is in 低保标准城市X元、农村Y元.
 */
export function assignQualifiedUnderHeading(sentence: string, levels: Level[], headingAbove: () => string | undefined): void {
  for (const level of levels) {
    if (level.indicator || !level.quantity.baseUnit.startsWith('元') || level.quantity.magnitude !== 1) continue;
    const qualifier = QUALIFIER_LINE.exec(sentence.slice(0, level.quantity.start));
    if (!qualifier) continue;
    const heading = headingAbove();
    const head = heading && !/城市|城镇|农村/.test(heading) ? [...heading.matchAll(STANDARD_HEAD)].at(-1) : undefined;
    if (!head || !/标准/.test(heading!)) continue;
    const [indicator] = indicatorsOfItem(`${qualifier[1]}${head[0]}标准`, sentence);
    if (!indicator) continue;
    level.indicator = indicator;
    level.subjectStart = 0;
  }
}

function subjectsIn(sentence: string, span: Span): IndicatorDef[] {
  // 城市、农村低保标准: one head shared by two qualifiers names both standards, as 城乡 does.
  const text = withoutInclusionNotes(sentence.slice(span.start, span.end)).replace(/^(将|把|对)/, '').replace(/(城市|城镇)[、和及与]农村/g, '城乡');
  return text.split(/[、和及]/).flatMap((item) => indicatorsOfItem(item, sentence));
}
