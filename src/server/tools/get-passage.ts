import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { citationOf } from '../../library.js';
import type { ServerDeps } from '../deps.js';
import { formatCitation } from '../format.js';
import { citationSchema } from '../schemas.js';
import { READ_ONLY, runTool } from '../tool-result.js';

/** A fresh schema per use (a shared one becomes a `$ref`). */
const neighbourSchema = () => z.object({ passage_id: z.string(), text: z.string(), citation: citationSchema() });

export function registerGetPassageTool(server: McpServer, { holder, logger }: ServerDeps): void {
  server.registerTool(
    'get_passage',
    {
      title: '读取段落及上下文 Get passage',
      description:
        'Returns one passage (from search_reports) with its citation and the sentences before and after it in ' +
        'the same report, to read a figure in context. Example: passage_id "xuchang-2025:031", context 2.',
      inputSchema: {
        passage_id: z.string().min(1).max(200).describe('A passage_id from search_reports, e.g. "xuchang-2025:031"'),
        context: z.number().int().min(0).max(5).default(1).describe('Sentences before and after to include (0–5, default 1)'),
      },
      outputSchema: {
        passage_id: z.string(),
        doc_id: z.string(),
        text: z.string(),
        citation: citationSchema(),
        before: z.array(neighbourSchema()),
        after: z.array(neighbourSchema()),
      },
      annotations: READ_ONLY,
    },
    ({ passage_id, context }) =>
      runTool(logger, () => {
        const library = holder.library();
        const passage = library.getPassage(passage_id);
        const { before, after } = library.neighbours(passage, context);
        const asNeighbour = (p: typeof passage) => ({ passage_id: p.passage_id, text: p.text, citation: citationOf(p) });
        const structured = {
          passage_id: passage.passage_id,
          doc_id: passage.doc_id,
          text: passage.text,
          citation: citationOf(passage),
          before: before.map(asNeighbour),
          after: after.map(asNeighbour),
        };
        const report = library.getReport(passage.doc_id);
        const text = [
          `【${report.meta.place}｜${report.meta.title}】`,
          ...before.map((p) => `  （前）${p.text}`),
          `▶ ${passage.text}`,
          ...after.map((p) => `  （后）${p.text}`),
          `引用 ${formatCitation(citationOf(passage))}`,
        ].join('\n');
        return { structured, text };
      }),
  );
}
