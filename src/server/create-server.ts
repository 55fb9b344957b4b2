import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { ownVersion } from '../search/versions.js';
import type { ServerDeps } from './deps.js';
import { registerReportResources } from './resources.js';
import { explainInvalidArguments } from './argument-errors.js';
import { registerTools } from './tools/index.js';

export const SERVER_NAME = 'minzheng-mcp';

export function createServer(deps: ServerDeps): McpServer {
  const server = new McpServer(
    { name: SERVER_NAME, version: ownVersion() },
    {
      instructions:
        '民政报告问答: search Chinese municipal civil-affairs reports. Start with list_reports, find passages ' +
        'with search_reports, read context with get_passage or get_document. Every passage carries a citation ' +
        '{doc_id,start,end,quote}; quote figures from it and cite them.',
    },
  );
  explainInvalidArguments(server);
  registerTools(server, deps);
  registerReportResources(server, deps);
  // The search index is the slowest part to load: load it once the handshake is answered.
  server.server.oninitialized = () => setImmediate(() => deps.library.preloadSearch(deps.logger));
  return server;
}
