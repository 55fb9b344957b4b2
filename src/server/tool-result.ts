import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { isMinzhengError } from '../errors.js';
import type { Logger } from '../log.js';

export interface ToolAnswer<T> {
  structured: T;
  /** What a person reads: Chinese labels, the figures, the citations. */
  text: string;
}

/**
 * Runs a tool body and turns its answer or its expected failure into a tool result. Expected
 * failures say how to fix the call; anything else is logged and reported without a stack trace.
 */
export function runTool<T extends Record<string, unknown>>(logger: Logger, body: () => ToolAnswer<T>): CallToolResult {
  try {
    const answer = body();
    return { structuredContent: answer.structured, content: [{ type: 'text', text: answer.text }] };
  } catch (error) {
    if (isMinzhengError(error)) return { isError: true, content: [{ type: 'text', text: error.message }] };
    logger.warn(`tool failed: ${(error as Error).stack ?? String(error)}`);
    return { isError: true, content: [{ type: 'text', text: `Internal error: ${(error as Error).message}` }] };
  }
}

export const READ_ONLY = { readOnlyHint: true, openWorldHint: false, idempotentHint: true } as const;
