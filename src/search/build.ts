import MiniSearch from 'minisearch';
import { loadCorpus } from '../corpus/load.js';
import { splitPassages } from '../corpus/passages.js';
import type { Passage, Report } from '../corpus/types.js';
import { groupBy } from '../group-by.js';
import { extractFigures } from '../indicators/extract.js';
import type { Figure } from '../indicators/types.js';
import type { Logger } from '../log.js';
import type { Places } from '../places/places.js';
import { simplify } from '../text/simplify.js';
import type { Tokenizer } from '../text/tokenizer.js';
import { corpusStamps, currentVersions, dictionaryHashes } from './freshness.js';
import { miniSearchOptions, type PassageDocument } from './options.js';
import type { Manifest, TermStats } from './types.js';
import { INDEX_FORMAT, PIPELINE_VERSION } from './versions.js';

export interface BuiltIndex {
  manifest: Manifest;
  reports: Report[];
  passages: Passage[];
  figures: Figure[];
  miniSearch: MiniSearch<PassageDocument>;
  /** Every dictionary word jieba can use on the indexed text: the query dictionary keeps these. */
  dictionaryWords: Set<string>;
  /** How many passages hold each term: query planning reads it (engine.ts). */
  termStats: TermStats;
}



/** The names of a report's place (许昌市 许昌 xuchang 河南省): their words join the query dictionary. */
export function placeNames(report: Report, places: Places): string {
  const { place, place_id, place_code, province } = report.meta;
  const unit = place_code ? places.gazetteer.byCodeOf(place_code) : undefined;
  return [place, unit?.short, place_id, province].filter(Boolean).join(' ');
}

/** Reads, cleans, splits and indexes a corpus folder. Unusable files are listed, not fatal. */
export function buildIndex(corpusDir: string, tokenizer: Tokenizer, logger: Logger, places: Places): BuiltIndex {
  const hashes = corpusStamps(corpusDir);
  const { reports, problems, guesses, decoded } = loadCorpus(places, corpusDir);
  reportCorpusNotes(logger, { problems, guesses });
  for (const { file, encoding } of decoded) logger.info(`${file}: read as ${encoding} (not UTF-8)`);
  const passages = reports.flatMap((report) => splitPassages(report.meta.doc_id, report.text));
  const documentFrequency = new Map<string, number>();
  const countingTokenize = (text: string): string[] => {
    const tokens = tokenizer.tokenize(text);
    for (const token of new Set(tokens)) documentFrequency.set(token, (documentFrequency.get(token) ?? 0) + 1);
    return tokens;
  };
  const miniSearch = new MiniSearch<PassageDocument>(miniSearchOptions(countingTokenize));
  const progressStep = Math.max(1, Math.floor(passages.length / 10));
  const dictionaryWords = new Set<string>();
  const collectWords = (text: string) => {
    for (const word of tokenizer.dictionaryWordsIn(text)) dictionaryWords.add(word);
  };
  for (const report of reports) collectWords(placeNames(report, places));
  // Traditional characters are indexed as simplified ones (same length: offsets are unchanged).
  const searchText = new Map(reports.map((report) => [report.meta.doc_id, simplify(report.text)]));
  passages.forEach((passage, id) => {
    const text = searchText.get(passage.doc_id)?.slice(passage.start, passage.end);
    if (text === undefined) return;
    collectWords(text);
    miniSearch.add({ id, text });
    if (id % 200 === 0) logger.progress?.(id, passages.length, 'passages');
    if (passages.length > 5000 && id % progressStep === 0) {
      logger.info(`indexing passages: ${Math.round((100 * id) / passages.length)}%`);
    }
  });
  const passagesByDoc = groupBy(passages, (passage) => passage.doc_id);
  const figures = reports.flatMap((report) => extractFigures(report, passagesByDoc.get(report.meta.doc_id) ?? [], places, searchText.get(report.meta.doc_id)));
  const manifest: Manifest = {
    format: INDEX_FORMAT,
    pipeline: PIPELINE_VERSION,
    built_at: new Date().toISOString(),
    versions: currentVersions(),
    corpus: hashes,
    dictionaries: dictionaryHashes(),
    problems,
    guesses,
    counts: {
      reports: reports.length,
      passages: passages.length,
      characters: reports.reduce((sum, report) => sum + report.text.length, 0),
      figures: figures.length,
    },
  };
  const termStats: TermStats = { passages: passages.length, documentFrequency: Object.fromEntries(documentFrequency) };
  return { manifest, reports, passages, figures, miniSearch, dictionaryWords, termStats };
}

/** What a build or a warm start says about the files it skipped and the places it guessed. */
export function reportCorpusNotes(logger: Logger, notes: Pick<Manifest, 'problems' | 'guesses'>): void {
  for (const problem of notes.problems) logger.warn(`skipping ${problem.file}: ${problem.reason}`);
  const guesses = notes.guesses ?? [];
  for (const guess of guesses.filter((g) => !g.confident)) {
    logger.warn(`${guess.file}: no header; place guessed as ${guess.place} (${guess.province}) on weak evidence: ${guess.why}. Add a header (place: …) if this is wrong.`);
  }
  const sure = guesses.filter((g) => g.confident);
  if (sure.length > 0) logger.info(`${sure.length} file(s) without a header placed from their text: ${sure.map((g) => `${g.file} → ${g.place}`).join(', ')}`);
}
