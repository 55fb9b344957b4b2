import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { citationOf } from '../../library.js';
import { fittingCount } from '../budget.js';
import type { ServerDeps } from '../deps.js';
import { formatCitation } from '../format.js';
import { asList, citationSchema, placeArgument } from '../schemas.js';
import { READ_ONLY, runTool } from '../tool-result.js';

/** A fresh schema per field: one object used twice becomes a `$ref` some clients cannot call. */
const year = () => z.number().int().min(1949).max(2100);

export function registerSearchReportsTool(server: McpServer, { holder, logger }: ServerDeps): void {
  server.registerTool(
    'search_reports',
    {
      title: '全文检索 Search reports',
      description:
        'Full-text search (Chinese word segmentation, synonyms such as 最低生活保障↔低保, 福利彩票↔福彩) over ' +
        'the reports. Returns sentence-sized passages, best first, each with a citation into get_document text. ' +
        'Example: query "许昌 低保标准", or query "养老床位" with place ["镇江"]. Use get_passage for context. ' +
        'At most ~8k tokens: past that the lowest-ranked passages are left out and `omitted` counts them.',
      inputSchema: {
        query: z.string().min(1).max(200).describe('Words to look for, Chinese or mixed, e.g. "城市低保标准" or "社会组织 数量"'),
        place: placeArgument.optional(),
        published_from: year().optional().describe('Keep reports published in or after this year, e.g. 2022'),
        published_to: year().optional().describe('Keep reports published in or before this year'),
        limit: z.number().int().min(1).max(50).default(8).describe('How many passages (1–50, default 8)'),
      },
      outputSchema: {
        results: z.array(
          z.object({
            passage_id: z.string(),
            doc_id: z.string(),
            place: z.string(),
            place_code: z.string(),
            level: z.string(),
            province: z.string(),
            title: z.string(),
            published: z.string(),
            score: z.number(),
            text: z.string(),
            citation: citationSchema(),
          }),
        ),
        omitted: z.number().int().optional().describe('Passages left out to keep the answer within its size budget (ask for fewer, or narrow the query)'),
      },
      annotations: READ_ONLY,
    },
    ({ query, place, published_from, published_to, limit }) =>
      runTool(logger, () => {
        const library = holder.library();
        const hits = library.searchPassages({
          query,
          places: asList(place),
          publishedFrom: published_from,
          publishedTo: published_to,
          limit,
        });
        const rows = hits.map(({ passage, report, score }) => ({
          passage_id: passage.passage_id,
          doc_id: passage.doc_id,
          place: report.meta.place,
          place_code: report.meta.place_code ?? '',
          level: report.meta.level,
          province: report.meta.province,
          title: report.meta.title,
          published: report.meta.published,
          score: Math.round(score * 1000) / 1000,
          text: passage.text,
          citation: citationOf(passage),
        }));
        const results = rows.slice(0, fittingCount(rows, { omitted: rows.length }));
        const omitted = rows.length - results.length;
        const lines = results.map(
          (r, i) => `${i + 1}. 【${r.place}｜${r.published}】${r.text}\n   引用 ${formatCitation(r.citation)} passage_id=${r.passage_id}`,
        );
        const more = omitted > 0 ? `\n(另有 ${omitted} 条未列出,以免超出篇幅;可减小 limit 或缩小查询)` : '';
        const text = results.length === 0 ? `没有找到与「${query}」相关的段落。` : `「${query}」共 ${results.length} 条结果：\n${lines.join('\n')}${more}`;
        return { structured: { results, ...(omitted > 0 ? { omitted } : {}) }, text };
      }),
  );
}
