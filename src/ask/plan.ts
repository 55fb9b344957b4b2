import { resolveIndicators, type IndicatorRequest } from '../indicators/resolve.js';
import type { IndicatorDef } from '../indicators/types.js';
import type { ReportLibrary } from '../library.js';
import { MinzhengError } from '../errors.js';
import { asksForComparison, asksForLowest, asksForQuantity, FRAME_WORDS } from '../search/question-words.js';

/** How a question is answered: an indicator's figures for a place, a comparison across places, or passages. */
export type AskMode = 'figures' | 'comparison' | 'topic_comparison' | 'passages';

export interface QuestionPlan {
  mode: AskMode;
  /** Corpus places the question or the `place` argument names (full names). */
  places: string[];
  /** The indicator or family the question names, when it names one whose unit fits the question. */
  request?: IndicatorRequest;
  /** 最少/最低: a ranking read from the bottom. */
  lowestFirst: boolean;
  /** Why this mode, in Chinese, for the person and the model. */
  why: string;
  /** What the server chose not to answer with, and why (an indicator whose unit does not fit). */
  caveats: string[];
}

/** What a question's counter asks for (多少人 → people): the units an indicator must have to answer it. */
const COUNTERS: { pattern: RegExp; label: string; fits: (unit: string) => boolean }[] = [
  { pattern: /多少(?:个|家|所|处)|几(?:个|家|所|处)/, label: '个数', fits: (unit) => unit === '个' },
  { pattern: /多少(?:人次|名|人)|几(?:名|人)/, label: '人数', fits: (unit) => unit === '人' || unit === '人次' },
  { pattern: /多少张|几张/, label: '张数', fits: (unit) => unit === '张' },
  { pattern: /多少户|几户/, label: '户数', fits: (unit) => unit === '户' },
  { pattern: /多少对|几对/, label: '对数', fits: (unit) => unit === '对' },
  { pattern: /多少钱|多少元|多少资金|多少经费/, label: '金额', fits: (unit) => unit.startsWith('元') },
];

/** The kind of answer a question's counter asks for, when the indicator's unit cannot give it. */
function counterConflict(question: string, indicator: IndicatorDef): string | undefined {
  const asked = COUNTERS.find((counter) => counter.pattern.test(question));
  if (!asked || asked.fits(indicator.unit)) return undefined;
  return `问题问的是${asked.label},而「${indicator.name}」的单位是${indicator.unit},没有把它的数值当作答案`;
}

/**
 * The places a question names, as corpus places: its own places by any name (许昌, 清水县); a
 * full name of any other unit (北京市, 河南省) or a province's short name (河南) through the
 * registry, which expands an area to the places inside it with reports and refuses a place
 * without any (没有关于北京市的报告), so no other place's figure answers for it.
 */
function placesNamedIn(library: ReportLibrary, question: string): string[] {
  const named: string[] = [];
  for (const term of library.tokenizer.tokenize(question)) {
    const own = library.places.find(term);
    if (own) named.push(own.name);
    else if (namesUnit(library, term)) named.push(...library.places.expand([term]));
  }
  return [...new Set(named)];
}

/** A unit's unique full name, or the short name of exactly one province-level unit (河南, 北京; not 河南蒙古族自治县). */
function namesUnit(library: ReportLibrary, term: string): boolean {
  if (term.length < 2) return false;
  const units = library.places.gazetteer.named(term);
  const full = units.filter((unit) => unit.name === term);
  const topShort = units.filter((unit) => unit.parent === '' && unit.short === term);
  return full.length === 1 || topShort.length === 1;
}

/** An indicator the question names (the longest catalogue name inside it), or none. */
function indicatorIn(question: string): IndicatorRequest | undefined {
  try {
    return resolveIndicators(question);
  } catch {
    return undefined;
  }
}

/**
 * Decides how to answer: an indicator and one place → its figures; an indicator with 各地,
 * 哪个…最高, 比较, two places or none → a comparison; a topic with 各地 or 比较 → each place's best
 * passage; anything else → passages. Passages come with every mode.
 */
export function planQuestion(library: ReportLibrary, question: string, placeArgument: readonly string[] | undefined): QuestionPlan {
  const places = [...new Set([...(placeArgument ? library.places.expand(placeArgument) : []), ...placesNamedIn(library, question)])];
  const comparing = asksForComparison(question) || places.length >= 2;
  const caveats: string[] = [];
  let request = indicatorIn(question);
  const conflict = request && request.members.map((member) => counterConflict(question, member)).find((text) => text !== undefined);
  if (conflict) {
    caveats.push(conflict);
    request = undefined;
  }
  const lowestFirst = asksForLowest(question);
  const name = request && (request.family?.name ?? request.members[0]!.name);
  if (request && comparing) {
    const scope = places.length >= 2 ? places.join('、') : '各地';
    return { mode: 'comparison', places, request, lowestFirst, why: `问题问的是${scope}的「${name}」比较:按指标列出每地一行(统一单位,${lowestFirst ? '从低到高' : '从高到低'}),附相关段落`, caveats };
  }
  if (request && places.length === 1) {
    return { mode: 'figures', places, request, lowestFirst, why: `问题问的是${places[0]}的「${name}」:按指标查出数值,附相关段落`, caveats };
  }
  if (request && asksForQuantity(question)) {
    return { mode: 'comparison', places, request, lowestFirst, why: `问题问「${name}」而没有指明地方:列出每地一行,附相关段落`, caveats };
  }
  if (comparing) {
    const topicWords = library.tokenizer.tokenize(question).filter((term) => !FRAME_WORDS.has(term) && library.places.find(term) === undefined && !namesUnit(library, term));
    if (topicWords.length === 0) {
      throw new MinzhengError('BAD_ARGUMENT', `问题没有说比较什么 (the question "${question.slice(0, 50)}" names nothing to compare): add an indicator or a topic, e.g. "各地城市低保标准比较", "哪个城市社会组织最多", "各地智慧养老比较".`);
    }
    return { mode: 'topic_comparison', places, lowestFirst, why: '问题要比较各地的做法(不是目录中的指标):列出每地最相关的段落,不够相关的地方列入 missing', caveats };
  }
  const topic = request ? `问题提到「${name}」但不是问数值:` : '';
  return { mode: 'passages', places, ...(request ? { request } : {}), lowestFirst, why: `${topic}按全文检索列出最相关的段落${places.length ? `(限于${places.join('、')})` : ''}`, caveats };
}
