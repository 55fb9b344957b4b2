import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { readConfig } from '../config.js';
import { stderrLogger } from '../log.js';
import { openLibrary } from '../open-library.js';
import { createServer } from '../server/create-server.js';

/** MCP over stdio: what a chat client that starts the server itself uses. */
export async function serveStdio(argv: readonly string[]): Promise<void> {
  let library;
  try {
    library = openLibrary(readConfig(argv, process.env), stderrLogger);
  } catch (error) {
    stderrLogger.warn(`cannot start: ${(error as Error).message}`);
    process.exit(1);
  }
  const server = createServer({ library, logger: stderrLogger });

  // The client going away is the end: stdin closing, or stdout failing (EPIPE once it stops reading).
  // The SDK may keep the process alive otherwise, and an unhandled stdout 'error' would crash with a stack.
  let ending = false;
  const shutdown = () => {
    if (ending) return;
    ending = true;
    void server.close().finally(() => process.exit(0));
  };
  process.stdout.on('error', shutdown);
  process.stderr.on('error', () => {}); // nowhere left to report to
  process.stdin.on('end', shutdown);
  process.stdin.on('close', shutdown);
  await server.connect(new StdioServerTransport());
  stderrLogger.info(`ready: ${library.manifest.counts.reports} reports, serving MCP on stdio`);
}
