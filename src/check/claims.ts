import { splitPassages } from '../corpus/passages.js';
import type { Report } from '../corpus/types.js';
import { changesInPassage, type ChangeMeasure } from '../indicators/changes.js';
import { indicatorById } from '../indicators/catalogue.js';
import { extractFromPassage } from '../indicators/extract.js';
import type { IndicatorDef, Qualifier } from '../indicators/types.js';
import type { Places } from '../places/places.js';
import type { PlaceRegistry } from '../places/registry.js';
import { simplify } from '../text/simplify.js';

/**
 * What a draft claims, read with the same stages that read the reports: the statement is treated
 * as a one-page report, so its numbers get the same quantities, roles, indicators, periods and
 * normalisation (每人每年5040元 → 420 元/人/月) as the reports' figures. The place of each number is
 * the place named last before it (or, failing that, in the sentences before).
 */
export interface Claim {
  kind: 'level' | 'change';
  indicator: IndicatorDef;
  /** Full name of the place claimed; undefined when the statement names none. */
  place?: string;
  /** Why the place could not be read: a name several places share. */
  place_problem?: string;
  /** The year the statement gives (null: none, the claim is about the present). */
  year: number | null;
  /** Level: in the indicator's unit (null when the period of a standard is not stated). Change: the delta as written. */
  value: number | null;
  /** The number as written with 万/亿 multiplied out. */
  raw_value: number;
  written: string;
  qualifier: Qualifier;
  measure?: ChangeMeasure;
  period_from?: number | null;
  /** plan, subset …: the statement itself does not claim a level. */
  role: string;
  /** The sentence of the statement the claim comes from, and where the number stands in the statement. */
  sentence: string;
  start: number;
  end: number;
}

interface Mention {
  at: number;
  place?: string;
  problem?: string;
}

/** Places a sentence names: full names of any unit, short names of provinces and cities, short names of corpus places. */
function mentionsIn(sentence: string, places: Places, registry: PlaceRegistry): Mention[] {
  const found: Mention[] = [];
  for (const mention of places.mentions.find(sentence)) {
    const name = sentence.slice(mention.start, mention.end);
    const corpus = registry.find(name);
    if (mention.form === 'county_short' && !corpus) continue;
    if (corpus) found.push({ at: mention.start, place: corpus.name });
    else if (mention.units.length === 1) found.push({ at: mention.start, place: mention.units[0]!.name });
    else found.push({ at: mention.start, problem: `"${name}"可指多个地方: ${mention.units.map((unit) => unit.name).join('、')}` });
  }
  return found;
}

function statementReport(text: string, year: number | null): Report {
  const meta = { doc_id: 'statement', title: '', place: '某地', place_id: '', place_code: '', province: '', level: 'city', published: year === null ? '' : String(year), source: '', period: '', original: '' };
  return { meta, text, file: '' };
}

/**
 * Every number of a statement that names an indicator. `presentYear` is the year the statement
 * speaks from (到2025年 after it is a plan); its levels without a year of their own get none.
 */
export function claimsIn(statement: string, places: Places, registry: PlaceRegistry, presentYear: number | null): Claim[] {
  const text = simplify(statement);
  const report = statementReport(text, presentYear);
  const context = { report, year: presentYear, places, searchText: text };
  const claims: Claim[] = [];
  let carried: Mention | undefined;
  for (const passage of splitPassages('statement', text)) {
    const mentions = mentionsIn(passage.text, places, registry);
    const placeAt = (offset: number): Mention | undefined => mentions.filter((m) => m.at < offset).at(-1) ?? mentions[0] ?? carried;
    for (const figure of extractFromPassage(passage, context)) {
      const at = passage.text.indexOf(figure.written, figure.citation.start - passage.start);
      const mention = placeAt(at);
      const indicator = indicatorById(figure.indicator)!;
      claims.push({
        kind: 'level',
        indicator,
        ...placeOf(mention, figure.sub_place && figure.place.endsWith('市区')),
        year: figure.as_of_source === 'text' ? figure.as_of : null,
        value: figure.normalized_value,
        raw_value: figure.value * (figure.unit.startsWith('亿') ? 1e8 : figure.unit.startsWith('万') ? 1e4 : 1),
        written: statement.slice(passage.start + at, passage.start + at + figure.written.length),
        qualifier: figure.qualifier,
        role: figure.role,
        sentence: statement.slice(passage.start, passage.end),
        start: passage.start + at,
        end: passage.start + at + figure.written.length,
      });
    }
    for (const change of changesInPassage(passage, context)) {
      const at = passage.text.indexOf(change.written, change.citation.start - passage.start);
      claims.push({
        kind: 'change',
        indicator: indicatorById(change.indicator)!,
        ...placeOf(placeAt(at), change.sub_place && change.place.endsWith('市区')),
        year: change.period_to !== presentYear || /\d{4}年/.test(passage.text) ? change.period_to : null,
        value: change.delta,
        raw_value: change.delta,
        written: statement.slice(passage.start + at, passage.start + at + change.written.length),
        qualifier: change.qualifier,
        measure: change.measure,
        period_from: change.period_from,
        role: change.role,
        sentence: statement.slice(passage.start, passage.end),
        start: passage.start + at,
        end: passage.start + at + change.written.length,
      });
    }
    if (mentions.length > 0) carried = mentions.at(-1);
  }
  return claims.sort((a, b) => a.start - b.start);
}

function placeOf(mention: Mention | undefined, urbanPart: boolean): { place?: string; place_problem?: string } {
  if (!mention) return {};
  if (mention.problem) return { place_problem: mention.problem };
  return { place: urbanPart ? `${mention.place}市区` : mention.place };
}
