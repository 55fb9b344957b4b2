import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ServerDeps } from '../deps.js';
import { registerAskTool } from './ask.js';
import { registerCheckFigureTool } from './check-figure.js';
import { registerCompareCitiesTool } from './compare-cities.js';
import { registerGetDocumentTool } from './get-document.js';
import { registerGetPassageTool } from './get-passage.js';
import { registerListIndicatorsTool } from './list-indicators.js';
import { registerListReportsTool } from './list-reports.js';
import { registerLookupIndicatorTool } from './lookup-indicator.js';
import { registerSearchReportsTool } from './search-reports.js';

export function registerTools(server: McpServer, deps: ServerDeps): void {
  registerListReportsTool(server, deps);
  registerGetDocumentTool(server, deps);
  registerSearchReportsTool(server, deps);
  registerGetPassageTool(server, deps);
  registerListIndicatorsTool(server, deps);
  registerLookupIndicatorTool(server, deps);
  registerCompareCitiesTool(server, deps);
  registerAskTool(server, deps);
  registerCheckFigureTool(server, deps);
}
