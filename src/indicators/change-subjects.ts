import { CATALOGUE, indicatorById } from './catalogue.js';
import type { Quantity } from './quantities.js';
import { clauseAt, itemAt, strongSpanAt } from './sentence.js';
import { kindAccepts } from './subjects.js';
import type { IndicatorDef } from './types.js';

/**
 * The indicator a change belongs to: the subject named nearest before it in its clause, or, when
 * its clause names nothing else (年人均增长300元, 增幅为164%, 比2012年增加1486个), the subject of the
 * clauses before it in the same sentence part. A clause with a subject of its own the catalogue
 * does not know (社区干部平均收入增长近9%) gives nothing: the change is not the earlier subject's.
 */

/** Words that make a number an addition: masked when naming its subject (养老床位 excludes 新增 for levels). */
const ADDITION_WORDS = /新增|新建|新成立|新登记|新\(改扩\)建|新（改扩）建/g;
/** 城乡低保 / 城乡特困 name two standards at once. */
const PAIRS: readonly [RegExp, readonly string[]][] = [
  [/城乡(居民)?(低保|最低生活保障)/, ['dibao_urban', 'dibao_rural']],
  [/城乡特困/, ['tekun_urban', 'tekun_rural']],
];
/** A standard named as the base of a multiple is a reference, not the subject. */
const REFERENCE_AFTER = /^[\u4e00-\u9fff]{0,4}的\d+(\.\d+)?倍/;
/** A change of a ratio per head (每万人拥有持证社工数…增长11倍) is not a change of the count. */
const PER_HEAD = /每万人|每千人|每百人|每千名|每百户|占比|比例|覆盖率|达标率/;
/** What a clause may say besides its change without naming a subject of its own. */
const LEAD_WORDS =
  /(截至|截止)?\d{4}年(底|末|以来|的)?|(比|较|与|同)(\d{4}年|上年|去年|上一年)(底|末|同期)?(相比)?|同比|在[^，,]{0,12}基础上|[\d一二两三四五六七八九十]+年(来|间)|(过去|近)[\d一二两三四五六七八九十]+年|年均|年人均|月人均|人均|每人每[月年]|每[月年]|平均|分别|统一|均|(保障|供养|生活|补助)?标准|累计|共|了|达到?|为|将|再|又|逐年|连续|整体|大幅|全市|全县|全区|全省|目前|今年|当年|全年|已|提高|增加|增长率?|减少|下降|提升|上调|降低|增幅|涨幅|上涨|新增|新建|近|约|超过|逾|以上|和|、/g;

export interface ChangeSubject {
  indicator: IndicatorDef;
  subjectStart: number;
}

interface Named {
  indicators: IndicatorDef[];
  start: number;
}

function maskAdditions(sentence: string): string {
  return sentence.replace(ADDITION_WORDS, (match) => '#'.repeat(match.length));
}

/** An average payment (补助水平, 补差) is not the standard: an item naming one names no catalogue subject. */
const AVERAGE = /补助水平|补差|人均补助|平均补助|救助水平/;

/**
 * Changes in %, 倍 or 百分点 can be of any indicator; amounts only of indicators counted in their
 * unit, read over the subject's item and the change's clause (每人每月 may stand by the subject). A
 * money total moves by 万元 or 亿元: a bare 元 amount is a standard's change.
 */
function accepts(indicator: IndicatorDef, quantity: Quantity, text: string, relative: boolean): boolean {
  if (relative) return true;
  if (indicator.kind === 'money' && quantity.magnitude === 1) return false;
  return kindAccepts(indicator, quantity, text);
}

