import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { answerQuestion, type AskAnswer } from '../../ask/answer.js';
import type { Citation } from '../../corpus/types.js';
import { indicatorById } from '../../indicators/catalogue.js';
import type { Figure } from '../../indicators/types.js';
import { citationOf } from '../../library.js';
import type { PassageHit } from '../../search/engine.js';
import { fittingCount } from '../budget.js';
import type { ServerDeps } from '../deps.js';
import { formatCitation } from '../format.js';
import { asList, citationSchema } from '../schemas.js';
import { READ_ONLY, runTool } from '../tool-result.js';
import { changeSchema, changeTable, toChangeMatch } from './change-output.js';
import { seriesSchema, seriesTable, toSeriesMatch } from './series-output.js';
import { describeFigure, includeUncertainArgument, indicatorRefSchema, qualifierSchema, requestRef } from './indicator-output.js';

/** Fresh schemas per use: a shared object becomes a `$ref` some clients cannot follow. */
const figureSchema = () =>
  z.object({
    indicator: z.string().describe('Indicator id (a member when a family such as 低保标准 was asked for)'),
    place: z.string(),
    published: z.string(),
    value: z.number().describe('The number as written'),
    unit: z.string().describe('Unit as written'),
    written: z.string().describe('The figure exactly as the report writes it; the quote contains it'),
    normalized_value: z.number().nullable(),
    normalized_unit: z.string(),
    previous: z.object({ value: z.number(), unit: z.string(), year: z.number().nullable() }).optional().describe('The earlier level when the text says "from A to B"'),
    as_of: z.number().nullable().describe('Year the figure holds for'),
    qualifier: qualifierSchema,
    confidence: z.enum(['high', 'low']),
    note: z.string().optional(),
    citation: citationSchema(),
  });

const rowSchema = () =>
  z.object({
    indicator: z.string().optional().describe('Indicator id of the row (absent for a topic)'),
    place: z.string(),
    normalized_value: z.number().nullable().optional(),
    written: z.string().optional().describe('The figure as the report writes it'),
    as_of: z.number().nullable().optional(),
    published: z.string(),
    score: z.number().optional().describe('For a topic: the passage\'s relevance'),
    note: z.string().describe('What to mind when comparing this row; empty when nothing'),
    citation: citationSchema(),
  });

const passageSchema = () =>
  z.object({
    passage_id: z.string().describe('For get_passage (context); the text is citation.quote'),
    place: z.string(),
    published: z.string(),
    score: z.number(),
    citation: citationSchema(),
  });

const outputSchema = {
  question: z.string(),
  answered_with: z.array(z.enum(['figures', 'comparison', 'passages'])).describe('What the answer holds'),
  why: z.string().describe('Why the server answered this way (Chinese)'),
  places: z.array(z.string()).describe('Places the question or the place argument named'),
  indicator: indicatorRefSchema.optional().describe('The catalogue indicator (or family) the question names'),
  figures: z.array(figureSchema()),
  comparison: z
    .object({
      indicator: z.string().optional(),
      topic: z.string().optional(),
      normalized_unit: z.string().optional(),
      rows: z.array(rowSchema()).describe('Ranked; the first row answers 哪个最高'),
      missing: z.array(z.object({ places: z.array(z.string()), reason: z.string() })).describe('Places left out, grouped by why'),
    })
    .optional(),
  series: z.array(seriesSchema()).optional().describe('For 提高了多少/变化/趋势: each place\'s values of the indicator by year, each cited'),
  changes: z.array(changeSchema()).optional().describe('For 提高了多少/变化/趋势: the changes the reports state (提高50元, 增长9.9%), not levels'),
  passages: z.array(passageSchema()),
  notes: z.array(z.string()).describe('What the answer leaves out or is unsure of'),
};

function figureRow(figure: Figure) {
  return {
    indicator: figure.indicator,
    place: figure.place,
    published: figure.published,
    value: figure.value,
    unit: figure.unit,
    written: figure.written,
    normalized_value: figure.normalized_value,
    normalized_unit: figure.normalized_unit,
    ...(figure.previous ? { previous: figure.previous } : {}),
    as_of: figure.as_of,
    qualifier: figure.qualifier,
    confidence: figure.confidence,
    ...(figure.note ? { note: figure.note } : {}),
    citation: figure.citation,
  };
}

