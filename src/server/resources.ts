import { ResourceTemplate, type McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { ErrorCode, McpError, ReadResourceRequestSchema, type ReadResourceResult } from '@modelcontextprotocol/sdk/types.js';
import { isValidDocId } from '../corpus/load.js';
import { isMinzhengError } from '../errors.js';
import type { LibraryHolder } from '../start/library-holder.js';
import type { Completions } from './completions.js';
import type { ServerDeps } from './deps.js';

export const REPORT_URI_PREFIX = 'minzheng://reports/';

/** MCP spec, Resources → Error Handling: "Resource not found: -32002" (the SDK's ErrorCode has no member for it). */
export const RESOURCE_NOT_FOUND = -32002;

/** The URI of a report: its doc_id percent-encoded, as clients send it back. */
export function reportUri(docId: string): string {
  return `${REPORT_URI_PREFIX}${encodeURIComponent(docId)}`;
}

/** Every report is a resource: its cleaned text, the same text citations point into; its doc_id completes. */
export function registerReportResources(server: McpServer, { holder }: ServerDeps, completions: Completions): void {
  server.registerResource(
    'report',
    new ResourceTemplate(`${REPORT_URI_PREFIX}{doc_id}`, {
      // While the index is being built there are no reports to list yet (resources/read says why).
      list: () => ({
        resources: (holder.readyLibrary()?.reports ?? []).map(({ meta }) => ({
          uri: reportUri(meta.doc_id),
          name: meta.doc_id,
          title: `${meta.place}：${meta.title}`,
          description: `${meta.place}（${meta.province}）${meta.published} ${meta.source}`,
          mimeType: 'text/plain',
        })),
      }),
      complete: { doc_id: (value) => completions.docIds(value) },
    }),
    { title: '民政报告全文', description: 'Cleaned text of one civil-affairs report', mimeType: 'text/plain' },
    (uri) => readReportResource(holder, uri.href),
  );
  // The SDK matches templates against new URL(uri), which has already resolved "../" segments, and
  // answers a URI no template matches ("reports/a/b") with -32602. Reports are this server's only
  // resources, so resources/read is answered here from the URI as sent; every miss is -32002.
  // (A resource registered later with registerResource would need handling here too.)
  server.server.setRequestHandler(ReadResourceRequestSchema, (request) => readReportResource(holder, request.params.uri));
}

/**
 * The text of the report a URI names, or the spec's resource-not-found error naming the URI; while
 * the index is being built (or its build failed), an internal error that says so.
 */
export function readReportResource(holder: LibraryHolder, uri: string): ReadResourceResult {
  const docId = docIdOf(uri);
  if (docId !== undefined) {
    try {
      return { contents: [{ uri, mimeType: 'text/plain', text: holder.library().getReport(docId).text }] };
    } catch (error) {
      if (isMinzhengError(error) && (error.code === 'INDEX_BUILDING' || error.code === 'INDEX_FAILED')) throw new McpError(ErrorCode.InternalError, error.message);
      if (!isMinzhengError(error) || error.code !== 'UNKNOWN_DOCUMENT') throw error;
    }
  }
  throw new McpError(RESOURCE_NOT_FOUND, `Resource not found: ${uri}. Report URIs are ${REPORT_URI_PREFIX}<doc_id>; resources/list names them.`, { uri });
}

/** The decoded doc_id of a report URI, or undefined when the URI cannot name one (other scheme, bad escape, "..", "/", "\"). */
function docIdOf(uri: string): string | undefined {
  if (!uri.startsWith(REPORT_URI_PREFIX)) return undefined;
  let docId: string;
  try {
    docId = decodeURIComponent(uri.slice(REPORT_URI_PREFIX.length));
  } catch {
    return undefined;
  }
  return isValidDocId(docId) ? docId : undefined;
}
