import { randomUUID } from 'node:crypto';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { Logger } from '../log.js';

interface Session {
  transport: StreamableHTTPServerTransport;
  server: McpServer;
  lastSeen: number;
}

export interface SessionLimits {
  /** Sessions open at once; a client past it is told to retry later (503). */
  maxSessions: number;
  /** A session no request has used for this long is closed. */
  idleMs: number;
}

export const DEFAULT_LIMITS: SessionLimits = { maxSessions: 100, idleMs: 30 * 60_000 };

/**
 * The MCP sessions of the HTTP server: one McpServer and transport per client session, all
 * reading the one library the process loaded. A session ends on the client's DELETE, when idle
 * too long, or at shutdown.
 */
export class SessionPool {
  private readonly sessions = new Map<string, Session>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    private readonly newServer: () => McpServer,
    private readonly logger: Logger,
    private readonly limits: SessionLimits = DEFAULT_LIMITS,
  ) {
    this.sweeper = setInterval(() => this.closeIdle(), Math.min(60_000, limits.idleMs)).unref();
  }

  get size(): number {
    return this.sessions.size;
  }

  get full(): boolean {
    return this.sessions.size >= this.limits.maxSessions;
  }

  /** The transport of a session by its Mcp-Session-Id, marked as used now. */
  get(sessionId: string): StreamableHTTPServerTransport | undefined {
    const session = this.sessions.get(sessionId);
    if (session) session.lastSeen = Date.now();
    return session?.transport;
  }

  /** A transport for an initialize request: its session is kept once the SDK has assigned the id. */
  async open(): Promise<StreamableHTTPServerTransport> {
    const server = this.newServer();
    const transport: StreamableHTTPServerTransport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (sessionId) => {
        this.sessions.set(sessionId, { transport, server, lastSeen: Date.now() });
        this.logger.info(`session ${sessionId.slice(0, 8)} opened (${this.sessions.size} open)`);
      },
    });
    transport.onclose = () => {
      const id = transport.sessionId;
      if (id && this.sessions.delete(id)) this.logger.info(`session ${id.slice(0, 8)} closed (${this.sessions.size} open)`);
      void server.close();
    };
    await server.connect(transport);
    return transport;
  }

  /** Closes every session (shutdown): open streams end, clients see the server go. */
  async closeAll(): Promise<void> {
    clearInterval(this.sweeper);
    await Promise.allSettled([...this.sessions.values()].map(({ transport }) => transport.close()));
    this.sessions.clear();
  }

  private closeIdle(): void {
    const cutoff = Date.now() - this.limits.idleMs;
    for (const [id, session] of this.sessions) {
      if (session.lastSeen < cutoff) {
        this.logger.info(`session ${id.slice(0, 8)} idle for ${Math.round(this.limits.idleMs / 60_000)} min: closing it`);
        void session.transport.close();
      }
    }
  }
}
