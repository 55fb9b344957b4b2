import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { readFixture } from '../helpers.js';
import { call, connectInMemory } from '../tools/client.js';
import { itemsOfAsk, itemsOfSearch, score, tally, type AskQuestion, type Verdict } from './ask-score.js';

const questions = readFixture<AskQuestion[]>('ask-questions.json');
/** Passages a person reads from a plain search: the baseline `ask` must beat. */
const SEARCH_TOP = 5;

let client: Client;
beforeAll(async () => {
  client = await connectInMemory();
});

async function searchVerdicts(): Promise<Verdict[]> {
  const verdicts: Verdict[] = [];
  for (const question of questions) {
    const result = await call(client, 'search_reports', { query: question.question, limit: SEARCH_TOP, ...(question.place ? { place: question.place } : {}) });
    verdicts.push(score(question, itemsOfSearch(result.structuredContent)));
  }
  return verdicts;
}

async function askVerdicts(): Promise<Verdict[]> {
  const verdicts: Verdict[] = [];
  for (const question of questions) {
    const result = await call(client, 'ask', { question: question.question, ...(question.place ? { place: question.place } : {}) });
    expect(result.isError, `${question.id}: ${JSON.stringify(result.content)}`).toBeFalsy();
    verdicts.push(score(question, itemsOfAsk(result.structuredContent)));
  }
  return verdicts;
}

describe('staff questions', () => {
  it('has at least 40 questions of every kind, each with what a right answer holds', () => {
    expect(questions.length).toBeGreaterThanOrEqual(40);
    for (const kind of ['how_many', 'how_much', 'highest', 'compare', 'how', 'raised']) {
      expect(questions.filter((question) => question.kind === kind).length, kind).toBeGreaterThanOrEqual(5);
    }
    for (const question of questions) expect(question.expect.length, question.id).toBeGreaterThan(0);
  });

  it('are scored for a plain search of the question', async () => {
    const search = await searchVerdicts();
    process.stderr.write(`staff questions, search_reports top ${SEARCH_TOP}: ${JSON.stringify(tally(questions, search))}\n`);
    for (const [i, verdict] of search.entries()) if (!verdict.right) process.stderr.write(`  ${questions[i]!.id} ${questions[i]!.question}: ${verdict.why.join('; ')}\n`);
  });

  it('are answered right by ask far more often than by a plain search', async () => {
    const [search, ask] = [await searchVerdicts(), await askVerdicts()];
    process.stderr.write(`staff questions, ask: ${JSON.stringify(tally(questions, ask))}\n`);
    for (const [i, verdict] of ask.entries()) if (!verdict.right) process.stderr.write(`  ask ${questions[i]!.id} ${questions[i]!.question}: ${verdict.why.join('; ')}\n`);
    const right = (verdicts: Verdict[]) => verdicts.filter((verdict) => verdict.right).length;
    expect(right(ask)).toBeGreaterThan(right(search));
    expect(right(ask) / questions.length).toBeGreaterThanOrEqual(0.9);
    // A wrong figure is worse than a missing one: no answer gives a value the question forbids.
    expect(ask.flatMap((verdict) => verdict.why.filter((why) => why.startsWith('wrong figure')))).toEqual([]);
  });
});