/** The indicators named in text[from, to), one entry per enumeration item, in order. */
function namedIn(sentence: string, masked: string, from: number, to: number, accept: (def: IndicatorDef, item: string) => boolean): Named[] {
  const named: Named[] = [];
  for (const match of masked.slice(from, to).matchAll(/[^、和及与，,；;：:]+/g)) {
    const item = match[0];
    const start = from + (match.index ?? 0);
    if (AVERAGE.test(item)) {
      named.push({ indicators: [], start });
      continue;
    }
    const pair = PAIRS.find(([pattern]) => pattern.test(item));
    if (pair) {
      const at = pair[0].exec(item)!;
      const members = pair[1].map((id) => indicatorById(id)!).filter((def) => accept(def, item));
      if (members.length === 2 && !REFERENCE_AFTER.test(item.slice(at.index + at[0].length))) {
        named.push({ indicators: members, start: start + at.index });
        continue;
      }
    }
    let best: { def: IndicatorDef; at: number; length: number } | undefined;
    for (const def of CATALOGUE) {
      const found = def.subject.exec(item);
      if (!found || !accept(def, item) || (def.exclude?.test(item) ?? false)) continue;
      if (!(def.context?.test(sentence) ?? true) || (def.sentenceExclude?.test(sentence) ?? false)) continue;
      if (REFERENCE_AFTER.test(item.slice(found.index + found[0].length))) continue;
      if (!best || found[0].length > best.length) best = { def, at: found.index, length: found[0].length };
    }
    if (best) named.push({ indicators: [best.def], start: start + best.at });
  }
  return named;
}

/** Whether a clause's words before its change name no subject of their own. */
function leadIsBare(lead: string): boolean {
  // 比2012年的220元增长了186%: the base's own value names nothing either.
  const rest = lead.replace(LEAD_WORDS, '').replace(/的?\d+(\.\d+)?[万亿]?(元|个|家|张|户|人次|人|名|对|%)?/g, '');
  return rest.replace(/[^\u4e00-\u9fff]/g, '').length <= 1;
}

/**
 * Subjects for a run of changes joined in one clause (增幅为164%和230%; 分别提高120元、252元): the
 * named subjects in order when they are as many as the changes, else the nearest for each.
 */
export function subjectsOfChanges(sentence: string, run: readonly Quantity[], relative: boolean): ChangeSubject[][] {
  const first = run[0]!;
  const masked = maskAdditions(sentence);
  const clause = clauseAt(sentence, first.numberStart);
  const strong = strongSpanAt(sentence, first.numberStart);
  const clauseText = sentence.slice(clause.start, clause.end);
  const accept = (def: IndicatorDef, item: string) => accepts(def, first, `${item}，${clauseText}`, relative);
  if (PER_HEAD.test(sentence.slice(Math.max(strong.start, clause.start - 30), first.start))) return run.map(() => []);
  let named = namedIn(sentence, masked, clause.start, first.start, accept);
  if (named.length === 0 && leadIsBare(sentence.slice(clause.start, first.start))) {
    named = namedIn(sentence, masked, strong.start, clause.start, accept);
  }
  if (named.length === 0) named = namedAfter(sentence, masked, first, accept);
  // The nearest subject names an average payment: the change is of that, not of an earlier standard.
  if (named.at(-1)?.indicators.length === 0) return run.map(() => []);
  named = named.filter((entry) => entry.indicators.length > 0);
  const flat = named.flatMap((entry) => entry.indicators.map((indicator) => ({ indicator, subjectStart: entry.start })));
  if (flat.length === 0) return run.map(() => []);
  if (run.length > 1 && flat.length >= run.length) {
    const distinct = [...new Map(flat.map((entry) => [entry.indicator.id, entry])).values()];
    if (distinct.length >= run.length) return distinct.slice(-run.length).map((subject) => [subject]);
  }
  // One change after 城乡低保: the same change of both standards.
  const last = named.at(-1)!;
  if (run.length === 1) return [last.indicators.map((indicator) => ({ indicator, subjectStart: last.start }))];
  return run.map(() => [{ indicator: last.indicators[0]!, subjectStart: last.start }]);
}

/** "新增3家养老机构": the thing counted right after the number, in the same item. */
function namedAfter(sentence: string, masked: string, quantity: Quantity, accept: (def: IndicatorDef, item: string) => boolean): Named[] {
  const item = itemAt(sentence, quantity.numberStart);
  const after = masked.slice(quantity.end, Math.min(item.end, quantity.end + 12));
  if (/已|建|完成|实现|开展|为|是|达|有/.test(after)) return [];
  return namedIn(sentence, masked, quantity.end, quantity.end + after.length, accept);
}
