import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { ownVersion } from '../search/versions.js';
import type { ServerDeps } from './deps.js';
import { registerReportResources } from './resources.js';
import { explainInvalidArguments } from './argument-errors.js';
import { logToClient, logToolCalls } from './client-logging.js';
import { Completions } from './completions.js';
import { registerPrompts } from './prompts.js';
import { registerTools } from './tools/index.js';

export const SERVER_NAME = 'minzheng-mcp';

/** `afterFirstAnswer` runs once, after the first tool call is answered (the stdio start saves its code cache then). */
export function createServer(deps: ServerDeps, hooks: { afterFirstAnswer?: () => void } = {}): McpServer {
  const server = new McpServer(
    { name: SERVER_NAME, title: '民政报告问答服务器', version: ownVersion() },
    {
      instructions:
        '民政报告问答: Chinese civil-affairs (民政) reports, every answer cited. Which tool for which question: ' +
        'a question as the person typed it (许昌市养老服务设施有多少, 各地城市低保标准比较) → ask, which picks figures, a comparison or passages and says why; ' +
        'a figure of one place (低保标准, 养老床位, 社会组织数 …) → lookup_indicator (names and aliases: list_indicators; ' +
        'a family such as 低保标准 returns 城乡统一/城市/农村); the same figure across places → compare_cities (one row per ' +
        'place, normalised, with notes on what makes comparing unsafe; topic for free text); how something is done, or ' +
        'anything else → search_reports, then get_passage or get_document for context; which reports, places and years ' +
        'exist → list_reports; how a figure moved → lookup_indicator with include ["changes"] or compare_cities with from_year/to_year; ' +
        'is a number in a draft right (核对数字) → check_figure, before sending it. Only confident levels come back unless include_uncertain is set. Every figure and passage ' +
        'carries a citation {doc_id,start,end,quote}: quote it, do not restate figures the citations do not hold.',
    },
  );
  explainInvalidArguments(server);
  // What the server logs also goes to the client (logging capability), at the level it sets.
  const logger = logToClient(server, deps.logger);
  logToolCalls(server, logger, hooks.afterFirstAnswer);
  registerTools(server, { ...deps, logger });
  const completions = new Completions(deps.holder);
  registerReportResources(server, deps, completions);
  registerPrompts(server, deps, completions);
  // The search index is the slowest part to load: load it once the handshake is answered (or, when
  // the library is still being built, once it is ready).
  server.server.oninitialized = () => setImmediate(() => deps.holder.whenReady((library) => library.preloadSearch(logger)));
  return server;
}
