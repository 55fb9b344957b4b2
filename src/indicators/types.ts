import type { Citation } from '../corpus/types.js';
import type { FigureRole } from './roles.js';

/** How an indicator's figures are compared across places. */
export type IndicatorKind = 'standard' | 'count' | 'money' | 'rate';

export type Qualifier = 'exact' | 'approx' | 'about_or_more' | 'more_than' | 'nearly' | 'at_least';

export interface IndicatorDef {
  id: string;
  name: string;
  aliases: readonly string[];
  kind: IndicatorKind;
  /** The normalised unit: 元/人/月, 元, 个, 张, %, … */
  unit: string;
  /** What a clause must name for a figure to be this indicator's. */
  subject: RegExp;
  /** Words in the clause that rule the indicator out (a subset, another kind of thing). */
  exclude?: RegExp;
  /** Words the sentence must contain (the topic), when the subject alone is ambiguous. */
  context?: RegExp;
  /** Words in the sentence that rule it out (charity drives counted as assistance …). */
  sentenceExclude?: RegExp;
  /** Words in the figure's clause that rule it out (recipients of a one-off payment). */
  clauseExclude?: RegExp;
  /** For a count of recipients: the benefit named after a verb of receiving ("3702人享受城乡低保"), at the start of what follows it. */
  benefit?: RegExp;
  /** Counters a count may be written with (家 counts as 个 …). */
  counters?: readonly string[];
}

export interface Figure {
  indicator: string;
  /** Full name of the place the figure belongs to: the report's place or a sub-place it names. */
  place: string;
  /** True when the sentence names a sub-place (长葛市, 市区) rather than the report's place. */
  sub_place: boolean;
  /** The place of the report the figure comes from (许昌市 for a figure about 长葛市). */
  report_place: string;
  doc_id: string;
  published: string;
  /** The number as written, before 万/亿. */
  value: number;
  /** The unit as written after the number: 亿元, 万人次, 元/人·月. */
  unit: string;
  /** The figure exactly as the report writes it, hedges included: 约14.05亿元, 1.8万余张. */
  written: string;
  normalized_value: number | null;
  normalized_unit: string;
  qualifier: Qualifier;
  previous?: { value: number; unit: string; year: number | null };
  as_of: number | null;
  /**
   * Where as_of comes from: the sentence itself; the text around it (its section's heading, the
   * sentence before, a date line above); or, failing both, the report's date.
   */
  as_of_source: 'text' | 'context' | 'report' | 'unknown';
  /** `level` is the place's figure; plans, parts of a period or of a whole, computed examples and ranges are kept but marked. */
  role: FigureRole;
  /** `high`: a level with a normalised value. Tools return only these unless asked for the others. */
  confidence: 'high' | 'low';
  /** The words a role other than `level` rests on: 「力争」, 「节后10天」, 「公益类社会组织」. */
  evidence?: string;
  /** Why normalisation is unsafe, or what to mind when comparing. */
  note?: string;
  citation: Citation;
}
