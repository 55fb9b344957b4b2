/**
 * Mechanical scoring of answers to the staff question set (tests/fixtures/ask-questions.json):
 * an answer is right when every expected quote stands in a citation of the expected report (a
 * figure or comparison row must also carry the expected value; a passage shows the sentence) and
 * no figure it gives has a value the question forbids (a change or an earlier level read as now).
 */

export interface Expectation {
  doc_id: string;
  /** A span the citation's quote must contain. */
  quote: string;
  /** The normalised value a figure or row citing that span must carry. */
  value?: number;
  /** The first item of the answer must meet it (哪个最高). */
  top?: boolean;
}

export interface AskQuestion {
  id: string;
  kind: 'how_many' | 'how_much' | 'highest' | 'compare' | 'how' | 'raised';
  question: string;
  place?: string;
  expect: Expectation[];
  /** Values no figure of the answer may give. */
  forbid?: number[];
}

/** One cited thing an answer shows, in the order a reader meets it. */
export interface AnswerItem {
  source: 'row' | 'figure' | 'passage';
  doc_id: string;
  quote: string;
  values: number[];
}

interface Cited {
  citation: { doc_id: string; quote: string };
  value?: number;
  normalized_value?: number | null;
}

function item(source: AnswerItem['source'], cited: Cited): AnswerItem {
  const values = [cited.value, cited.normalized_value].filter((v): v is number => typeof v === 'number');
  return { source, doc_id: cited.citation.doc_id, quote: cited.citation.quote, values };
}

/** search_reports: its passages, best first. */
export function itemsOfSearch(structured: unknown): AnswerItem[] {
  const { results } = structured as { results: Cited[] };
  return results.map((result) => item('passage', result));
}

/** ask: the comparison's rows first (ranked), then figures, then passages. */
export function itemsOfAsk(structured: unknown): AnswerItem[] {
  const answer = structured as { comparison?: { rows: Cited[] }; figures?: Cited[]; passages?: Cited[] };
  return [
    ...(answer.comparison?.rows ?? []).map((row) => item('row', row)),
    ...(answer.figures ?? []).map((figure) => item('figure', figure)),
    ...(answer.passages ?? []).map((passage) => item('passage', passage)),
  ];
}

function meets(candidate: AnswerItem, expectation: Expectation): boolean {
  if (candidate.doc_id !== expectation.doc_id || !candidate.quote.includes(expectation.quote)) return false;
  return candidate.source === 'passage' || expectation.value === undefined || candidate.values.includes(expectation.value);
}

export interface Verdict {
  right: boolean;
  /** What was missing or wrong, for the report. */
  why: string[];
}

export function score(question: AskQuestion, items: readonly AnswerItem[]): Verdict {
  const why: string[] = [];
  for (const expectation of question.expect) {
    const pool = expectation.top ? items.slice(0, 1) : items;
    if (!pool.some((candidate) => meets(candidate, expectation))) {
      why.push(`${expectation.top ? 'not first' : 'missing'}: ${expectation.doc_id} 「${expectation.quote}」${expectation.value !== undefined ? ` = ${expectation.value}` : ''}`);
    }
  }
  for (const forbidden of question.forbid ?? []) {
    const wrong = items.find((candidate) => candidate.source !== 'passage' && candidate.values.includes(forbidden));
    if (wrong) why.push(`wrong figure ${forbidden} from 「${wrong.quote.slice(0, 40)}」`);
  }
  return { right: why.length === 0, why };
}

/** Right answers by kind, and in all. */
export function tally(questions: readonly AskQuestion[], verdicts: readonly Verdict[]): Record<string, string> {
  const kinds = [...new Set(questions.map((question) => question.kind)), 'all'];
  return Object.fromEntries(
    kinds.map((kind) => {
      const picked = questions.map((question, i) => [question, verdicts[i]!] as const).filter(([question]) => kind === 'all' || question.kind === kind);
      return [kind, `${picked.filter(([, verdict]) => verdict.right).length}/${picked.length}`];
    }),
  );
}
