#!/usr/bin/env node
import { serveStdio } from './stdio.js';

// `minzheng-mcp` serves MCP on stdio; `minzheng-mcp --http` over Streamable HTTP. Bundled, the HTTP
// entry is a bundle of its own (dist/http.mjs), so a stdio start does not parse the HTTP stack.
const argv = process.argv.slice(2);
if (argv.includes('--http')) {
  const httpEntry = import.meta.url.endsWith('.mjs') ? './http.mjs' : './http.js';
  const { serveHttp } = (await import(httpEntry)) as typeof import('./http.js');
  await serveHttp(argv);
} else {
  await serveStdio(argv);
}
