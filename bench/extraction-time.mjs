#!/usr/bin/env node
// Extraction time on a scale corpus: this build's extractor against another build's, in one process.
//
//   node bench/extraction-time.mjs --corpus /tmp/scale-1000 [--baseline DIR_OF_AN_OLDER_CHECKOUT] [--runs 1]
//
// Reads every report of the corpus (front matter + text), splits it into passages with each build's
// own splitter and times only the extraction (figures from passages), alternating the two builds.
// The baseline is a checkout whose dist/ was built (e.g. `git worktree add /tmp/base <commit>`,
// `npm run build` there); without it only this build is timed.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []),
);
const corpus = args.corpus;
if (!corpus || !fs.existsSync(corpus)) {
  process.stderr.write('usage: node bench/extraction-time.mjs --corpus DIR [--baseline DIR] [--runs N]\n');
  process.exit(2);
}
const runs = Number(args.runs ?? 1);
const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function builder(root) {
  const load = (file) => import(pathToFileURL(path.join(root, 'dist', file)).href);
  const { parseFrontMatter } = await load('corpus/front-matter.js');
  const { cleanReportText } = await load('corpus/clean.js');
  const { splitPassages } = await load('corpus/passages.js');
  const { extractFigures } = await load('indicators/extract.js');
  let places;
  try {
    places = (await load('places/places.js')).loadPlaces();
  } catch {
    places = undefined; // builds before the gazetteer
  }
  return { parseFrontMatter, cleanReportText, splitPassages, extractFigures, places };
}

function prepare(build, files) {
  return files.map((file) => {
    const { fields, body } = build.parseFrontMatter(fs.readFileSync(path.join(corpus, file), 'utf8'));
    const text = build.cleanReportText(body);
    const meta = { doc_id: file, place: fields.place, place_code: '', published: fields.published ?? '', title: '', place_id: '', province: fields.province ?? '', level: fields.level ?? '', source: '', period: '', original: file };
    if (build.places) meta.place_code = build.places.gazetteer.named(fields.place).find((u) => u.name === fields.place)?.code ?? '';
    const report = { meta, text, file };
    return { report, passages: build.splitPassages(file, text) };
  });
}

function time(build, prepared) {
  const started = process.hrtime.bigint();
  let figures = 0;
  for (const { report, passages } of prepared) figures += build.extractFigures(report, passages, build.places).length;
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, figures };
}

const files = fs.readdirSync(corpus).filter((f) => f.endsWith('.md')).sort();
const current = await builder(here);
const baseline = args.baseline ? await builder(path.resolve(args.baseline)) : undefined;
const preparedCurrent = prepare(current, files);
const preparedBaseline = baseline ? prepare(baseline, files) : undefined;
const chars = preparedCurrent.reduce((sum, { report }) => sum + report.text.length, 0);
process.stderr.write(`${files.length} reports, ${(chars / 1e6).toFixed(1)} M characters\n`);
const results = { current: [], baseline: [] };
for (let run = 0; run < runs; run++) {
  if (baseline) results.baseline.push(time(baseline, preparedBaseline));
  results.current.push(time(current, preparedCurrent));
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const report = {
  bench: 'extraction-time',
  reports: files.length,
  current_ms: Math.round(median(results.current.map((r) => r.ms))),
  current_figures: results.current[0].figures,
  ...(baseline
    ? {
        baseline_ms: Math.round(median(results.baseline.map((r) => r.ms))),
        baseline_figures: results.baseline[0].figures,
        ratio: Math.round((median(results.current.map((r) => r.ms)) / median(results.baseline.map((r) => r.ms))) * 100) / 100,
      }
    : {}),
};
process.stdout.write(`BENCH_JSON ${JSON.stringify(report)}\n`);