function passageRow(hit: PassageHit) {
  return { passage_id: hit.passage.passage_id, place: hit.report.meta.place, published: hit.report.meta.published, score: Math.round(hit.score * 1000) / 1000, citation: citationOf(hit.passage) };
}

interface Row {
  indicator?: string;
  place: string;
  normalized_value?: number | null;
  written?: string;
  as_of?: number | null;
  published: string;
  score?: number;
  note: string;
  citation: Citation;
}

function comparisonOf(answer: AskAnswer) {
  const comparison = answer.comparison;
  if (!comparison) return undefined;
  const rows: Row[] = [
    ...comparison.indicators.flatMap(({ indicator, rows }) =>
      rows.map(({ place, figure, notes }) => ({
        indicator: indicator.id,
        place,
        normalized_value: figure.normalized_value,
        written: figure.written,
        as_of: figure.as_of,
        published: figure.published,
        note: notes.join(';'),
        citation: figure.citation,
      })),
    ),
    ...comparison.topicRows.map(({ place, hit }) => ({ place, published: hit.report.meta.published, score: Math.round(hit.score * 1000) / 1000, note: '', citation: citationOf(hit.passage) })),
  ];
  const ref = comparison.request && requestRef(comparison.request);
  return { ...(ref ? { indicator: ref.id, normalized_unit: ref.unit } : {}), ...(comparison.topic ? { topic: comparison.topic } : {}), rows, missing: byReason(comparison.missing) };
}

/** Places left out, one entry per reason: a hundred places without a figure is one reason, not a hundred. */
function byReason(missing: readonly { place: string; reason: string }[]): { places: string[]; reason: string }[] {
  const groups = new Map<string, string[]>();
  for (const { place, reason } of missing) groups.set(reason, [...(groups.get(reason) ?? []), place]);
  return [...groups].map(([reason, places]) => ({ places, reason }));
}

/** What a person reads: the figures or the table first, then the passages, each with its citation. */
function textOf(answer: AskAnswer, structured: { comparison?: ReturnType<typeof comparisonOf> }): string {
  const lines = [`【${answer.plan.why}】`];
  for (const [i, figure] of answer.figures.entries()) lines.push(`${i + 1}. ${figure.place}:${describeFigure(figure)}\n   引用 ${formatCitation(figure.citation)} 「${figure.citation.quote}」`);
  const comparison = structured.comparison;
  if (comparison) {
    for (const [i, row] of comparison.rows.entries()) {
      const value = row.written !== undefined ? `${row.normalized_value ?? '无法折算'} ${comparison.normalized_unit ?? ''}(原文 ${row.written})` : '';
      lines.push(`${i + 1}. ${row.place}${row.indicator && answer.comparison?.request?.family ? `·${indicatorById(row.indicator)?.name ?? row.indicator}` : ''}:${value}${row.note ? `\n   注:${row.note}` : ''}\n   引用 ${formatCitation(row.citation)} 「${row.citation.quote}」`);
    }
    if (comparison.missing.length) lines.push(`没有列入的地方:${comparison.missing.map((m) => `${m.places.join('、')}(${m.reason})`).join(';')}`);
  }
  if (answer.timeline) {
    const { series, changes } = answer.timeline;
    lines.push(series.length ? `历年数值:\n${seriesTable(series)}` : '没有可排成时间序列的数值');
    if (changes.length) lines.push(`报告写明的变化量(不是水平值):\n${changeTable(changes)}`);
  }
  for (const note of answer.notes) lines.push(`注意:${note}`);
  if (answer.passages.length) lines.push('相关段落:');
  for (const [i, hit] of answer.passages.entries()) lines.push(`${i + 1}. 【${hit.report.meta.place}｜${hit.report.meta.published}】${hit.passage.text}\n   引用 ${formatCitation(citationOf(hit.passage))}`);
  return lines.join('\n');
}

