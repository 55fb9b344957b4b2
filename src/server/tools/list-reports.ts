import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { CURSOR_DESCRIPTION, pageOf } from '../budget.js';
import type { ServerDeps } from '../deps.js';
import { levelFilter, provinceFilter, reportSummarySchema } from '../schemas.js';
import { READ_ONLY, runTool } from '../tool-result.js';

const skippedSchema = z.object({ file: z.string(), reason: z.string().describe('Why the file is not served, and how to fix it') });

export function registerListReportsTool(server: McpServer, { holder, logger }: ServerDeps): void {
  server.registerTool(
    'list_reports',
    {
      title: '列出报告 List reports',
      description:
        'Lists every civil-affairs (民政) report the server holds: doc_id, title, place (e.g. 许昌市) with its GB/T 2260 code, ' +
        'level and province, published date and period covered; optionally only one province or one level. Also lists ' +
        'corpus files that were skipped (with the reason) and reports whose place was guessed from their text. Call this ' +
        'first to learn which places and years can be asked about.',
      inputSchema: { province: provinceFilter.optional(), level: levelFilter.optional(), cursor: z.string().max(20).optional().describe(CURSOR_DESCRIPTION) },
      outputSchema: {
        reports: z.array(reportSummarySchema.extend({ place_note: z.string().optional().describe('Set when the place was inferred from the text, not given in a header') })),
        skipped: z.array(skippedSchema).describe('Corpus files not served (on the first page)'),
        total: z.number().int().describe('Reports matching the filters'),
        next_cursor: z.string().nullable().describe('Pass as cursor for the next page; null on the last page'),
      },
      annotations: READ_ONLY,
    },
    ({ province, level, cursor }) =>
      runTool(logger, () => {
        const library = holder.library();
        const kept = new Set(library.places.filter({ province, level }).map((place) => place.name));
        const guesses = new Map((library.manifest.guesses ?? []).map((guess) => [guess.file, guess]));
        const all = library.reports
          .filter(({ meta }) => kept.has(meta.place))
          .map(({ meta, file }) => {
            const guess = guesses.get(file);
            return {
              doc_id: meta.doc_id,
              title: meta.title,
              place: meta.place,
              place_code: meta.place_code ?? '',
              level: meta.level,
              province: meta.province,
              published: meta.published,
              source: meta.source,
              period: meta.period,
              ...(guess ? { place_note: `${guess.confident ? '由正文推断' : '由正文猜测(依据不足)'}: ${guess.why}` } : {}),
            };
          });
        const skipped = cursor === undefined ? library.manifest.problems : [];
        const { items: reports, next_cursor } = pageOf(all, cursor, { skipped, total: all.length, next_cursor: '000' });
        const lines = reports.map(
          (r) =>
            `- ${r.doc_id}｜${r.place}${r.place_code ? `(${r.place_code})` : ''}｜${r.province || '省份未知'}｜${r.published || '日期未知'}｜${r.title}｜来源：${r.source || '未知'}｜时期：${r.period || '未知'}${r.place_note ? `｜地点${r.place_note}` : ''}`,
        );
        const skippedLines = skipped.length ? `\n未收录的文件 ${skipped.length} 个：\n${skipped.map((s) => `- ${s.file}：${s.reason}`).join('\n')}` : '';
        const more = next_cursor === null ? '' : `\n(还有更多,cursor: "${next_cursor}")`;
        return { structured: { reports, skipped, total: all.length, next_cursor }, text: `共 ${all.length} 份报告：\n${lines.join('\n')}${more}${skippedLines}` };
      }),
  );
}
