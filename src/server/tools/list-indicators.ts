import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { CURSOR_DESCRIPTION, pageOf } from '../budget.js';
import type { ServerDeps } from '../deps.js';
import { READ_ONLY, runTool } from '../tool-result.js';

export function registerListIndicatorsTool(server: McpServer, { holder, logger }: ServerDeps): void {
  server.registerTool(
    'list_indicators',
    {
      title: '指标目录 List indicators',
      description:
        'Lists the civil-affairs indicators the server extracts from the reports (低保标准, 养老床位, 社会组织数 …): ' +
        'id, Chinese name, aliases a person may type, the normalised unit, and the places whose reports hold a value. ' +
        'Use the id or any name with lookup_indicator and compare_cities. Paged: pass next_cursor as cursor for more.',
      inputSchema: { cursor: z.string().max(20).optional().describe(CURSOR_DESCRIPTION) },
      outputSchema: {
        indicators: z.array(
          z.object({ id: z.string(), name: z.string(), aliases: z.array(z.string()), unit: z.string(), places: z.array(z.string()) }),
        ),
        total: z.number().int().describe('Indicators in the catalogue'),
        next_cursor: z.string().nullable().describe('Pass as cursor for the next page; null on the last page'),
      },
      annotations: READ_ONLY,
    },
    ({ cursor }) =>
      runTool(logger, () => {
        const library = holder.library();
        const book = library.indicators;
        const all = book.catalogue.map((indicator) => ({
          id: indicator.id,
          name: indicator.name,
          aliases: [...indicator.aliases],
          unit: indicator.unit,
          places: book.placesWith(indicator.id),
        }));
        const { items: indicators, next_cursor } = pageOf(all, cursor, { total: all.length, next_cursor: '000' });
        const lines = indicators.map(
          (i) => `- ${i.name}(${i.id},${i.unit})别名:${i.aliases.join('、')}｜有数据:${i.places.join('、') || '无'}`,
        );
        const more = next_cursor === null ? '' : `\n(还有更多,cursor: "${next_cursor}")`;
        return { structured: { indicators, total: all.length, next_cursor }, text: `共 ${all.length} 项指标:\n${lines.join('\n')}${more}` };
      }),
  );
}
