import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { readConfig } from '../config.js';
import { stderrLogger } from '../log.js';
import { createServer } from '../server/create-server.js';
import { cleanUpAtExit } from '../start/exit-cleanup.js';
import { startLibrary } from '../start/start-library.js';
import { afterStartChecks, buildWorkerUrl } from './start-options.js';

/** MCP over stdio: what a chat client that starts the server itself uses. `afterFirstAnswer` runs once the first tool call is answered. */
export async function serveStdio(argv: readonly string[], hooks: { afterFirstAnswer?: () => void } = {}): Promise<void> {
  let config;
  try {
    config = readConfig(argv, process.env);
  } catch (error) {
    stderrLogger.warn(`cannot start: ${(error as Error).message}`);
    process.exit(1);
  }
  const cleanup = cleanUpAtExit(config.indexDir);
  // A fresh index opens here as fast as ever; a stale or missing one is built after the handshake.
  const holder = startLibrary(config, stderrLogger, { workerUrl: buildWorkerUrl() });
  const server = createServer({ holder, logger: stderrLogger }, hooks);

  // The client going away is the end: stdin closing, or stdout failing (EPIPE once it stops reading).
  // The SDK may keep the process alive otherwise, and an unhandled stdout 'error' would crash with a stack.
  let ending = false;
  const shutdown = () => {
    if (ending) return;
    ending = true;
    void server
      .close()
      .then(() => holder.stop())
      .then((stopped) => {
        if (!stopped) cleanup.keepGeneration();
      })
      .finally(() => process.exit(0));
  };
  process.stdout.on('error', shutdown);
  process.stderr.on('error', () => {}); // nowhere left to report to
  process.stdin.on('end', shutdown);
  process.stdin.on('close', shutdown);
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  await server.connect(new StdioServerTransport());
  const library = holder.readyLibrary();
  stderrLogger.info(library ? `ready: ${library.manifest.counts.reports} reports, serving MCP on stdio` : 'serving MCP on stdio; the index is being built');
  afterStartChecks(holder, config, stderrLogger);
}
