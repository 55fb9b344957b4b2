import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { compareIndicator as compareFigures } from '../../compare.js';
import { MinzhengError } from '../../errors.js';
import { citationOf, type ReportLibrary } from '../../library.js';
import { topicRows } from '../../ask/topic.js';
import { CURSOR_DESCRIPTION, fittingCount, pageOf, TOKEN_BUDGET } from '../budget.js';
import type { ServerDeps } from '../deps.js';
import { formatCitation } from '../format.js';
import { asList, citationSchema, levelFilter, placeArgument, provinceFilter } from '../schemas.js';
import type { PlaceLevel } from '../../places/types.js';
import { READ_ONLY, runTool, type ToolAnswer } from '../tool-result.js';
import { withCharts } from './compare-chart.js';
import { compareChangeAnswer } from './compare-change-answer.js';
import { changeRowFields, yearArgument } from './compare-change-schema.js';
import { citeLine, describeFigure, includeUncertainArgument, indicatorArgument, indicatorRefSchema, qualifierSchema, requestRef } from './indicator-output.js';

const rowSchema = z.object({
  indicator: z.string().optional().describe('Id of the indicator of this row (a family such as 低保标准 has a row per member and place)'),
  place: z.string(),
  place_code: z.string().optional().describe('GB/T 2260 code of the place'),
  level: z.string().optional().describe('province | city | county | district'),
  province: z.string().optional(),
  normalized_value: z.number().nullable().optional(),
  value: z.number().optional(),
  unit: z.string().optional(),
  written: z.string().optional().describe('The figure exactly as the report writes it'),
  qualifier: qualifierSchema.optional(),
  as_of: z.number().nullable().optional(),
  published: z.string(),
  citation: citationSchema(),
  confidence: z.enum(['high', 'low']).optional().describe('low only with include_uncertain: a plan, part, range or unnormalised figure (see note)'),
  note: z.string().describe('What to mind when comparing this row; empty when nothing'),
  passage: z.object({ passage_id: z.string(), score: z.number() }).optional().describe('For a topic: the place\'s best passage (its text is citation.quote)'),
  ...changeRowFields(),
});

const outputSchema = {
  indicator: indicatorRefSchema.optional(),
  topic: z.string().optional(),
  normalized_unit: z.string().optional(),
  rows: z.array(rowSchema),
  missing: z.array(z.string()).describe('Places with no value (or no passage that really matches the topic) for it'),
  missing_reasons: z.array(z.object({ place: z.string(), reason: z.string() })).optional().describe('For a topic: why each missing place is left out'),
  next_cursor: z.string().nullable().describe('Pass as cursor for the next page of rows; null on the last page'),
  missing_notes: z
    .array(z.object({ place: z.string(), indicator: z.string(), note: z.string() }))
    .optional()
    .describe('Places without this indicator that state another member of its family (没有城市低保标准,但有农村低保标准)'),
  missing_notes_omitted: z.number().int().optional().describe('Missing notes and reasons left out to keep the answer within its size budget'),
};

type Answer = ToolAnswer<Record<string, unknown>>;

function compareIndicator(library: ReportLibrary, indicatorInput: string, places: string[], includeUncertain: boolean): Answer {
  const { request, parts } = compareFigures(library.indicators, indicatorInput, places, includeUncertain);
  const rows = parts.flatMap(({ indicator, comparison }) =>
    comparison.rows.map(({ place, figure, notes }) => ({
      indicator: indicator.id,
      place,
      ...library.places.infoOf(place),
      normalized_value: figure.normalized_value,
      value: figure.value,
      unit: figure.unit,
      written: figure.written,
      qualifier: figure.qualifier,
      as_of: figure.as_of,
      published: figure.published,
      citation: figure.citation,
      confidence: figure.confidence,
      note: notes.join(';'),
    })),
  );
  const covered = new Set(rows.map((row) => row.place));
  const missing = places.filter((place) => !covered.has(place));
  const missingNotes = parts.flatMap(({ indicator, presentInstead }) =>
    [...presentInstead].map(([place, present]) => ({ place, indicator: indicator.id, note: `没有${indicator.name},但有${present.join('、')}` })),
  );
  const sections = parts.map(({ indicator, comparison, presentInstead }) => {
    const lines = comparison.rows.map(
      ({ place, figure, notes }, i) => `${i + 1}. ${place}:${describeFigure(figure)}${notes.length ? `\n   注:${notes.join(';')}` : ''}\n${citeLine(figure)}`,
    );
    const without = comparison.missing.map((place) => (presentInstead.has(place) ? `${place}(有${presentInstead.get(place)!.join('、')})` : place));
    const missingLine = without.length ? `\n报告中没有该指标数值的地方:${without.join('、')}` : '';
    return `${indicator.name}各地比较(统一单位 ${indicator.unit},从高到低):\n${lines.join('\n') || '(无数据)'}${missingLine}`;
  });
  const asked = requestRef(request);
  return {
    structured: { indicator: asked, normalized_unit: asked.unit, rows, missing, ...(missingNotes.length ? { missing_notes: missingNotes } : {}) },
    text: sections.join('\n\n'),
  };
}

