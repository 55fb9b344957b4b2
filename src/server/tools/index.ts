import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ServerDeps } from '../deps.js';
import { registerGetDocumentTool } from './get-document.js';
import { registerGetPassageTool } from './get-passage.js';
import { registerListReportsTool } from './list-reports.js';
import { registerSearchReportsTool } from './search-reports.js';

export function registerTools(server: McpServer, deps: ServerDeps): void {
  registerListReportsTool(server, deps);
  registerGetDocumentTool(server, deps);
  registerSearchReportsTool(server, deps);
  registerGetPassageTool(server, deps);
}
