import crypto from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { isLoopback, type HttpConfig } from '../config.js';

/** Why a request is refused: the HTTP status and a message that says what to do. */
export interface Refusal {
  status: 401 | 403;
  message: string;
  headers?: Record<string, string>;
}

/**
 * Checks that decide whether a request reaches MCP at all (MCP spec, Transports → Security
 * Warning): on a loopback address the Host header must name a loopback host (DNS rebinding: a
 * page on evil.example resolving to 127.0.0.1 still sends Host: evil.example); a browser's Origin
 * must be a loopback page or one allowed by configuration; with a token, the bearer must match it.
 */
export function refusalOf(headers: IncomingHttpHeaders, config: HttpConfig): Refusal | undefined {
  if (isLoopback(config.host)) {
    const host = hostnameOf(headers.host);
    if (host === undefined || !isLoopback(host)) {
      return { status: 403, message: `Host "${headers.host ?? ''}" refused: this server listens on ${config.host} and answers only to localhost, 127.0.0.1 or [::1] (DNS rebinding protection).` };
    }
  }
  const origin = headers.origin;
  if (origin !== undefined && !originAllowed(origin, config)) {
    return {
      status: 403,
      message: `Origin "${origin}" refused: only pages on localhost and origins listed in --allowed-origins or MINZHENG_ALLOWED_ORIGINS may call this server.`,
    };
  }
  if (config.token !== undefined && !bearerMatches(headers.authorization, config.token)) {
    return {
      status: 401,
      message: 'Missing or wrong bearer token: send "Authorization: Bearer <MINZHENG_TOKEN>".',
      headers: { 'WWW-Authenticate': 'Bearer realm="minzheng-mcp"' },
    };
  }
  return undefined;
}

/** A browser origin this server answers (CORS is granted to exactly these). */
export function originAllowed(origin: string, config: HttpConfig): boolean {
  if (config.allowedOrigins.includes(origin.replace(/\/$/, ''))) return true;
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && isLoopback(url.hostname);
  } catch {
    return false; // "null" (a sandboxed page or a file) and anything unparsable
  }
}

/** The host name of a Host header: "localhost:8765" → localhost, "[::1]:8765" → [::1]. */
function hostnameOf(hostHeader: string | undefined): string | undefined {
  if (!hostHeader) return undefined;
  try {
    return new URL(`http://${hostHeader}`).hostname;
  } catch {
    return undefined;
  }
}

/** Constant-time comparison of the bearer token, so timing does not reveal how much of a guess was right. */
function bearerMatches(authorization: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (!match) return false;
  const given = crypto.createHash('sha256').update(match[1]!).digest();
  const expected = crypto.createHash('sha256').update(token).digest();
  return crypto.timingSafeEqual(given, expected);
}
