import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/paths.js';

const read = (file: string) => JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, file), 'utf8')) as Record<string, any>;

/** The MCP registry's entry (server.json, schema 2025-12-11) agrees with package.json and with what the server reads. */
describe('server.json for the MCP registry', () => {
  const server = read('server.json');
  const pkg = read('package.json');

  it('follows the schema’s rules the registry enforces', () => {
    expect(server.$schema).toMatch(/^https:\/\/static\.modelcontextprotocol\.io\/schemas\/\d{4}-\d{2}-\d{2}\/server\.schema\.json$/);
    expect(server.name).toMatch(/^[a-zA-Z0-9.-]+\/[a-zA-Z0-9._-]+$/);
    expect(server.description.length).toBeGreaterThan(0);
    expect(server.description.length).toBeLessThanOrEqual(100);
    for (const entry of server.packages) {
      expect(entry.version).toMatch(/^\d+\.\d+\.\d+/);
      expect(['stdio', 'streamable-http', 'sse']).toContain(entry.transport.type);
    }
  });

  it('names the npm package at the version package.json has, which carries mcpName (ownership check)', () => {
    expect(server.version).toBe(pkg.version);
    expect(server.packages).toEqual([expect.objectContaining({ registryType: 'npm', identifier: pkg.name, version: pkg.version })]);
    expect(pkg.mcpName).toBe(server.name);
  });

  it('lists environment variables the server really reads', () => {
    const config = fs.readFileSync(path.join(PACKAGE_ROOT, 'src', 'config.ts'), 'utf8');
    for (const variable of server.packages[0].environmentVariables) expect(config, variable.name).toContain(`env.${variable.name}`);
  });
});
