#!/usr/bin/env node
import fs from 'node:fs';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { barChartText } from '../charts/terminal.js';
import { readConfig } from '../config.js';
import { isValidDocId } from '../corpus/load.js';
import { cleanReportText } from '../corpus/clean.js';
import { META_KEYS, serializeFrontMatter } from '../corpus/front-matter.js';
import type { ReportMeta } from '../corpus/types.js';
import { stderrLogger } from '../log.js';
import { openLibrary, rebuildIndex } from '../open-library.js';
import type { ReportLibrary } from '../library.js';
import { createServer } from '../server/create-server.js';
import { checkCorpusContent, markForRebuild } from '../start/corpus-check.js';
import { LibraryHolder } from '../start/library-holder.js';
import { comparisonCharts, type ChartRow } from '../server/tools/compare-chart.js';

const USAGE = `usage: npm run ask -- <command> [arguments] [--corpus DIR] [--store minisearch|sqlite]
  "各地城市低保标准比较" [--place 许昌]   a question as you would ask it (anything that is not a command)
  search "许昌 低保标准" [--place 许昌] [--from 2022] [--to 2025] [--limit 8]
  reports                         list the reports
  doc <doc_id>                    print a report's cleaned text
  passage <passage_id> [--context 2]
  indicators                      list the indicators and where they have values
  lookup 城市低保标准 [--place 许昌]
  compare 城市低保标准 [--places 许昌,镇江]     one row per place, normalised, cited
  compare --topic "智慧养老" [--places 许昌,镇江]
  index [--update]                rebuild the index (npm run index); --update: bring it up to date
                                  (a SQLite store re-indexes only the corpus files changed)
  index --check                   hash every corpus file and compare with the index (an edit that
                                  kept size and mtime too); exit 1 and mark it for rebuild if any differs
  import <file> --doc-id ID --place 许昌市 [--place-id xuchang --province 河南省 --level city
         --published 2025-09 --source 出处 --period 2020-2025 --title 标题]
                                  clean a report and add it to the corpus with its metadata`;

const COMMANDS = new Set(['search', 'reports', 'doc', 'passage', 'indicators', 'lookup', 'compare', 'index', 'import']);

interface ParsedArgs {
  positional: string[];
  options: Map<string, string>;
}

function parseArgs(argv: readonly string[]): ParsedArgs {
  const positional: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg.startsWith('--')) {
      options.set(arg.slice(2), argv[i + 1] ?? '');
      i++;
    } else positional.push(arg);
  }
  return { positional, options };
}

/** Tool calls go through a real MCP client, so the CLI prints what a chat client would show (and `then` adds to it). */
async function callTool(name: string, args: Record<string, unknown>, then?: (result: CallToolResult, library: ReportLibrary) => void): Promise<boolean> {
  const library = openLibrary(readConfig(process.argv.slice(2), process.env), stderrLogger);
  const server = createServer({ holder: LibraryHolder.ready(library), logger: stderrLogger });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name: 'minzheng-cli', version: '1' });
  await Promise.all([server.connect(serverSide), client.connect(clientSide)]);
  const result = await client.callTool({ name, arguments: args });
  for (const block of result.content as { type: string; text?: string }[]) {
    if (block.type === 'text') console.log(block.text);
  }
  if (!result.isError) then?.(result as CallToolResult, library);
  await client.close();
  return !result.isError;
}

/** `index --check`: the full content check a server runs after its handshake, on demand. */
async function checkIndex(): Promise<number> {
  const config = readConfig(process.argv.slice(2), process.env);
  const library = openLibrary(config, stderrLogger);
  const found = await checkCorpusContent(library, config.corpusDir);
  const cost = `${found.files} files, ${(found.bytes / 1048576).toFixed(1)} MB hashed in ${Math.round(found.ms)} ms`;
  if (found.differences.length === 0) {
    console.log(`the index matches the corpus in ${config.corpusDir} (${cost})`);
    return 0;
  }
  const marked = markForRebuild(library, config.indexDir, found.differences);
  console.log(`the index differs from the corpus in ${config.corpusDir}: ${found.differences.join(', ')} (${cost})`);
  console.log(marked ? 'marked for rebuild: the next start (or index --update) rebuilds it' : 'rebuild it with: index');
  return 1;
}

