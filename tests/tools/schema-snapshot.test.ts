import { describe, expect, it } from 'vitest';
import { connectInMemory } from './client.js';

describe('tool schemas', () => {
  it('match the snapshot: a schema change must be deliberate (update with vitest -u)', async () => {
    const client = await connectInMemory();
    const { tools } = await client.listTools();
    const contract = tools.map(({ name, inputSchema, outputSchema, annotations }) => ({ name, inputSchema, outputSchema, annotations }));
    expect(contract.map((tool) => tool.name)).toEqual([
      'list_reports', 'get_document', 'search_reports', 'get_passage', 'list_indicators', 'lookup_indicator', 'compare_cities', 'ask', 'check_figure',
    ]);
    expect(contract).toMatchSnapshot();
  });

  it('hold no $ref: every field carries its own type, for clients that do not follow references', async () => {
    const client = await connectInMemory();
    const { tools } = await client.listTools();
    const refs = tools.flatMap((tool) => (JSON.stringify(tool).match(/"\$ref":"[^"]*"/g) ?? []).map((ref) => `${tool.name}: ${ref}`));
    expect(refs).toEqual([]);
  });
});
