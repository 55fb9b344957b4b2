#!/usr/bin/env node
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { readConfig } from '../config.js';
import { stderrLogger } from '../log.js';
import { openLibrary } from '../open-library.js';
import { createServer } from '../server/create-server.js';

const config = readConfig(process.argv.slice(2), process.env);
let library;
try {
  library = openLibrary(config, stderrLogger);
} catch (error) {
  stderrLogger.warn(`cannot start: ${(error as Error).message}`);
  process.exit(1);
}
const server = createServer({ library, logger: stderrLogger });
await server.connect(new StdioServerTransport());

// The SDK may keep the process alive after the client goes away; stdin closing is the end.
const shutdown = () => {
  void server.close().finally(() => process.exit(0));
};
process.stdin.on('end', shutdown);
process.stdin.on('close', shutdown);
