import { compareAcrossPlaces, type Comparison } from '../compare.js';
import { groupBy } from '../group-by.js';
import type { PlaceRegistry } from '../corpus/places.js';
import { CATALOGUE, indicatorById } from './catalogue.js';
import { resolveIndicator } from './resolve.js';
import type { Figure, IndicatorDef } from './types.js';

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

  figuresOf(indicatorId: string): readonly Figure[] {
    return this.byIndicator.get(indicatorId) ?? [];
  }

  /** Places whose reports hold a value for the indicator. */
  placesWith(indicatorId: string): string[] {
    return [...new Set(this.figuresOf(indicatorId).map((figure) => figure.report_place))];
  }

  /** Figures of an indicator (newest first), optionally for one place. */
  lookup(indicatorInput: string, placeInput?: string): { indicator: IndicatorDef; figures: Figure[] } {
    const indicator = resolveIndicator(indicatorInput);
    const place = placeInput === undefined ? undefined : this.places.resolve(placeInput).name;
    const figures = this.figuresOf(indicator.id)
      .filter((figure) => place === undefined || figure.report_place === place)
      .sort((a, b) => a.report_place.localeCompare(b.report_place, 'zh') || (b.as_of ?? 0) - (a.as_of ?? 0));
    return { indicator, figures };
  }

  compare(indicatorInput: string, placeInputs?: readonly string[]): { indicator: IndicatorDef; comparison: Comparison } {
    const indicator = resolveIndicator(indicatorInput);
    const places = placeInputs ? placeInputs.map((input) => this.places.resolve(input).name) : this.places.places.map((p) => p.name);
    const fallback = UNIFIED_FALLBACK[indicator.id];
    const related = fallback && indicatorById(fallback.id) ? this.figuresOf(fallback.id) : [];
    return { indicator, comparison: compareAcrossPlaces(places, this.figuresOf(indicator.id), related, fallback?.note) };
  }
}
