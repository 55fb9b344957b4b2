import { FAMILIES } from '../indicators/families.js';
import { resolveIndicators } from '../indicators/resolve.js';
import type { ReportLibrary } from '../library.js';
import type { LibraryHolder } from '../start/library-holder.js';
import { placeKey } from '../places/resolve.js';

/** The most suggestions one answer carries (the SDK cuts at 100 and says hasMore). */
const MAX_SUGGESTIONS = 50;

/** A name a suggestion can be found by, and what is suggested for it. */
interface Entry {
  keys: string[];
  /** Latin keys (ids, pinyin) are suggested as typed; Chinese ones by the entry's own name. */
  latin?: string;
  value: string;
}

/** Separators of a list of places in one string, as the place arguments accept them. */
const LIST_SEPARATOR = /[,，、]/;

/**
 * Suggestions for prompt arguments and the report URI template (`completion/complete`): indicator
 * names and aliases, places (full and short names, pinyin, codes) and doc_ids. Entries that start
 * with what was typed come first, then those that contain it; an empty value lists everything.
 */
export class Completions {
  private indicatorEntries: Entry[] | undefined;
  private placeEntries: Entry[] | undefined;

  /** Nothing is read until the first request: a server that is never asked pays nothing at start. */
  constructor(private readonly holder: LibraryHolder) {}

  /** While the index is being built there is nothing to suggest: every answer is empty, none waits. */
  private get library(): ReportLibrary {
    return this.holder.library();
  }

  private get ready(): boolean {
    return this.holder.readyLibrary() !== undefined;
  }

  indicators(typed: string): string[] {
    if (!this.ready) return [];
    return rank(this.indicatorIndex(), typed);
  }

  /** Families (低保标准) first: the name people use; then members, those with values in the corpus first. */
  private indicatorIndex(): Entry[] {
    if (this.indicatorEntries) return this.indicatorEntries;
    const { indicators } = this.library;
    const withValues = (id: string) => indicators.placesWith(id).length > 0;
    const catalogue = [...indicators.catalogue].sort((a, b) => Number(withValues(b.id)) - Number(withValues(a.id)));
    this.indicatorEntries = [
      ...FAMILIES.flatMap((family) => [family.name, ...family.aliases].map((name) => ({ keys: [name], value: name }))),
      ...catalogue.flatMap((indicator) => [
        ...[indicator.name, ...indicator.aliases].map((name) => ({ keys: [name], value: name })),
        { keys: [indicator.id], latin: indicator.id, value: indicator.name },
      ]),
    ];
    return this.indicatorEntries;
  }

  /**
   * One place or a list: the last item of "许昌、镇" is completed ("许昌、镇江市") and places already
   * named are left out. Places with a value for `indicator` (when it names one) come first.
   */
  places(typed: string, indicator?: string): string[] {
    if (!this.ready) return [];
    const cut = Math.max(...[...typed.matchAll(new RegExp(LIST_SEPARATOR, 'g'))].map((match) => match.index + 1), 0);
    const head = typed.slice(0, cut);
    const named = new Set(head.split(LIST_SEPARATOR).map((item) => this.library.places.find(item.trim())?.name ?? item.trim()));
    const preferred = new Set(this.placesWithValues(indicator));
    const entries = this.placeIndex().filter((entry) => !named.has(entry.value));
    const ordered = [...entries.filter((entry) => preferred.has(entry.value)), ...entries.filter((entry) => !preferred.has(entry.value))];
    return rank(ordered, typed.slice(cut).trim()).map((value) => head + value);
  }

  /** doc_ids by their own text or by their place's names ("许昌" → xuchang-2021, xuchang-2025). */
  docIds(typed: string): string[] {
    if (!this.ready) return [];
    const entries = this.library.reports.map(({ meta }) => {
      const place = this.library.places.find(meta.place_code || meta.place) ?? this.library.places.find(meta.place);
      return { keys: [meta.doc_id, meta.place, place?.short ?? '', meta.place_id].filter(Boolean), latin: meta.doc_id, value: meta.doc_id };
    });
    return rank(entries, typed);
  }

  private placesWithValues(indicator: string | undefined): string[] {
    if (!indicator?.trim()) return [];
    try {
      return resolveIndicators(indicator).members.flatMap((member) => this.library.indicators.placesWith(member.id));
    } catch {
      return []; // an indicator still being typed orders nothing
    }
  }

  /** The corpus's places, then the provinces and cities that contain them (a filter on those covers the places inside). */
  private placeIndex(): Entry[] {
    if (this.placeEntries) return this.placeEntries;
    const { places } = this.library;
    const own: Entry[] = places.places.map((place) => ({ keys: [place.name, place.short, place.id, place.code].filter(Boolean), latin: place.id, value: place.name }));
    const areas = new Map<string, Entry>();
    const gazetteer = places.places.some((place) => place.code) ? places.gazetteer : undefined;
    for (const place of places.places) {
      const unit = gazetteer?.byCodeOf(place.code);
      for (let parent = unit && gazetteer?.parentOf(unit); parent && gazetteer; parent = gazetteer.parentOf(parent)) {
        if (!areas.has(parent.code) && !own.some((entry) => entry.value === parent!.name)) {
          areas.set(parent.code, { keys: [parent.name, parent.short, parent.id, parent.code], latin: parent.id, value: parent.name });
        }
      }
    }
    this.placeEntries = [...own, ...areas.values()];
    return this.placeEntries;
  }
}

/** Entries whose keys start with the typed text, then those containing it; each value once. */
function rank(entries: readonly Entry[], typed: string): string[] {
  const wanted = placeKey(typed);
  const starts: string[] = [];
  const contains: string[] = [];
  for (const entry of entries) {
    const keys = entry.keys.map(placeKey);
    const suggestion = (key: string) => (entry.latin !== undefined && key === placeKey(entry.latin) && /^[a-z0-9_]/.test(wanted) ? entry.latin : entry.value);
    const start = keys.find((key) => key.startsWith(wanted));
    if (start !== undefined) starts.push(suggestion(start));
    else {
      const inside = keys.find((key) => key.includes(wanted));
      if (inside !== undefined) contains.push(suggestion(inside));
    }
  }
  return [...new Set([...starts, ...contains])].slice(0, MAX_SUGGESTIONS);
}
