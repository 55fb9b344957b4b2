import { z } from 'zod';
import type { IndicatorRequest } from '../../indicators/resolve.js';
import { FIGURE_ROLES } from '../../indicators/roles.js';
import type { Figure, IndicatorDef } from '../../indicators/types.js';
import { formatCitation } from '../format.js';
import { citationSchema } from '../schemas.js';

export const qualifierSchema = z
  .enum(['exact', 'approx', 'about_or_more', 'more_than', 'nearly', 'at_least'])
  .describe('exact; approx 约; about_or_more 余/多; more_than 逾/超过; nearly 近; at_least 不低于');

export const indicatorRefSchema = z.object({ id: z.string(), name: z.string(), unit: z.string() });

export const indicatorArgument = z
  .string()
  .min(1)
  .max(100)
  .describe('Indicator id, Chinese name or alias, e.g. "城市低保标准", "dibao_urban", "养老床位"; or a family, e.g. "低保标准" (城乡统一, 城市 and 农村), "孤儿基本生活费", "特困供养标准"');

export const matchSchema = z.object({
  indicator: z.string().describe('Id of the indicator the figure is for (a member when a family such as 低保标准 was asked for)'),
  place: z.string().describe('Full place name; a sub-place (长葛市, 镇江市市区) when the sentence names one'),
  place_code: z.string().optional().describe('GB/T 2260 code of `place` (absent for a part such as 镇江市市区)'),
  level: z.string().optional().describe('province | city | county | district, of `place`'),
  province: z.string().optional().describe('Province of `place`'),
  report_place: z.string().describe('Place of the report the figure comes from'),
  doc_id: z.string(),
  published: z.string(),
  value: z.number().describe('The number as written (3.2 for 3.2亿元)'),
  unit: z.string().describe('Unit as written: 元, 亿元, 万人次, 元/人·月'),
  written: z.string().describe('The figure exactly as the report writes it, e.g. "约14.05亿元"; the quote contains it'),
  normalized_value: z.number().nullable().describe('In normalized_unit; null when normalising is unsafe (see note)'),
  normalized_unit: z.string(),
  previous: z.object({ value: z.number(), unit: z.string(), year: z.number().nullable() }).optional().describe('The earlier level when the text says "from A to B"'),
  as_of: z.number().nullable().describe('Year the figure holds for'),
  as_of_source: z.enum(['text', 'context', 'report', 'unknown']).describe('text: the sentence states the year; context: the text around it does (its section heading, the sentence before); report: taken from the report date'),
  qualifier: qualifierSchema,
  role: z.enum(FIGURE_ROLES).describe('level: what the place has or pays; the others (returned only with include_uncertain) are plans/targets, one month or a few days, a total over several years (十年来累计), a part or tier, a computed example, a range, money secured from above or budgeted, another place\'s figure quoted in this report, a shortfall or need (缺口)'),
  confidence: z.enum(['high', 'low']).describe('high: a level with a normalised value; low: returned only with include_uncertain'),
  evidence: z.string().optional().describe('The words a role other than level rests on, e.g. 「力争」'),
  note: z.string().optional(),
  citation: citationSchema(),
});

export const includeUncertainArgument = z
  .boolean()
  .default(false)
  .describe('Also return figures the server is not sure are levels (plans, parts, ranges, unknown period), marked with role and confidence');

export function indicatorRef(indicator: IndicatorDef) {
  return { id: indicator.id, name: indicator.name, unit: indicator.unit };
}

/** What was asked for: an indicator, or a family (低保标准) whose members share a unit. */
export function requestRef(request: IndicatorRequest) {
  const first = request.members[0]!;
  return request.family ? { id: request.family.id, name: request.family.name, unit: first.unit } : indicatorRef(first);
}

export function toMatch(figure: Figure) {
  return {
    indicator: figure.indicator,
    place: figure.place,
    report_place: figure.report_place,
    doc_id: figure.doc_id,
    published: figure.published,
    value: figure.value,
    unit: figure.unit,
    written: figure.written,
    normalized_value: figure.normalized_value,
    normalized_unit: figure.normalized_unit,
    ...(figure.previous ? { previous: figure.previous } : {}),
    as_of: figure.as_of,
    as_of_source: figure.as_of_source,
    qualifier: figure.qualifier,
    role: figure.role,
    confidence: figure.confidence,
    ...(figure.evidence ? { evidence: figure.evidence } : {}),
    ...(figure.note ? { note: figure.note } : {}),
    citation: figure.citation,
  };
}

/** "700 元/人/月(原文 700元,2025年)": the normalised figure, then what the report wrote. */
export function describeFigure(figure: Figure): string {
  const normalized = figure.normalized_value === null ? '无法折算' : `${figure.normalized_value} ${figure.normalized_unit}`;
  const year = figure.as_of === null ? '年份未知' : `${figure.as_of}年${figure.as_of_source === 'report' ? '(按报告日期)' : ''}`;
  const previous = figure.previous ? `,由${figure.previous.year ? `${figure.previous.year}年的` : ''}${figure.previous.value}${figure.previous.unit}提高` : '';
  const unsure = figure.confidence === 'low' ? `【不确定:${figure.role}${figure.evidence ? ` 「${figure.evidence}」` : ''}】` : '';
  return `${normalized}(原文 ${figure.written}${previous},${year})${unsure}`;
}

export function citeLine(figure: Figure): string {
  return `   引用 ${formatCitation(figure.citation)} 「${figure.citation.quote}」`;
}
