import http from 'node:http';
import { readConfig, readHttpConfig } from '../config.js';
import { MCP_PATH, createHttpHandler } from '../http/app.js';
import { SessionPool } from '../http/sessions.js';
import { stderrLogger } from '../log.js';
import { openLibrary } from '../open-library.js';
import { createServer } from '../server/create-server.js';

/** How long shutdown waits for open requests and streams before it ends the process anyway. */
const SHUTDOWN_GRACE_MS = 5_000;

/**
 * MCP over Streamable HTTP (`--http [--port N] [--host H]`): one library loaded for the process,
 * one McpServer per client session. Ends cleanly on SIGINT or SIGTERM.
 */
export async function serveHttp(argv: readonly string[]): Promise<void> {
  let library;
  let config;
  try {
    config = readHttpConfig(argv, process.env)!;
    library = openLibrary(readConfig(argv, process.env), stderrLogger);
  } catch (error) {
    stderrLogger.warn(`cannot start: ${(error as Error).message}`);
    process.exit(1);
  }
  const reports = library.manifest.counts.reports;
  const sessions = new SessionPool(() => createServer({ library, logger: stderrLogger }), stderrLogger);
  const handler = createHttpHandler({ config, sessions, logger: stderrLogger, health: () => ({ reports, sessions: sessions.size }) });
  const server = http.createServer((req, res) => void handler(req, res));

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  }).catch((error: NodeJS.ErrnoException) => {
    const hint = error.code === 'EADDRINUSE' ? ': the port is taken; choose another with --port N (0 picks a free one)' : '';
    stderrLogger.warn(`cannot start: listening on ${config.host}:${config.port} failed (${error.message})${hint}`);
    process.exit(1);
  });
  library.preloadSearch(stderrLogger);

  let ending = false;
  const shutdown = (signal: string) => {
    if (ending) return;
    ending = true;
    stderrLogger.info(`${signal}: closing ${sessions.size} session(s) and stopping`);
    setTimeout(() => process.exit(0), SHUTDOWN_GRACE_MS).unref();
    server.close(() => process.exit(0));
    void sessions.closeAll().then(() => server.closeIdleConnections());
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));

  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const where = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}${MCP_PATH}`;
  stderrLogger.info(`ready: ${reports} reports, serving MCP on ${where}${config.token ? ' (bearer token required)' : ''}`);
}
