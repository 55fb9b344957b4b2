import { compareIndicator, type ComparisonRow } from '../compare.js';
import type { IndicatorRequest } from '../indicators/resolve.js';
import type { Figure, IndicatorDef } from '../indicators/types.js';
import type { ReportLibrary } from '../library.js';
import type { PassageHit } from '../search/engine.js';
import { asksForChange, asksForQuantity } from '../search/question-words.js';
import type { ChangeFigure } from '../indicators/changes.js';
import { seriesOf } from '../timeline/timeline.js';
import type { Series } from '../timeline/series.js';
import { planQuestion, type QuestionPlan } from './plan.js';
import { topicRows, type TopicRow } from './topic.js';

/** Passages that come with figures or a comparison, and on their own. */
const PASSAGES_BESIDE = 3;
const PASSAGES_ALONE = 5;

export interface AskOptions {
  place?: readonly string[];
  includeUncertain?: boolean;
}

export interface IndicatorRows {
  indicator: IndicatorDef;
  rows: ComparisonRow[];
  missing: { place: string; reason: string }[];
}

export interface AskAnswer {
  plan: QuestionPlan;
  figures: Figure[];
  /** One block per indicator (a family has one per member), or a topic's rows. */
  comparison?: { request?: IndicatorRequest; topic?: string; indicators: IndicatorRows[]; topicRows: TopicRow[]; missing: { place: string; reason: string }[] };
  passages: PassageHit[];
  /** For 提高了多少 / 变化 / 趋势 about an indicator: each place's values by year, and the changes the reports state. */
  timeline?: { series: Series[]; changes: ChangeFigure[] };
  /** What the answer leaves out or is unsure of, in Chinese. */
  notes: string[];
}

/** Answers a question as a person asks it, from the figures, the comparisons and the passages the other tools serve. */
export function answerQuestion(library: ReportLibrary, question: string, options: AskOptions = {}): AskAnswer {
  let plan = planQuestion(library, question, options.place);
  const includeUncertain = options.includeUncertain ?? false;
  const notes = [...plan.caveats];
  const places = plan.places.length > 0 ? plan.places : undefined;
  let figures: Figure[] = [];
  let comparison: AskAnswer['comparison'];

  if (plan.mode === 'figures' && plan.request) {
    figures = plan.places.flatMap((place) => library.indicators.lookup(question, place, includeUncertain).figures);
    // 清水县临时救助 names an indicator but asks for no number: without figures it is a passage question.
    if (figures.length === 0 && !asksForQuantity(question)) plan = { ...plan, mode: 'passages', why: `按全文检索列出${plan.places.join('、')}最相关的段落` };
    else if (figures.length === 0) notes.push(noFigures(library, question, plan, includeUncertain));
  } else if (plan.mode === 'comparison' && plan.request) {
    const targets = plan.places.length >= 2 ? library.places.targets(plan.places) : library.places.targets(undefined);
    const { request, parts } = compareIndicator(library.indicators, question, targets, includeUncertain);
    const indicators = parts.map(({ indicator, comparison: { rows, missing }, presentInstead }) => ({
      indicator,
      rows: plan.lowestFirst ? [...rows].reverse() : rows,
      missing: missing.map((place) => ({
        place,
        reason: presentInstead.has(place) ? `没有${indicator.name},但有${presentInstead.get(place)!.join('、')}` : `报告中没有${indicator.name}的确定数值`,
      })),
    }));
    comparison = { request, indicators, topicRows: [], missing: indicators.flatMap((part) => part.missing) };
    // Places with only a total over several years: shown (marked, cited) beside the comparison, never ranked in it.
    figures = totalsOfMissing(library, indicators);
    if (figures.length > 0) notes.push(`${[...new Set(figures.map((figure) => figure.report_place))].join('、')}只有多年累计数(如十年来),列在 figures 中,不与一年的数比较`);
  } else if (plan.mode === 'topic_comparison') {
    const targets = plan.places.length >= 2 ? library.places.targets(plan.places) : library.places.targets(undefined);
    const { rows, missing } = topicRows(library, question, targets);
    comparison = { topic: question, indicators: [], topicRows: rows, missing };
  }

  const timeline = plan.request && asksForChange(question) ? timelineOf(library, plan, includeUncertain) : undefined;
  const alone = figures.length === 0 && comparison === undefined;
  const passages = library.searchPassages({ query: question, ...(places ? { places } : {}), limit: alone ? PASSAGES_ALONE : PASSAGES_BESIDE });
  if (alone && passages.length === 0) notes.push('报告中没有找到与问题相关的段落');
  return { plan, figures, ...(comparison ? { comparison } : {}), ...(timeline ? { timeline } : {}), passages, notes };
}

function totalsOfMissing(library: ReportLibrary, indicators: readonly IndicatorRows[]): Figure[] {
  return indicators.flatMap(({ indicator, missing }) => {
    const places = new Set(missing.map((entry) => entry.place));
    return library.indicators.figuresOf(indicator.id, true).filter((figure) => figure.role === 'cumulative' && places.has(figure.report_place));
  });
}

/** The series and stated changes of the question's indicator, for the places it names (every place when none). */
function timelineOf(library: ReportLibrary, plan: QuestionPlan, includeUncertain: boolean): AskAnswer['timeline'] {
  const ids = plan.request!.members.map((member) => member.id);
  const places = plan.places.length > 0 ? new Set(plan.places) : undefined;
  return { series: seriesOf(library, ids, places), changes: library.changes.changesOf(new Set(ids), places, includeUncertain) };
}

/** Why a figure question has no figures: none at all, or only uncertain ones the caller did not ask for. */
function noFigures(library: ReportLibrary, question: string, plan: QuestionPlan, includeUncertain: boolean): string {
  const name = plan.request!.family?.name ?? plan.request!.members[0]!.name;
  const where = plan.places.join('、');
  const uncertain = includeUncertain ? 0 : plan.places.flatMap((place) => library.indicators.lookup(question, place, true).figures).length;
  if (uncertain > 0) return `报告中没有${where}「${name}」的确定数值;另有 ${uncertain} 个不确定的数值(计划、部分、区间等),加 include_uncertain: true 可查看。以下是相关段落`;
  return `报告中没有找到${where}「${name}」的数值,以下是相关段落`;
}
