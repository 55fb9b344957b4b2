import { describe, expect, it } from 'vitest';
import type { Passage } from '../../src/corpus/types.js';
import { bundledLibrary, readFixture } from '../helpers.js';
import { bigramSearch } from './bigram-baseline.js';

interface Question {
  id: string;
  query: string;
  expect: string[];
  docs: string[];
  kind: string;
}

const questions = readFixture<Question[]>('retrieval-questions.json');
const library = bundledLibrary();

/** Share of a question's expected phrases found in the top k passages, averaged over questions. */
function recallAt(k: number, search: (query: string, limit: number) => Passage[]): number {
  let total = 0;
  for (const question of questions) {
    const top = search(question.query, k);
    const found = question.expect.filter((phrase, i) => top.some((p) => p.doc_id === question.docs[i] && p.text.includes(phrase)));
    total += found.length / question.expect.length;
  }
  return total / questions.length;
}

const jieba = (query: string, limit: number) => library.searchPassages({ query, limit }).map((hit) => hit.passage);
const allPassages = library.reports.flatMap((r) => [...library.passagesOf(r.meta.doc_id)]);
const placeOf = new Map(library.reports.map((r) => [r.meta.doc_id, `${r.meta.place} ${r.meta.place_id}`]));
const baseline = bigramSearch(allPassages, (docId) => placeOf.get(docId) ?? '');

describe('retrieval quality', () => {
  it('has at least 40 questions of every kind', () => {
    expect(questions.length).toBeGreaterThanOrEqual(40);
    for (const kind of ['place', 'synonym', 'number', 'two_city', 'topic']) {
      expect(questions.filter((q) => q.kind === kind).length, kind).toBeGreaterThanOrEqual(5);
    }
  });

  it('reaches recall@5 ≥ 0.9 and beats the character-bigram baseline', () => {
    const figures = {
      questions: questions.length,
      jieba: { recall_at_1: recallAt(1, jieba), recall_at_5: recallAt(5, jieba) },
      bigram_baseline: { recall_at_1: recallAt(1, baseline), recall_at_5: recallAt(5, baseline) },
    };
    process.stderr.write(`retrieval quality: ${JSON.stringify(figures)}\n`);
    expect(figures.jieba.recall_at_5).toBeGreaterThanOrEqual(0.9);
    expect(figures.jieba.recall_at_5).toBeGreaterThanOrEqual(figures.bigram_baseline.recall_at_5);
  });
});
