import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { silentLogger } from '../../src/log.js';
import { createServer } from '../../src/server/create-server.js';
import { bundledLibrary } from '../helpers.js';
import { LibraryHolder } from '../../src/start/library-holder.js';

/** A real MCP client linked in-process to a server over the bundled index. */
export async function connectInMemory(): Promise<Client> {
  const server = createServer({ holder: LibraryHolder.ready(bundledLibrary()), logger: silentLogger });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name: 'test', version: '1' });
  await Promise.all([server.connect(serverSide), client.connect(clientSide)]);
  return client;
}

export async function call(client: Client, name: string, args: Record<string, unknown> = {}): Promise<CallToolResult> {
  return (await client.callTool({ name, arguments: args })) as CallToolResult;
}

/** A report's whole text, read page by page as get_document serves it. */
export async function documentText(client: Client, docId: string): Promise<string> {
  let text = '';
  for (let offset: number | null = 0; offset !== null; ) {
    const page = (await client.callTool({ name: 'get_document', arguments: { doc_id: docId, offset } })) as CallToolResult;
    const { text: part, next_offset } = page.structuredContent as { text: string; next_offset: number | null };
    text += part;
    offset = next_offset;
  }
  return text;
}

export function textOf(result: CallToolResult): string {
  return result.content.map((block) => (block.type === 'text' ? block.text : '')).join('\n');
}

export interface CitationLike {
  doc_id: string;
  start: number;
  end: number;
  quote: string;
}

/** Collects every citation object anywhere in a structured result. */
export function citationsIn(value: unknown): CitationLike[] {
  if (Array.isArray(value)) return value.flatMap(citationsIn);
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const own = record.citation && typeof record.citation === 'object' ? [record.citation as CitationLike] : [];
    return [...own, ...Object.entries(record).filter(([key]) => key !== 'citation').flatMap(([, v]) => citationsIn(v))];
  }
  return [];
}

/**
 * Waits until a server's index is ready: a first start on a corpus builds it after the handshake
 * and answers "索引正在建立 (building the index …)" meanwhile. Returns how many calls said so.
 */
export async function untilReady(client: Client, timeoutMs = 120_000): Promise<number> {
  const started = Date.now();
  for (let building = 0; ; building++) {
    const result = (await client.callTool({ name: 'list_reports', arguments: {} })) as CallToolResult;
    if (!result.isError || !textOf(result).startsWith('索引正在建立')) return building;
    if (Date.now() - started > timeoutMs) throw new Error(`the index was still being built after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