/** The ranking of an indicator comparison as bars in the terminal, under the table. */
function printBarCharts(result: CallToolResult, library: ReportLibrary): void {
  const rows = (result.structuredContent as { rows?: ChartRow[] } | undefined)?.rows ?? [];
  for (const chart of comparisonCharts(rows, library, true)) console.log(`\n${barChartText(chart)}`);
}

function numberOption(options: Map<string, string>, name: string): number | undefined {
  const value = options.get(name);
  return value === undefined ? undefined : Number(value);
}

function importReport(file: string, options: Map<string, string>): void {
  const place = options.get('place');
  const docId = options.get('doc-id');
  if (!place || !docId) throw new Error('import needs --doc-id and --place');
  if (!isValidDocId(docId)) throw new Error(`--doc-id "${docId}" is not allowed: use letters (Chinese too), digits, - _ and inner dots`);
  const text = cleanReportText(fs.readFileSync(file, 'utf8'));
  const meta = Object.fromEntries(META_KEYS.map((key) => [key, options.get(key.replace('_', '-')) ?? ''])) as unknown as ReportMeta;
  meta.doc_id = docId;
  meta.original = path.basename(file);
  meta.title ||= text.split('\n')[0] ?? docId;
  meta.place_id ||= place.replace(/(市|县|区)$/, '');
  const config = readConfig(process.argv.slice(2), process.env);
  const target = path.join(config.corpusDir, `${docId}.md`);
  if (path.dirname(path.resolve(target)) !== path.resolve(config.corpusDir)) throw new Error(`refusing to write outside the corpus folder ${config.corpusDir}`);
  fs.writeFileSync(target, serializeFrontMatter(meta, text));
  console.log(`wrote ${target} (${text.length} characters); run npm run index to rebuild the index`);
}

async function main(argv: readonly string[]): Promise<number> {
  const { positional, options } = parseArgs(argv);
  const [command, first] = positional;
  if (command !== undefined && !COMMANDS.has(command)) {
    const question = positional.join(' ');
    return (await callTool('ask', { question, ...(options.has('place') ? { place: options.get('place') } : {}) })) ? 0 : 1;
  }
  switch (command) {
    case 'search':
      if (!first) break;
      return (await callTool('search_reports', {
        query: first,
        ...(options.has('place') ? { place: options.get('place')?.split(/[,，]/) } : {}),
        ...(options.has('from') ? { published_from: numberOption(options, 'from') } : {}),
        ...(options.has('to') ? { published_to: numberOption(options, 'to') } : {}),
        ...(options.has('limit') ? { limit: numberOption(options, 'limit') } : {}),
      }))
        ? 0
        : 1;
    case 'reports':
      return (await callTool('list_reports', {})) ? 0 : 1;
    case 'doc':
      if (!first) break;
      return (await callTool('get_document', { doc_id: first })) ? 0 : 1;
    case 'passage':
      if (!first) break;
      return (await callTool('get_passage', {
        passage_id: first,
        ...(options.has('context') ? { context: numberOption(options, 'context') } : {}),
      }))
        ? 0
        : 1;
    case 'indicators':
      return (await callTool('list_indicators', {})) ? 0 : 1;
    case 'lookup':
      if (!first) break;
      return (await callTool('lookup_indicator', { indicator: first, ...(options.has('place') ? { place: options.get('place') } : {}) })) ? 0 : 1;
    case 'compare': {
      const subject = options.has('topic') ? { topic: options.get('topic') } : first ? { indicator: first } : undefined;
      if (!subject) break;
      const places = options.get('places')?.split(/[,，]/);
      return (await callTool('compare_cities', { ...subject, ...(places ? { places } : {}) }, printBarCharts)) ? 0 : 1;
    }
    case 'index':
      if (options.has('check')) return checkIndex();
      if (options.has('update')) openLibrary(readConfig(argv, process.env), stderrLogger);
      else rebuildIndex(readConfig(argv, process.env), stderrLogger);
      return 0;
    case 'import':
      if (!first) break;
      importReport(first, options);
      return 0;
  }
  console.error(USAGE);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`error: ${(error as Error).message}`);
    process.exit(1);
  },
);
