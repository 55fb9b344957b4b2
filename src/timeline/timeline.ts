import { changePeriodOf } from '../indicators/change-period.js';
import type { Figure } from '../indicators/types.js';
import type { ReportLibrary } from '../library.js';
import { simplify } from '../text/simplify.js';
import { buildSeries, type Series } from './series.js';

/**
 * Series from the library: the confident levels of some indicators (in reports of some places),
 * with the year of a from→to's earlier value read, when the text gives none, from the period the
 * sentence spans (5年来, 十年来) — only when that period ends at the figure's own year.
 */
/** Levels (the confident figures), or totals over several years (十年来累计…), which are never mixed with them. */
export type SeriesKind = 'level' | 'cumulative';

export function seriesOf(library: ReportLibrary, indicatorIds: Iterable<string>, reportPlaces?: ReadonlySet<string>, kind: SeriesKind = 'level'): Series[] {
  const figures = [...new Set(indicatorIds)]
    .flatMap((id) => (kind === 'level' ? library.indicators.figuresOf(id) : library.indicators.figuresOf(id, true).filter((figure) => figure.role === 'cumulative')))
    .filter((figure) => reportPlaces === undefined || reportPlaces.has(figure.report_place));
  return buildSeries(figures, (figure) => previousYearFromPeriod(library, figure));
}

function previousYearFromPeriod(library: ReportLibrary, figure: Figure): number | null {
  if (!figure.previous || figure.as_of === null) return null;
  const { start, quote } = figure.citation;
  const passage = library.passagesOf(figure.doc_id).find((candidate) => candidate.start <= start && start < candidate.end);
  const at = quote.indexOf(String(figure.previous.value));
  if (!passage || at < 0) return null;
  const reportYear = Number(/^(\d{4})/.exec(figure.published)?.[1] ?? NaN);
  const period = changePeriodOf(simplify(passage.text), 0, 0, start - passage.start + at, Number.isNaN(reportYear) ? null : reportYear);
  return period.from !== null && period.to === figure.as_of ? period.from : null;
}
