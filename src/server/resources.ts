import { ResourceTemplate, type McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ServerDeps } from './deps.js';

export const REPORT_URI_PREFIX = 'minzheng://reports/';

/** Every report is a resource: its cleaned text, the same text citations point into. */
export function registerReportResources(server: McpServer, { library }: ServerDeps): void {
  server.registerResource(
    'report',
    new ResourceTemplate(`${REPORT_URI_PREFIX}{doc_id}`, {
      list: () => ({
        resources: library.reports.map(({ meta }) => ({
          uri: `${REPORT_URI_PREFIX}${meta.doc_id}`,
          name: meta.doc_id,
          title: `${meta.place}：${meta.title}`,
          description: `${meta.place}（${meta.province}）${meta.published} ${meta.source}`,
          mimeType: 'text/plain',
        })),
      }),
    }),
    { title: '民政报告全文', description: 'Cleaned text of one civil-affairs report', mimeType: 'text/plain' },
    (uri, { doc_id }) => {
      const report = library.getReport(String(doc_id));
      return { contents: [{ uri: uri.href, mimeType: 'text/plain', text: report.text }] };
    },
  );
}
