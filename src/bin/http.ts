import http from 'node:http';
import { readConfig, readHttpConfig } from '../config.js';
import { MCP_PATH, createHttpHandler } from '../http/app.js';
import { SessionPool } from '../http/sessions.js';
import { stderrLogger } from '../log.js';
import { createServer } from '../server/create-server.js';
import { cleanUpAtExit } from '../start/exit-cleanup.js';
import type { LibraryHolder } from '../start/library-holder.js';
import { startLibrary } from '../start/start-library.js';
import { afterStartChecks, buildWorkerUrl } from './start-options.js';

/** How long shutdown waits for open requests and streams before it ends the process anyway. */
const SHUTDOWN_GRACE_MS = 5_000;

/** A long-running shared server checks the corpus's content again this often. */
const CORPUS_CHECK_EVERY_MS = 60 * 60 * 1000;

/**
 * MCP over Streamable HTTP (`--http [--port N] [--host H]`): one library for the process (built
 * after the server listens when it must be), one McpServer per client session. Ends cleanly on
 * SIGINT or SIGTERM.
 */
export async function serveHttp(argv: readonly string[]): Promise<void> {
  let config;
  let location;
  try {
    config = readHttpConfig(argv, process.env)!;
    location = readConfig(argv, process.env);
  } catch (error) {
    stderrLogger.warn(`cannot start: ${(error as Error).message}`);
    process.exit(1);
  }
  const cleanup = cleanUpAtExit(location.indexDir);
  const holder = startLibrary(location, stderrLogger, { workerUrl: buildWorkerUrl() });
  const sessions = new SessionPool(() => createServer({ holder, logger: stderrLogger }), stderrLogger);
  const health = () => ({ reports: holder.readyLibrary()?.manifest.counts.reports ?? 0, sessions: sessions.size, ...indexState(holder) });
  const handler = createHttpHandler({ config, sessions, logger: stderrLogger, health });
  const server = http.createServer((req, res) => void handler(req, res));

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  }).catch((error: NodeJS.ErrnoException) => {
    const hint = error.code === 'EADDRINUSE' ? ': the port is taken; choose another with --port N (0 picks a free one)' : '';
    stderrLogger.warn(`cannot start: listening on ${config.host}:${config.port} failed (${error.message})${hint}`);
    process.exit(1);
  });
  holder.whenReady((library) => library.preloadSearch(stderrLogger));
  afterStartChecks(holder, location, stderrLogger, CORPUS_CHECK_EVERY_MS);

  let ending = false;
  const shutdown = (signal: string) => {
    if (ending) return;
    ending = true;
    stderrLogger.info(`${signal}: closing ${sessions.size} session(s) and stopping`);
    let exiting = false;
    const exit = () => {
      if (exiting) return;
      exiting = true;
      void holder.stop().then((stopped) => {
        if (!stopped) cleanup.keepGeneration();
        process.exit(0);
      });
    };
    setTimeout(exit, SHUTDOWN_GRACE_MS).unref();
    server.close(exit);
    void sessions.closeAll().then(() => server.closeIdleConnections());
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));

  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const where = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}${MCP_PATH}`;
  const ready = holder.readyLibrary();
  stderrLogger.info(`${ready ? `ready: ${ready.manifest.counts.reports} reports, serving` : 'the index is being built; serving'} MCP on ${where}${config.token ? ' (bearer token required)' : ''}`);
}

/** /health says whether the index is being built or failed (it answers "ok" either way: the server runs). */
function indexState(holder: LibraryHolder): { index?: string } {
  const state = holder.current();
  if (!('state' in state)) return {};
  return { index: state.state };
}
