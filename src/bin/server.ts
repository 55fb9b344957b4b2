#!/usr/bin/env node
import { fileURLToPath } from 'node:url';
import { runWithCodeCache } from './code-cache.js';
import type { serveStdio as ServeStdio } from './stdio.js';

// `minzheng-mcp` serves MCP on stdio; `minzheng-mcp --http` over Streamable HTTP. Bundled, each is
// a bundle of its own: this entry (dist/server.mjs) only chooses, so a start parses neither until
// it needs it. The stdio bundle (dist/stdio-main.cjs) runs with V8's code cache (code-cache.ts).
const argv = process.argv.slice(2);
const bundled = import.meta.url.endsWith('.mjs');
if (argv.includes('--http')) {
  const httpEntry = bundled ? './http.mjs' : './http.js';
  const { serveHttp } = (await import(httpEntry)) as typeof import('./http.js');
  await serveHttp(argv);
} else if (bundled) {
  const main = runWithCodeCache(fileURLToPath(new URL('./stdio-main.cjs', import.meta.url)));
  await (main.exports.serveStdio as typeof ServeStdio)(argv, { afterFirstAnswer: main.save });
} else {
  // A specifier the bundler leaves alone: the bundle must not hold the server a second time.
  const stdioEntry = './stdio.js';
  const { serveStdio } = (await import(stdioEntry)) as typeof import('./stdio.js');
  await serveStdio(argv);
}
