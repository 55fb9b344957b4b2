import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { ServerDeps } from '../deps.js';
import { DEFAULT_PAGE_CHARS, documentPage, MAX_PAGE_CHARS } from '../document-page.js';
import { READ_ONLY, runTool } from '../tool-result.js';

export function registerGetDocumentTool(server: McpServer, { holder, logger }: ServerDeps): void {
  server.registerTool(
    'get_document',
    {
      title: '读取报告全文 Get document',
      description:
        'Returns the cleaned text of one report, in pages: `text` starts at `offset` of the whole text; call again ' +
        'with offset = next_offset until next_offset is null. Every citation {doc_id, start, end, quote} returned by ' +
        'other tools points into the whole text: text.slice(start - offset, end - offset) === quote on the page ' +
        'holding it. Use it to read around a passage or to check a citation (offset: a citation\'s start).',
      inputSchema: {
        doc_id: z.string().min(1).max(200).describe('Report id from list_reports, e.g. "xuchang-2025"'),
        offset: z.number().int().min(0).default(0).describe('Where the page starts in the whole text (default 0; next_offset of the previous page)'),
        max_chars: z.number().int().min(100).max(MAX_PAGE_CHARS).default(DEFAULT_PAGE_CHARS).describe(`Longest page, in characters (100–${MAX_PAGE_CHARS}, default ${DEFAULT_PAGE_CHARS}); a page ends after a line break or 。 where it can`),
      },
      outputSchema: {
        doc_id: z.string(),
        title: z.string(),
        place: z.string(),
        province: z.string(),
        published: z.string(),
        source: z.string(),
        text: z.string().describe('The page: the whole text from offset to offset + text.length'),
        offset: z.number().int(),
        total_chars: z.number().int().describe('Length of the whole text'),
        next_offset: z.number().nullable().describe('Offset of the next page; null when the text is complete'),
      },
      annotations: READ_ONLY,
    },
    ({ doc_id, offset, max_chars }) =>
      runTool(logger, () => {
        const library = holder.library();
        const { meta, text: whole } = library.getReport(doc_id);
        const page = documentPage(whole, offset, max_chars);
        const structured = {
          doc_id: meta.doc_id,
          title: meta.title,
          place: meta.place,
          province: meta.province,
          published: meta.published,
          source: meta.source,
          ...page,
        };
        const range = page.next_offset === null && page.offset === 0 ? '' : `｜第 ${page.offset}–${page.offset + page.text.length} 字${page.next_offset === null ? '(完)' : `,下一页 offset=${page.next_offset}`}`;
        const header = `《${meta.title}》｜${meta.place}｜${meta.published}｜${meta.source}｜${whole.length} 字${range}`;
        return { structured, text: `${header}\n\n${page.text}` };
      }),
  );
}
