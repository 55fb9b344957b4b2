import type { IncomingMessage, ServerResponse } from 'node:http';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import type { HttpConfig } from '../config.js';
import type { Logger } from '../log.js';
import { originAllowed, refusalOf } from './guard.js';
import type { SessionPool } from './sessions.js';

export const MCP_PATH = '/mcp';
export const HEALTH_PATH = '/health';

/** The largest request body read (a tool call's arguments; a draft to check is ~20k characters). */
const MAX_BODY_BYTES = 4 * 1024 * 1024;

export interface HttpAppDeps {
  config: HttpConfig;
  sessions: SessionPool;
  logger: Logger;
  /** What /health reports besides the status. */
  health: () => Record<string, unknown>;
}

/**
 * The request handler of `minzheng-mcp --http`: MCP's Streamable HTTP on /mcp (POST for messages,
 * GET for the server's stream, DELETE to end a session), a health check on /health, and the
 * checks of guard.ts in front of both.
 */
export function createHttpHandler({ config, sessions, logger, health }: HttpAppDeps) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const origin = req.headers.origin;
    if (origin !== undefined && originAllowed(origin, config)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Vary', 'Origin');
      res.setHeader('Access-Control-Expose-Headers', 'Mcp-Session-Id, Mcp-Protocol-Version, WWW-Authenticate');
    }
    if (path === HEALTH_PATH) {
      // Open without the token (a load balancer's probe), but still behind the Host and Origin checks.
      const refused = refusalOf(req.headers, { ...config, token: undefined });
      if (refused) return sendError(res, refused.status, refused.message, refused.headers);
      if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, 405, 'Method not allowed: GET /health', { Allow: 'GET, HEAD' });
      return sendJson(res, 200, { status: 'ok', ...health() });
    }
    if (path !== MCP_PATH) return sendError(res, 404, `Not found: MCP is served on ${MCP_PATH}, a health check on ${HEALTH_PATH}.`);
    if (req.method === 'OPTIONS') return preflight(req, res, config);
    const refused = refusalOf(req.headers, config);
    if (refused) return sendError(res, refused.status, refused.message, refused.headers);

    const sessionId = header(req, 'mcp-session-id');
    try {
      if (req.method === 'POST') {
        const body = await readJson(req);
        if (body === undefined) return sendError(res, 400, 'Parse error: the body is not JSON', {}, -32700);
        if (sessionId === undefined) {
          if (!isInitializeRequest(body)) return sendError(res, 400, 'Bad Request: no Mcp-Session-Id header; start a session with an initialize request');
          if (sessions.full) return sendError(res, 503, 'Too many open sessions: try again later', { 'Retry-After': '60' });
          const transport = await sessions.open();
          await transport.handleRequest(req, res, body);
          if (transport.sessionId === undefined) await transport.close(); // initialize refused: nothing to keep
          return;
        }
        const transport = sessions.get(sessionId);
        if (!transport) return sessionNotFound(res);
        return await transport.handleRequest(req, res, body);
      }
      if (req.method === 'GET' || req.method === 'DELETE') {
        if (sessionId === undefined) return sendError(res, 400, `Bad Request: ${req.method} needs the Mcp-Session-Id header of an initialized session`);
        const transport = sessions.get(sessionId);
        if (!transport) return sessionNotFound(res);
        return await transport.handleRequest(req, res);
      }
      return sendError(res, 405, 'Method not allowed: POST, GET or DELETE', { Allow: 'POST, GET, DELETE, OPTIONS' });
    } catch (error) {
      if ((error as { status?: number }).status === 413) return sendError(res, 413, `Request body over ${MAX_BODY_BYTES} bytes`);
      logger.warn(`HTTP ${req.method} ${path} failed: ${(error as Error).message}`);
      if (!res.headersSent) sendError(res, 500, 'Internal error', {}, -32603);
    }
  };
}

/** The spec: a session the server does not know (ended, expired, restarted) is 404, and the client starts a new one. */
function sessionNotFound(res: ServerResponse): void {
  sendError(res, 404, 'Session not found: it ended or the server restarted; send a new initialize request', {}, -32001);
}

function preflight(req: IncomingMessage, res: ServerResponse, config: HttpConfig): void {
  const origin = req.headers.origin;
  if (origin === undefined || !originAllowed(origin, config)) return sendError(res, 403, `Origin "${origin ?? ''}" refused`);
  res.writeHead(204, {
    'Access-Control-Allow-Methods': 'POST, GET, DELETE, OPTIONS',
    'Access-Control-Allow-Headers': 'Content-Type, Authorization, Mcp-Session-Id, Mcp-Protocol-Version, Last-Event-ID',
    'Access-Control-Max-Age': '600',
  });
  res.end();
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The request body as JSON; undefined when it is not JSON. Throws (status 413) past the limit. */
async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw Object.assign(new Error('body too large'), { status: 413 });
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/** Errors in JSON-RPC form, as MCP clients parse them (-32000 unless a code is given). */
function sendError(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}, code = -32000): void {
  sendJson(res, status, { jsonrpc: '2.0', error: { code, message }, id: null }, headers);
}
