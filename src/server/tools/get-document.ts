import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { ServerDeps } from '../deps.js';
import { READ_ONLY, runTool } from '../tool-result.js';

export function registerGetDocumentTool(server: McpServer, { library, logger }: ServerDeps): void {
  server.registerTool(
    'get_document',
    {
      title: '读取报告全文 Get document',
      description:
        'Returns the full cleaned text of one report. Every citation {doc_id, start, end, quote} returned by ' +
        'other tools points into this text: text.slice(start, end) === quote. Use it to read around a passage ' +
        'or to check a citation.',
      inputSchema: { doc_id: z.string().min(1).max(200).describe('Report id from list_reports, e.g. "xuchang-2025"') },
      outputSchema: {
        doc_id: z.string(),
        title: z.string(),
        place: z.string(),
        province: z.string(),
        published: z.string(),
        source: z.string(),
        text: z.string(),
      },
      annotations: READ_ONLY,
    },
    ({ doc_id }) =>
      runTool(logger, () => {
        const { meta, text } = library.getReport(doc_id);
        const structured = {
          doc_id: meta.doc_id,
          title: meta.title,
          place: meta.place,
          province: meta.province,
          published: meta.published,
          source: meta.source,
          text,
        };
        const header = `《${meta.title}》｜${meta.place}｜${meta.published}｜${meta.source}｜${text.length} 字`;
        return { structured, text: `${header}\n\n${text}` };
      }),
  );
}
