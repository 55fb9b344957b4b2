import { splitPassages } from '../corpus/passages.js';
import type { Report } from '../corpus/types.js';
import { changesInPassage, type ChangeMeasure } from '../indicators/changes.js';
import { indicatorById } from '../indicators/catalogue.js';
import { extractFromPassage } from '../indicators/extract.js';
import { valueOffset, yearStated } from '../indicators/figure.js';
import { changePeriodOf } from '../indicators/change-period.js';
import type { Figure, IndicatorDef, Qualifier } from '../indicators/types.js';
import type { Places } from '../places/places.js';
import type { PlaceUnit } from '../places/types.js';
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
  /** The earlier value of a from→to (由520元提高到700元): checked against values before the newest when its year is not known. */
  previous?: boolean;
  /** For a from-value: the to-value it rose to, in the indicator's unit. */
  paired_value?: number | null;
  /** plan, subset …: the statement itself does not claim a level. */
  role: string;
  /** The sentence of the statement the claim comes from, and where the number stands in the statement. */
  sentence: string;
  start: number;
  end: number;
}

interface Mention {
  at: number;
  end: number;
  place?: string;
  problem?: string;
  units: readonly PlaceUnit[];
}

/** Places a sentence names: full names of any unit, short names of provinces and cities, short names of corpus places. */
function mentionsIn(sentence: string, places: Places, registry: PlaceRegistry): Mention[] {
  const found: Mention[] = [];
  for (const mention of places.mentions.find(sentence)) {
    const name = sentence.slice(mention.start, mention.end);
    const corpus = registry.find(name);
    if (mention.form === 'county_short' && !corpus) continue;
    // 北京市朝阳区: a parent written right before a shared name tells which unit it is.
    const parent = found.at(-1);
    const inside = parent?.end === mention.start && parent.units.length === 1 ? mention.units.filter((unit) => places.gazetteer.isWithin(unit, parent.units[0]!)) : [];
    const units = inside.length > 0 ? inside : mention.units;
    const at = { at: mention.start, end: mention.end, units };
    if (corpus) found.push({ ...at, place: corpus.name });
    else if (units.length === 1) found.push({ ...at, place: units[0]!.name });
    else found.push({ ...at, problem: `"${name}"可指多个地方: ${units.map((unit) => `${unit.name}(${unit.code})`).join('、')}` });
  }
  return found;
}

/**
 * Place names written over with a neutral mark of the same length before the statement is read:
 * "许昌市低保标准" is then "···低保标准", whose subject the catalogue knows (a report says 全市低保标准),
 * and offsets are unchanged. 市区 after a place stays: it is the urban part.
 */
function maskPlaces(text: string, places: Places, registry: PlaceRegistry): string {
  let masked = text;
  for (const mention of mentionsIn(text, places, registry)) masked = masked.slice(0, mention.at) + '·'.repeat(mention.end - mention.at) + masked.slice(mention.end);
  return masked;
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
  const text = maskPlaces(simplify(statement), places, registry);
  const report = statementReport(text, presentYear);
  const unmasked = simplify(statement);
  // Lookarounds (the sentence before, whether a sentence names a place) read the statement with its places.
  const context = { report, year: presentYear, places, searchText: unmasked };
  const claims: Claim[] = [];
  let carried: Mention | undefined;
  for (const passage of splitPassages('statement', text)) {
    const mentions = mentionsIn(unmasked.slice(passage.start, passage.end), places, registry);
    const placeAt = (offset: number): Mention | undefined => mentions.filter((m) => m.at < offset).at(-1) ?? mentions[0] ?? carried;
    for (const figure of extractFromPassage(passage, context)) {
      const at = passage.text.indexOf(figure.written, figure.citation.start - passage.start);
      const mention = placeAt(at);
      const indicator = indicatorById(figure.indicator)!;
      claims.push({
        kind: 'level',
        indicator,
        ...placeOf(mention, figure.sub_place && figure.place.endsWith('市区')),
        year: yearStated(figure) ? figure.as_of : null,
        value: figure.normalized_value,
        raw_value: figure.value * (figure.unit.startsWith('亿') ? 1e8 : figure.unit.startsWith('万') ? 1e4 : 1),
        written: statement.slice(passage.start + at, passage.start + at + figure.written.length),
        qualifier: figure.qualifier,
        role: figure.role,
        sentence: statement.slice(passage.start, passage.end),
        start: passage.start + at,
        end: passage.start + at + figure.written.length,
      });
      const earlier = previousClaim(claims.at(-1)!, figure, passage.text, passage.start, statement, presentYear);
      if (earlier) claims.push(earlier);
    }
    const yearsWritten = [...passage.text.matchAll(/((?:19|20)\d{2})年/g)].map((match) => Number(match[1]));
    for (const change of changesInPassage(passage, context)) {
      const at = passage.text.indexOf(change.written, change.citation.start - passage.start);
      claims.push({
        kind: 'change',
        indicator: indicatorById(change.indicator)!,
        ...placeOf(placeAt(at), change.sub_place && change.place.endsWith('市区')),
        // The end of a change's period counts only when the statement writes it (比2012年增加: from 2012, to unsaid).
        year: change.period_to !== null && change.period_to !== change.period_from && yearsWritten.includes(change.period_to) ? change.period_to : null,
        value: change.delta,
        raw_value: change.delta,
        written: statement.slice(passage.start + at, passage.start + at + change.written.length),
        qualifier: change.qualifier,
        measure: change.measure,
        // 十年来 counts from the year the statement speaks from, which is only assumed: a start year counts when written.
        period_from: change.period_from !== null && yearsWritten.includes(change.period_from) ? change.period_from : null,
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

/** The from-value of a from→to as a claim of its own, at its year (written, or the start of 5年来), in the unit of the to-value. */
function previousClaim(to: Claim, figure: Figure, sentence: string, offset: number, statement: string, presentYear: number | null): Claim | undefined {
  const previous = figure.previous;
  if (!previous || previous.unit !== figure.unit || figure.value === 0) return undefined;
  const at = sentence.lastIndexOf(String(previous.value), valueOffset(figure, offset));
  if (at < 0) return undefined;
  const period = changePeriodOf(sentence, 0, 0, at, presentYear);
  const year = previous.year ?? (period.from !== null && period.to === figure.as_of ? period.from : null);
  const magnitude = previous.unit.startsWith('亿') ? 1e8 : previous.unit.startsWith('万') ? 1e4 : 1;
  const end = at + String(previous.value).length + previous.unit.length;
  return {
    ...to,
    year,
    value: to.value === null ? null : Math.round(((previous.value * to.value) / figure.value) * 100) / 100,
    raw_value: previous.value * magnitude,
    written: statement.slice(offset + at, offset + end),
    qualifier: 'exact',
    previous: true,
    paired_value: to.value,
    start: offset + at,
    end: offset + end,
  };
}

function placeOf(mention: Mention | undefined, urbanPart: boolean): { place?: string; place_problem?: string } {
  if (!mention) return {};
  if (mention.problem) return { place_problem: mention.problem };
  return { place: urbanPart ? `${mention.place}市区` : mention.place };
}
