import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { CURSOR_DESCRIPTION, pageOf } from '../budget.js';
import type { ServerDeps } from '../deps.js';
import { READ_ONLY, runTool } from '../tool-result.js';
import { indicatorById } from '../../indicators/catalogue.js';
import { citeLine, describeFigure, includeUncertainArgument, indicatorArgument, indicatorRefSchema, matchSchema, requestRef, toMatch } from './indicator-output.js';
import { changeSchema, changeTable, toChangeMatch } from './change-output.js';
import { seriesSchema, seriesTable, toSeriesMatch } from './series-output.js';
import { seriesOf } from '../../timeline/timeline.js';

export function registerLookupIndicatorTool(server: McpServer, { holder, logger }: ServerDeps): void {
  server.registerTool(
    'lookup_indicator',
    {
      title: '查询指标 Look up an indicator',
      description:
        'Every figure the reports give for one indicator, normalised (per-year standards → 元/人/月, 万/亿 multiplied ' +
        'out), with the year it holds for, hedges (约/余/逾/近/不低于), the earlier value when the text says "from A ' +
        'to B", and the exact sentence it comes from. Example: indicator "城市低保标准", place "许昌". Changes ' +
        '("提高50元", "新增300张") are never returned as levels; plans, parts, ranges and figures of unknown period only ' +
        'with include_uncertain, marked. Matches come in pages within ~8k tokens: pass next_cursor as cursor for more. With include ' +
        '["changes"], the changes the reports state ("提高50元", "增幅5%", "比2012年增加1486个") come back separately in `changes`: delta, ' +
        'unit (元, %, 百分点, 倍), period, citation; with include ["series"], each place\'s values ordered by year in `series`.',
      inputSchema: {
        indicator: indicatorArgument,
        include_uncertain: includeUncertainArgument.optional(),
        include: z
          .array(z.enum(['changes', 'series']))
          .max(2)
          .optional()
          .describe('"changes": also the changes the reports state (提高50元, 增长9.9%, 新增床位481张), never as levels; "series": each place\'s values by year (levels and the earlier values of from→to), each cited, disagreements flagged. E.g. ["changes", "series"]'),
        place: z.string().min(1).max(40).optional().describe('Only this place (a province or city also covers the places inside it): "许昌", "许昌市", "xuchang", "411000", "河南"'),
        cursor: z.string().max(20).optional().describe(CURSOR_DESCRIPTION),
      },
      outputSchema: {
        indicator: indicatorRefSchema,
        matches: z.array(matchSchema),
        total: z.number().int().describe('Matches in all pages'),
        next_cursor: z.string().nullable().describe('Pass as cursor for the next page; null on the last page'),
        changes: z.array(changeSchema()).optional().describe('With include ["changes"]: the stated changes of the indicator (not levels)'),
        series: z.array(seriesSchema()).optional().describe('With include ["series"]: one series per place and indicator, ordered by year'),
      },
      annotations: READ_ONLY,
    },
    ({ indicator, place, include_uncertain, include, cursor }) =>
      runTool<Record<string, unknown>>(logger, () => {
        const library = holder.library();
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
        const structured: Record<string, unknown> = { indicator: asked, matches, total: all.length, next_cursor };
        const sections = [text];
        const places = place === undefined ? undefined : new Set(library.places.expand([place]));
        const ids = found.request.members.map((member) => member.id);
        if (include?.includes('series')) {
          const series = seriesOf(library, ids, places);
          structured.series = series.map(toSeriesMatch);
          sections.push(series.length === 0 ? '没有可排成时间序列的数值。' : `时间序列(按年份,每个数值注明出处):\n${seriesTable(series)}`);
        }
        if (include?.includes('changes')) {
          const changes = library.changes.changesOf(new Set(ids), places, include_uncertain ?? false);
          structured.changes = changes.map(toChangeMatch);
          sections.push(changes.length === 0 ? '报告中没有该指标的变化量(提高/增长/新增)。' : `变化量(不是水平值),共 ${changes.length} 条:\n${changeTable(changes)}`);
        }
        return { structured, text: sections.join('\n\n') };
      }),
  );
}
