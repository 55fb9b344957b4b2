/** Expected failures carry a code; one place (server/tool-result.ts) turns them into tool results. */
export type ErrorCode =
  | 'UNKNOWN_DOCUMENT'
  | 'UNKNOWN_PASSAGE'
  | 'UNKNOWN_PLACE'
  | 'AMBIGUOUS_PLACE'
  | 'NO_REPORTS_FOR_PLACE'
  | 'GAZETTEER_UNUSABLE'
  | 'UNKNOWN_INDICATOR'
  | 'BAD_ARGUMENT'
  | 'BAD_DICTIONARY'
  | 'INDEX_UNUSABLE'
  | 'INDEX_BUILDING'
  | 'INDEX_FAILED'
  | 'CONFIG';

export class MinzhengError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'MinzhengError';
  }
}

export function isMinzhengError(error: unknown): error is MinzhengError {
  return error instanceof MinzhengError;
}
