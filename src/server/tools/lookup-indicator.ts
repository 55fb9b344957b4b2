import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { CURSOR_DESCRIPTION, pageOf } from '../budget.js';
import type { ServerDeps } from '../deps.js';
import { READ_ONLY, runTool } from '../tool-result.js';
import { indicatorById } from '../../indicators/catalogue.js';
import { citeLine, describeFigure, includeUncertainArgument, indicatorArgument, indicatorRefSchema, matchSchema, requestRef, toMatch } from './indicator-output.js';

export function registerLookupIndicatorTool(server: McpServer, { library, logger }: ServerDeps): void {
  server.registerTool(
    'lookup_indicator',
    {
      title: '查询指标 Look up an indicator',
      description:
        'Every figure the reports give for one indicator, normalised (per-year standards → 元/人/月, 万/亿 multiplied ' +
        'out), with the year it holds for, hedges (约/余/逾/近/不低于), the earlier value when the text says "from A ' +
        'to B", and the exact sentence it comes from. Example: indicator "城市低保标准", place "许昌". Changes ' +
        '("提高50元", "新增300张") are never returned as levels; plans, parts, ranges and figures of unknown period only ' +
        'with include_uncertain, marked. Matches come in pages within ~8k tokens: pass next_cursor as cursor for more.',
      inputSchema: {
        indicator: indicatorArgument,
        include_uncertain: includeUncertainArgument.optional(),
        place: z.string().min(1).max(40).optional().describe('Only this place (a province or city also covers the places inside it): "许昌", "许昌市", "xuchang", "411000", "河南"'),
        cursor: z.string().max(20).optional().describe(CURSOR_DESCRIPTION),
      },
      outputSchema: {
        indicator: indicatorRefSchema,
        matches: z.array(matchSchema),
        total: z.number().int().describe('Matches in all pages'),
        next_cursor: z.string().nullable().describe('Pass as cursor for the next page; null on the last page'),
      },
      annotations: READ_ONLY,
    },
    ({ indicator, place, include_uncertain, cursor }) =>
      runTool(logger, () => {
        const found = library.indicators.lookup(indicator, place, include_uncertain ?? false);
        const asked = requestRef(found.request);
        const all = found.figures.map((figure) => ({ ...toMatch(figure), ...library.places.infoOf(figure.place) }));
        const { items: matches, next_cursor } = pageOf(all, cursor, { indicator: asked, total: all.length, next_cursor: '000' });
        const family = found.request.family ? `,包括${found.request.members.map((member) => member.name).join('、')}` : '';
        const header = `${asked.name}(${asked.id},单位 ${asked.unit}${family})${place ? ` · ${place}` : ''}`;
        const lines = found.figures.map(
          (figure, i) =>
            `${i + 1}. ${figure.place}${found.request.family ? `·${indicatorById(figure.indicator)?.name ?? figure.indicator}` : ''}:${describeFigure(figure)}${figure.note ? ` 注:${figure.note}` : ''}\n${citeLine(figure)}`,
        );
        const more = next_cursor === null ? '' : `\n(分页:本页 ${matches.length} 条,下一页 cursor: "${next_cursor}")`;
        const text = all.length === 0 ? `${header}:报告中没有找到该指标的数值。` : `${header},共 ${all.length} 条:\n${lines.join('\n')}${more}`;
        return { structured: { indicator: asked, matches, total: all.length, next_cursor }, text };
      }),
  );
}
