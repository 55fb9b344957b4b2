import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { checkFigure, checkStatement } from '../../check/check.js';
import type { Check } from '../../check/verdict.js';
import { MinzhengError } from '../../errors.js';
import type { ServerDeps } from '../deps.js';
import { formatCitation } from '../format.js';
import { citationSchema } from '../schemas.js';
import { READ_ONLY, runTool } from '../tool-result.js';
import { indicatorArgument } from './indicator-output.js';
import { yearArgument } from './compare-change-schema.js';

const VERDICT_NAMES = { supported: '有据', contradicted: '不符', not_found: '未找到', ambiguous: '无法确定' } as const;

const checkSchema = z.object({
  verdict: z.enum(['supported', 'contradicted', 'not_found', 'ambiguous']).describe('supported: a cited value agrees; contradicted: the reports give another value (see reported); not_found: they give none; ambiguous: sources disagree, only an older value matches, or the place is unclear'),
  reason: z.string().describe('Why, in Chinese, naming the reports\' values'),
  number: z.string().describe('The number checked, as the statement writes it'),
  statement_start: z.number().int().describe('Offset of the number in the statement (0 for place/indicator/value input)'),
  kind: z.enum(['level', 'change']).describe('level: what a place has or pays; change: 提高/增长/新增'),
  indicator: z.string().describe('Indicator id the number was read as'),
  indicator_name: z.string(),
  place: z.string().nullable(),
  year: z.number().nullable().describe('Year the statement gives; null: none (checked against the newest value)'),
  claimed_value: z.number().nullable().describe('The claimed value in the indicator\'s unit (a level) or as written (a change); null when a standard\'s period is not stated'),
  difference: z.number().nullable().describe('claimed − reported, in the indicator\'s unit, for the closest reported value'),
  relative_difference: z.number().nullable().describe('difference as per cent of the reported value'),
  reported: z
    .array(
      z.object({
        value: z.number(),
        unit: z.string(),
        written: z.string().describe('As the report writes it'),
        year: z.number().nullable(),
        source: z.enum(['level', 'previous', 'change', 'computed']).describe('level; previous: the earlier value of a from→to; change: a stated change; computed: the difference of two cited values'),
        citation: citationSchema(),
      }),
    )
    .describe('The reports\' values the verdict rests on, each cited'),
});

function toStructured(check: Check) {
  const { claim } = check;
  return {
    verdict: check.verdict,
    reason: check.reason,
    number: claim.written,
    statement_start: claim.start,
    kind: claim.kind,
    indicator: claim.indicator.id,
    indicator_name: claim.indicator.name,
    place: claim.place ?? null,
    year: claim.year,
    claimed_value: claim.value,
    difference: check.closeness?.difference ?? null,
    relative_difference: check.closeness?.relative_difference ?? null,
    reported: check.reported,
  };
}

function toText(checks: readonly Check[]): string {
  if (checks.length === 0) return '语句中没有找到可核对的数字(需要写明指标和数值,如"鹤壁市农村低保标准为每人每年5040元")。';
  const counts = Object.entries(VERDICT_NAMES)
    .map(([verdict, name]) => [name, checks.filter((check) => check.verdict === verdict).length] as const)
    .filter(([, count]) => count > 0)
    .map(([name, count]) => `${name} ${count}`);
  const lines = checks.map((check, i) => {
    const head = `${i + 1}. 【${VERDICT_NAMES[check.verdict]} ${check.verdict}】${check.claim.written}(${check.claim.place ?? '地方不明'}·${check.claim.indicator.name}${check.claim.year ? `·${check.claim.year}年` : ''}):${check.reason}`;
    const rows = check.reported.map((r) => `   | ${r.year ?? '—'} | ${r.written} | ${r.source} | ${formatCitation(r.citation)} 「${r.citation.quote}」 |`);
    return rows.length ? `${head}\n   | 年份 | 报告数值 | 类型 | 出处 |\n${rows.join('\n')}` : head;
  });
  return `核对结果(${counts.join(',')}):\n${lines.join('\n')}`;
}

export function registerCheckFigureTool(server: McpServer, { holder, logger }: ServerDeps): void {
  server.registerTool(
    'check_figure',
    {
      title: '核对数字 Check figures against the reports',
      description:
        'Checks the figures of a draft against the reports before you send it: every number in `statement` that names an ' +
        'indicator (and a place) gets a verdict — supported (a cited value agrees, hedges 约/近/余/逾 and units read: ' +
        '每人每年5040元 = 420 元/人/月), contradicted (the reports give another value: see reported), not_found, or ambiguous ' +
        '(sources disagree, only an older value matches, no place). Changes (提高50元, 增长164%) are checked as changes, never ' +
        'as levels. Example: statement "鹤壁市农村低保标准为每人每年5040元"; or place "鹤壁" + indicator "农村低保标准" + value ' +
        '420 (+ unit "元/人/月", year 2022). Quote the citations it returns; do not send a figure it does not support.',
      inputSchema: {
        statement: z.string().min(1).max(4000).optional().describe('A sentence or paragraph with figures, e.g. "2022年鹤壁市城市低保标准为每人每月630元,社会工作持证人员319人"'),
        place: z.string().min(1).max(40).optional().describe('Instead of a statement: the place, e.g. "许昌"'),
        indicator: indicatorArgument.optional(),
        value: z.number().finite().optional().describe('With place and indicator: the value to check'),
        unit: z.string().min(1).max(20).optional().describe('Unit of value as written ("元/人/年", "亿元", "张"); default: the indicator\'s normalised unit'),
        year: yearArgument().optional().describe('The year the value is said to hold for (default: the newest the reports give)'),
      },
      outputSchema: { checks: z.array(checkSchema) },
      annotations: READ_ONLY,
    },
    ({ statement, place, indicator, value, unit, year }) =>
      runTool(logger, () => {
        const library = holder.library();
        const structuredInput = place !== undefined || indicator !== undefined || value !== undefined;
        if ((statement === undefined) === !structuredInput) {
          throw new MinzhengError('BAD_ARGUMENT', '请给出 statement,或 place + indicator + value (give either `statement`, e.g. "鹤壁市农村低保标准为每人每年5040元", or `place`, `indicator` and `value`, e.g. {"place": "鹤壁", "indicator": "农村低保标准", "value": 420}).');
        }
        if (statement === undefined && (place === undefined || indicator === undefined || value === undefined)) {
          throw new MinzhengError('BAD_ARGUMENT', '缺少参数 (missing): place, indicator and value are needed together, e.g. {"place": "鹤壁", "indicator": "农村低保标准", "value": 420, "year": 2022}.');
        }
        const checks = statement !== undefined ? checkStatement(library, statement) : checkFigure(library, { place: place!, indicator: indicator!, value: value!, unit, year });
        return { structured: { checks: checks.map(toStructured) }, text: toText(checks) };
      }),
  );
}
