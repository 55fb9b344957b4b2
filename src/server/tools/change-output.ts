import { z } from 'zod';
import { indicatorById } from '../../indicators/catalogue.js';
import type { ChangeFigure } from '../../indicators/changes.js';
import { formatCitation } from '../format.js';
import { citationSchema } from '../schemas.js';

/** How changes (提高50元, 增幅5%, 新增481张) are returned: a schema built fresh per use (no $ref), the match, and a text table. */
export const changeSchema = () =>
  z.object({
    kind: z.literal('change'),
    indicator: z.string().describe('Id of the indicator that changed'),
    place: z.string().describe('Full place name; a sub-place when the sentence names one'),
    report_place: z.string(),
    doc_id: z.string(),
    published: z.string(),
    delta: z.number().describe('The change as written, signed (减少/下降 negative): 50 for 提高50元, 5 for 增幅5%'),
    unit: z.string().describe('Unit of delta as written: 元, 张, 万元, % (relative), 百分点 (percentage points), 倍 (增长N倍: new ≈ (N+1) × old)'),
    measure: z.enum(['amount', 'percent', 'percentage_points', 'times']),
    written: z.string().describe('The change exactly as the report writes it'),
    normalized_delta: z.number().nullable().describe('An amount in the indicator\'s unit (a yearly standard\'s rise ÷ 12); null for relative changes or an unknown period'),
    normalized_unit: z.string(),
    qualifier: z.enum(['exact', 'approx', 'about_or_more', 'more_than', 'nearly', 'at_least']).describe('Hedge of the change as written: exact; approx 约; about_or_more 余/多; more_than 逾/超过; nearly 近; at_least 不低于'),
    period_from: z.number().nullable().describe('Year the change is measured from, when the text says (比2012年, 较上年)'),
    period_to: z.number().nullable().describe('Year the change is measured to'),
    annual_average: z.boolean().describe('True for 年均增幅: an average per year'),
    role: z.string().describe('level: the change took place; plan, subset (a tier or kind), partial_period …: returned only with include_uncertain'),
    confidence: z.enum(['high', 'low']),
    evidence: z.string().optional(),
    note: z.string().optional(),
    citation: citationSchema(),
  });

export function toChangeMatch(change: ChangeFigure) {
  const { sub_place: _subPlace, as_of: _asOf, ...rest } = change;
  return rest;
}

/** "+300 元(年人均)": the change as a person reads it. */
export function describeChange(change: ChangeFigure): string {
  const sign = change.delta > 0 ? '+' : '';
  const normalized = change.normalized_delta !== null && change.normalized_unit !== change.unit ? `(折合 ${change.normalized_delta > 0 ? '+' : ''}${change.normalized_delta} ${change.normalized_unit})` : '';
  return `${sign}${change.delta}${change.unit}${normalized}`;
}

function periodText(change: ChangeFigure): string {
  if (change.period_from !== null && change.period_to !== null) return `${change.period_from}→${change.period_to}${change.annual_average ? '(年均)' : ''}`;
  return change.period_to !== null ? `至${change.period_to}` : '期间未注明';
}

/** A small table: period | place · indicator | change | source. */
export function changeTable(changes: readonly ChangeFigure[]): string {
  const rows = changes.map((change) => {
    const name = indicatorById(change.indicator)?.name ?? change.indicator;
    const unsure = change.confidence === 'low' ? `【不确定:${change.role}${change.evidence ? ` 「${change.evidence}」` : ''}】` : '';
    return `| ${periodText(change)} | ${change.place}·${name} | ${describeChange(change)}${unsure} | ${formatCitation(change.citation)} 「${change.citation.quote}」 |`;
  });
  return ['| 期间 | 地方·指标 | 变化 | 出处 |', '|---|---|---|---|', ...rows].join('\n');
}
