#!/usr/bin/env node
import { serveStdio } from './stdio.js';

// `minzheng-mcp` serves MCP on stdio; `minzheng-mcp --http` over Streamable HTTP (loaded only then).
const argv = process.argv.slice(2);
if (argv.includes('--http')) {
  const { serveHttp } = await import('./http.js');
  await serveHttp(argv);
} else {
  await serveStdio(argv);
}
