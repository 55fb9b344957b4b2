import { compareAcrossPlaces, type Comparison } from '../compare.js';
import { groupBy } from '../group-by.js';
import type { PlaceRegistry } from '../places/registry.js';
import { CATALOGUE, indicatorById } from './catalogue.js';
import { resolveIndicator } from './resolve.js';
import type { Figure, IndicatorDef } from './types.js';
import { LEVEL_NAMES } from '../places/levels.js';
import type { PlaceLevel } from '../places/types.js';

/** A standard for city and countryside alike answers for either when a place has no separate one. */
const UNIFIED_FALLBACK: Record<string, { id: string; note: string }> = {
  dibao_urban: { id: 'dibao_unified', note: '该地为城乡统一低保标准,未单列城市标准' },
  dibao_rural: { id: 'dibao_unified', note: '该地为城乡统一低保标准,未单列农村标准' },
};

/** The extracted figures, by indicator and place: what list/lookup/compare tools read. */
export class IndicatorBook {
  private readonly byIndicator: Map<string, Figure[]>;

  constructor(
    figures: readonly Figure[],
    private readonly places: PlaceRegistry,
  ) {
    this.byIndicator = groupBy(figures, (figure) => figure.indicator);
  }

  get catalogue(): readonly IndicatorDef[] {
    return CATALOGUE;
  }

  /** An indicator's figures: the confident levels, or every figure extracted (plans, parts, ranges … marked). */
  figuresOf(indicatorId: string, includeUncertain = false): readonly Figure[] {
    const all = this.byIndicator.get(indicatorId) ?? [];
    return includeUncertain ? all : all.filter((figure) => figure.confidence === 'high');
  }

  /** Places whose reports hold a value for the indicator. */
  placesWith(indicatorId: string): string[] {
    return [...new Set(this.figuresOf(indicatorId).map((figure) => figure.report_place))];
  }

  /** Figures of an indicator (newest first), optionally for one place. */
  lookup(indicatorInput: string, placeInput?: string, includeUncertain = false): { indicator: IndicatorDef; figures: Figure[] } {
    const indicator = resolveIndicator(indicatorInput);
    const places = placeInput === undefined ? undefined : new Set(this.places.expand([placeInput]));
    const figures = this.figuresOf(indicator.id, includeUncertain)
      .filter((figure) => places === undefined || places.has(figure.report_place))
      .sort((a, b) => a.report_place.localeCompare(b.report_place, 'zh') || (b.as_of ?? 0) - (a.as_of ?? 0));
    return { indicator, figures };
  }

  /** One row per place (default: every corpus place) for an indicator. */
  compare(
    indicatorInput: string,
    places: readonly string[] = this.places.targets(undefined),
    includeUncertain = false,
  ): { indicator: IndicatorDef; comparison: Comparison } {
    const indicator = resolveIndicator(indicatorInput);
    const fallback = UNIFIED_FALLBACK[indicator.id];
    const related = fallback && indicatorById(fallback.id) ? this.figuresOf(fallback.id, includeUncertain) : [];
    const comparison = compareAcrossPlaces(places, this.figuresOf(indicator.id, includeUncertain), related, fallback?.note);
    noteMixedLevels(comparison, (name) => this.places.levelOf(name));
    return { indicator, comparison };
  }
}

/** Rows of places at different levels (a city beside a county) say so: their figures differ in kind. */
function noteMixedLevels(comparison: Comparison, levelOf: (name: string) => PlaceLevel | undefined): void {
  const levels = new Map(comparison.rows.map((row) => [row.place, levelOf(row.place)]));
  const distinct = new Set([...levels.values()].filter((level) => level !== undefined));
  if (distinct.size < 2) return;
  for (const row of comparison.rows) {
    const level = levels.get(row.place);
    if (level) row.notes.push(`比较对象行政级别不同(本行为${LEVEL_NAMES[level]},另有${[...distinct].filter((l) => l !== level).map((l) => LEVEL_NAMES[l]).join('、')})`);
  }
}