/** Each place's best passage, places whose passage does not really match the topic left out with the reason. */
function compareTopic(library: ReportLibrary, topic: string, targets: string[]): Answer {
  const found = topicRows(library, topic, targets);
  const rows = found.rows.map(({ place, hit }) => ({
    place,
    ...library.places.infoOf(place),
    published: hit.report.meta.published,
    citation: citationOf(hit.passage),
    note: '',
    passage: { passage_id: hit.passage.passage_id, score: Math.round(hit.score * 1000) / 1000 },
  }));
  const missing = found.missing.map(({ place }) => place);
  const lines = rows.map((row, i) => `${i + 1}. 【${row.place}｜${row.published}】${row.citation.quote}\n   引用 ${formatCitation(row.citation)}`);
  const missingLine = found.missing.length ? `\n没有列入的地方:${found.missing.map(({ place, reason }) => `${place}(${reason})`).join(';')}` : '';
  return { structured: { topic, rows, missing, missing_reasons: found.missing }, text: `「${topic}」各地最相关的段落:\n${lines.join('\n')}${missingLine}` };
}

/** Notes and reasons on missing places (one per place, and per family member) keep to half the budget, leaving the rest to rows; the count left out is said. */
function withinHalfBudget(structured: Record<string, unknown>): Record<string, unknown> {
  const trimmed = { ...structured };
  let omitted = 0;
  for (const key of ['missing_notes', 'missing_reasons']) {
    const notes = (structured[key] as unknown[] | undefined) ?? [];
    const kept = notes.length === 0 ? 0 : fittingCount(notes, { missing: structured.missing }, TOKEN_BUDGET / 2);
    if (kept < notes.length) {
      trimmed[key] = notes.slice(0, kept);
      omitted += notes.length - kept;
    }
  }
  return omitted > 0 ? { ...trimmed, missing_notes_omitted: omitted } : structured;
}

export function registerCompareCitiesTool(server: McpServer, { holder, logger }: ServerDeps): void {
  server.registerTool(
    'compare_cities',
    {
      title: '跨地区比较 Compare places',
      description:
        'Compares places on one indicator: one row per place with the figure normalised to a common unit, the year ' +
        'it holds for, the exact sentence it comes from and a note where comparing is unsafe (different years, a ' +
        'unified 城乡 standard, a sub-place, an older report saying otherwise); places without a value are listed in ' +
        '`missing`. Example: indicator "城市低保标准". With `topic` (free text, e.g. "养老服务体系") instead of an ' +
        'indicator, each row carries the place\'s best passage, and places whose best passage does not really match go to ' +
        '`missing` with the reason. Rows come in pages within ~8k tokens: pass next_cursor as cursor for more. With from_year and ' +
        'to_year, each row is the place\'s change between the two years computed from two cited values (arithmetic shown, e.g. ' +
        '"2012 → 2022: 1000 → 2642 元/人/月, +1642 (+164.2%)").',
      inputSchema: {
        indicator: indicatorArgument.optional(),
        topic: z.string().min(1).max(200).optional().describe('Free-text topic instead of an indicator, e.g. "智慧养老"'),
        places: placeArgument.optional().describe('Places to compare (default: every place with a report), e.g. ["许昌", "镇江"] or "许昌、镇江"'),
        province: provinceFilter.optional().describe('Compare only places in this province, e.g. "河南"'),
        level: levelFilter.optional().describe('Compare only places of one level, e.g. "county" to compare counties with counties'),
        include_uncertain: includeUncertainArgument.optional(),
        chart: z.boolean().optional().describe('Also return the ranking as a bar chart: a PNG image block beside the table (indicator comparisons only). Default false'),
        cursor: z.string().max(20).optional().describe(CURSOR_DESCRIPTION),
        from_year: yearArgument().optional().describe('With to_year and an indicator: compare the change between two years, e.g. 2012 (each place from cited points, arithmetic shown)'),
        to_year: yearArgument().optional().describe('With from_year: the later year, e.g. 2022'),
      },
      outputSchema,
      annotations: READ_ONLY,
    },
    ({ indicator, topic, places, province, level, include_uncertain, chart, cursor, from_year, to_year }) => {
      const result = runTool(logger, () => {
        const library = holder.library();
        if ((indicator === undefined) === (topic === undefined)) {
          throw new MinzhengError('BAD_ARGUMENT', 'Give exactly one of `indicator` (e.g. "城市低保标准") or `topic` (e.g. "智慧养老").');
        }
        const targets = library.places.targets(asList(places), { province, level: level as PlaceLevel | undefined });
        const changeAsked = from_year !== undefined || to_year !== undefined;
        if (changeAsked && (from_year === undefined || to_year === undefined || indicator === undefined)) {
          throw new MinzhengError('BAD_ARGUMENT', '比较变化需同时给出 indicator、from_year 和 to_year (give indicator, from_year and to_year together), e.g. {"indicator": "城市低保标准", "from_year": 2012, "to_year": 2022}.');
        }
        const answer = changeAsked
          ? compareChangeAnswer(library, indicator!, targets, from_year!, to_year!)
          : indicator !== undefined
            ? compareIndicator(library, indicator, targets, include_uncertain ?? false)
            : compareTopic(library, topic!, targets);
        const structured = withinHalfBudget(answer.structured);
        const page = pageOf(structured.rows as unknown[], cursor, { ...structured, rows: [], next_cursor: '000' });
        const more = page.next_cursor === null ? '' : `\n(表格分页:本页 ${page.items.length} 行,下一页 cursor: "${page.next_cursor}")`;
        return { structured: { ...structured, rows: page.items, next_cursor: page.next_cursor }, text: `${answer.text}${more}` };
      });
      return chart && !result.isError ? withCharts(result, holder.library(), topic !== undefined) : result;
    },
  );
}
