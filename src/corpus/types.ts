/** Metadata of one report, as kept in the front matter of its corpus file. */
export interface ReportMeta {
  doc_id: string;
  title: string;
  /** Full Chinese name of the place the report is about: 许昌市, 清水县. */
  place: string;
  /** Stable Latin or Chinese id of the place: xuchang. */
  place_id: string;
  /** GB/T 2260 code of the place (411000); empty when the gazetteer does not hold the header's place. */
  place_code: string;
  province: string;
  /** city | county | district | province */
  level: string;
  /** ISO date, year-month or year. */
  published: string;
  source: string;
  period: string;
  /** File name of the original the cleaned text comes from. */
  original: string;
}

/** A report ready to be indexed: metadata plus the cleaned text citations point into. */
export interface Report {
  meta: ReportMeta;
  text: string;
  /** Corpus file the report was read from (base name). */
  file: string;
}

/** A sentence-sized span of a report's cleaned text. */
export interface Passage {
  passage_id: string;
  doc_id: string;
  /** Position of the passage within its report (0-based), for context lookups. */
  ordinal: number;
  start: number;
  end: number;
  text: string;
}

export interface CorpusProblem {
  file: string;
  reason: string;
}

/** A place the server chose for a file without a header, and how sure it is. */
export interface PlaceGuess {
  file: string;
  place: string;
  province: string;
  confident: boolean;
  why: string;
}

/** Where a figure or passage stands: report(doc_id).text.slice(start, end) === quote. */
export interface Citation {
  doc_id: string;
  start: number;
  end: number;
  quote: string;
}
