import type { PlaceRegistry } from '../places/registry.js';
import { CATALOGUE, indicatorById } from './catalogue.js';
import { resolveIndicators, type IndicatorRequest } from './resolve.js';
import type { FigureSource } from '../store/types.js';
import type { Figure, IndicatorDef } from './types.js';

/** A standard for city and countryside alike answers for either when a place has no separate one. */
const UNIFIED_FALLBACK: Record<string, { id: string; note: string }> = {
  dibao_urban: { id: 'dibao_unified', note: '该地为城乡统一低保标准,未单列城市标准' },
  dibao_rural: { id: 'dibao_unified', note: '该地为城乡统一低保标准,未单列农村标准' },
};

/** The extracted figures, by indicator and place: what list/lookup/compare tools read. */
export class IndicatorBook {
  constructor(
    private readonly figures: FigureSource,
    readonly places: PlaceRegistry,
  ) {}

  /** The standard that stands in for an indicator a place does not state (城乡统一 for 城市/农村), and the note that says so. */
  fallbackOf(indicatorId: string): { id: string; note: string } | undefined {
    const fallback = UNIFIED_FALLBACK[indicatorId];
    return fallback && indicatorById(fallback.id) ? fallback : undefined;
  }

  get catalogue(): readonly IndicatorDef[] {
    return CATALOGUE;
  }

  /** An indicator's figures: the confident levels, or every figure extracted (plans, parts, ranges … marked). */
  figuresOf(indicatorId: string, includeUncertain = false): readonly Figure[] {
    const all = this.figures.figuresOf(indicatorId);
    return includeUncertain ? all : all.filter((figure) => figure.confidence === 'high');
  }

  /** Places whose reports hold a value for the indicator. */
  placesWith(indicatorId: string): string[] {
    return [...new Set(this.figuresOf(indicatorId).map((figure) => figure.report_place))];
  }

  /** Figures of an indicator or of every member of a family (newest first), optionally for one place or area. */
  lookup(indicatorInput: string, placeInput?: string, includeUncertain = false): { request: IndicatorRequest; figures: Figure[] } {
    const request = resolveIndicators(indicatorInput);
    const members = new Set(request.members.map((member) => member.id));
    const places = placeInput === undefined ? undefined : new Set(this.places.expand([placeInput]));
    const figures = [...members]
      .flatMap((id) => this.figuresOf(id, includeUncertain))
      .filter((figure) => places === undefined || places.has(figure.report_place))
      .sort((a, b) => a.report_place.localeCompare(b.report_place, 'zh') || (b.as_of ?? 0) - (a.as_of ?? 0));
    return { request, figures };
  }


}