/** Figures, then comparison rows, cut to what fits the token budget beside the rest; a note says how many were left out and where to find them. */
function withinBudget<T extends { figures: unknown[]; comparison?: { rows: unknown[] }; notes: string[] }>(structured: T): T {
  const figures = structured.figures.slice(0, fittingCount(structured.figures, { ...structured, figures: [], comparison: structured.comparison && { ...structured.comparison, rows: [] } }));
  const notes = [...structured.notes];
  if (figures.length < structured.figures.length) notes.push(`为控制篇幅只列出 ${figures.length}/${structured.figures.length} 个数值,其余请用 lookup_indicator 分页查看`);
  const comparison = structured.comparison;
  const rows = comparison ? comparison.rows.slice(0, fittingCount(comparison.rows, { ...structured, figures, notes, comparison: { ...comparison, rows: [] } })) : [];
  if (comparison && rows.length < comparison.rows.length) notes.push(`为控制篇幅只列出 ${rows.length}/${comparison.rows.length} 行,其余请用 compare_cities 分页查看`);
  const trimmed = { ...structured, figures, ...(comparison ? { comparison: { ...comparison, rows } } : {}), notes };
  for (const key of ['series', 'changes'] as const) {
    const list = (trimmed as { series?: unknown[]; changes?: unknown[] })[key];
    if (!list) continue;
    const kept = list.slice(0, fittingCount(list, { ...trimmed, [key]: [] }));
    if (kept.length < list.length) notes.push(`为控制篇幅只列出 ${kept.length}/${list.length} 条${key === 'series' ? '时间序列' : '变化量'},其余请用 lookup_indicator 的 include 查看`);
    (trimmed as Record<string, unknown>)[key] = kept;
  }
  return trimmed;
}

export function registerAskTool(server: McpServer, { holder, logger }: ServerDeps): void {
  server.registerTool(
    'ask',
    {
      title: '提问 Ask a question',
      description:
        'Answers a question about the reports as a person would type it, in Chinese, e.g. "许昌市养老服务设施有多少", ' +
        '"各地城市低保标准比较", "哪个城市社会组织最多", "清水县临时救助怎么做的". It decides between an indicator\'s figures ' +
        'for a place, a comparison across places (one row per place, ranked, places without a value in `missing` with the ' +
        'reason) and passages, says which and why, and returns them together, each with a citation. Only confident figures ' +
        'unless include_uncertain. Use the other tools to go further (get_passage for context, compare_cities for options).',
      inputSchema: {
        question: z.string().min(1).max(200).describe('The question in Chinese, e.g. "镇江有多少家养老机构" or "各地福彩公益金比较"'),
        place: z.string().min(1).max(400).optional().describe('Only these places: "许昌", "许昌市", "xuchang", "411000"; several separated by , ， or 、 ("许昌、镇江")'),
        include_uncertain: includeUncertainArgument.optional(),
      },
      outputSchema,
      annotations: READ_ONLY,
    },
    ({ question, place, include_uncertain }) =>
      runTool(logger, () => {
        const library = holder.library();
        const answer = answerQuestion(library, question, { place: asList(place), includeUncertain: include_uncertain ?? false });
        const comparison = comparisonOf(answer);
        const answeredWith = [...(answer.figures.length ? ['figures' as const] : []), ...(comparison ? ['comparison' as const] : []), ...(answer.passages.length ? ['passages' as const] : [])];
        const request = answer.plan.request;
        const structured = {
          question,
          answered_with: answeredWith,
          why: answer.plan.why,
          places: answer.plan.places,
          ...(request ? { indicator: requestRef(request) } : {}),
          figures: answer.figures.map(figureRow),
          ...(comparison ? { comparison } : {}),
          ...(answer.timeline ? { series: answer.timeline.series.map(toSeriesMatch), changes: answer.timeline.changes.map(toChangeMatch) } : {}),
          passages: answer.passages.map(passageRow),
          notes: answer.notes,
        };
        return { structured: withinBudget(structured), text: textOf(answer, structured) };
      }),
  );
}
