import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { ServerDeps } from '../deps.js';
import { reportSummarySchema } from '../schemas.js';
import { READ_ONLY, runTool } from '../tool-result.js';

export function registerListReportsTool(server: McpServer, { library, logger }: ServerDeps): void {
  server.registerTool(
    'list_reports',
    {
      title: '列出报告 List reports',
      description:
        'Lists every civil-affairs (民政) report the server holds: doc_id, title, place (e.g. 许昌市), province, ' +
        'published date and period covered. Call this first to learn which places and years can be asked about.',
      inputSchema: {},
      outputSchema: { reports: z.array(reportSummarySchema) },
      annotations: READ_ONLY,
    },
    () =>
      runTool(logger, () => {
        const reports = library.reports.map(({ meta }) => ({
          doc_id: meta.doc_id,
          title: meta.title,
          place: meta.place,
          province: meta.province,
          published: meta.published,
          source: meta.source,
          period: meta.period,
        }));
        const lines = reports.map(
          (r) => `- ${r.doc_id}｜${r.place}（${r.province || '省份未知'}）｜${r.published || '日期未知'}｜${r.title}｜来源：${r.source || '未知'}｜时期：${r.period || '未知'}`,
        );
        return { structured: { reports }, text: `共 ${reports.length} 份报告：\n${lines.join('\n')}` };
      }),
  );
}
