import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { z, ZodType, type ZodIssue, type ZodTypeAny } from 'zod';

/** Enum values and other candidates named in an input error before "…and N more". */
const MAX_CANDIDATES = 20;

/**
 * Makes the SDK's answer to arguments its input schema rejects say what was wrong and what is
 * accepted ("limit: got 100 (accepted: an integer from 1 to 50, default 8)") instead of zod's
 * bare "Invalid input at place". SDK 1.x validates in McpServer's private validateToolInput
 * (server/mcp.js) and turns the McpError it throws into a tool result with isError; this wraps
 * that one method for every tool. Should a later SDK drop the method, its own message stands.
 */
export function explainInvalidArguments(server: McpServer): void {
  type Validate = (tool: { inputSchema?: unknown }, args: unknown, toolName: string) => Promise<unknown>;
  const target = server as unknown as { validateToolInput?: Validate };
  const sdkValidate = target.validateToolInput;
  if (typeof sdkValidate !== 'function') return;
  target.validateToolInput = async function (this: unknown, tool, args, toolName) {
    try {
      return await sdkValidate.call(this, tool, args, toolName);
    } catch (error) {
      const schema = tool.inputSchema;
      if (!(error instanceof McpError) || error.code !== ErrorCode.InvalidParams || !(schema instanceof ZodType)) throw error;
      const parsed = schema.safeParse(args ?? {});
      if (parsed.success) throw error;
      throw new McpError(ErrorCode.InvalidParams, `Invalid arguments for tool ${toolName}: ${explainIssues(schema, args ?? {}, parsed.error.issues)}`);
    }
  };
}

/** One clause per argument at fault: where, what was sent, what is accepted. */
export function explainIssues(schema: ZodTypeAny, args: unknown, issues: readonly ZodIssue[]): string {
  const clauses = new Map<string, string>();
  for (const issue of issues) {
    const where = issue.path.length === 0 ? 'arguments' : issue.path.map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? key : `.${key}`)).join('');
    if (clauses.has(where)) continue;
    const value = valueAt(args, issue.path);
    const accepted = acceptedBy(schemaAt(schema, issue.path), value);
    const typed = ['invalid_type', 'invalid_enum_value', 'invalid_literal', 'invalid_union', 'too_small', 'too_big', 'not_multiple_of'].includes(issue.code);
    const problem = value === undefined ? 'missing' : typed ? `got ${preview(value)}` : issue.message;
    clauses.set(where, accepted ? `${where}: ${problem} (accepted: ${accepted})` : `${where}: ${typed ? issue.message : problem}`);
  }
  return [...clauses.values()].join('; ');
}

/** What a schema accepts, compactly; for a union, the branches of the value's kind when there are some. */
function acceptedBy(schema: ZodTypeAny | undefined, value?: unknown): string | undefined {
  if (!schema) return undefined;
  if (schema instanceof z.ZodOptional) return acceptedBy(schema.unwrap(), value);
  if (schema instanceof z.ZodNullable) return `${acceptedBy(schema.unwrap(), value) ?? 'a value'} or null`;
  if (schema instanceof z.ZodDefault) {
    const inner = acceptedBy(schema.removeDefault(), value);
    return inner && `${inner}, default ${JSON.stringify(schema._def.defaultValue())}`;
  }
  if (schema instanceof z.ZodEffects) return acceptedBy(schema.innerType(), value);
  if (schema instanceof z.ZodString) {
    const length = bounds(schema.minLength, schema.maxLength, 'characters');
    return length ? `a string of ${length}` : 'a string';
  }
  if (schema instanceof z.ZodNumber) {
    const { minValue: min, maxValue: max } = schema;
    const limits = min !== null && max !== null ? ` from ${min} to ${max}` : min !== null ? ` ≥ ${min}` : max !== null ? ` ≤ ${max}` : '';
    return `${schema.isInt ? 'an integer' : 'a number'}${limits}`;
  }
  if (schema instanceof z.ZodBoolean) return 'true or false';
  if (schema instanceof z.ZodLiteral) return JSON.stringify(schema.value);
  if (schema instanceof z.ZodEnum) return `one of ${candidates(schema.options as unknown[])}`;
  if (schema instanceof z.ZodArray) {
    const each = acceptedBy(schema.element);
    const size = bounds(schema._def.minLength?.value ?? null, schema._def.maxLength?.value ?? null, 'items');
    return `an array of ${size ?? 'items'}${each ? `, each ${each}` : ''}`;
  }
  if (schema instanceof z.ZodObject) return `an object with ${candidates(Object.keys(schema.shape as object), false)}`;
  if (schema instanceof z.ZodUnion) {
    const options = schema.options as ZodTypeAny[];
    if (options.every((option) => option instanceof z.ZodLiteral)) return `one of ${candidates(options.map((option) => (option as z.ZodLiteral<unknown>).value))}`;
    const sameKind = options.filter((option) => value !== undefined && kindOf(option) === kindOfValue(value));
    const described = (sameKind.length > 0 ? sameKind : options).map((option) => acceptedBy(option));
    return described.every((text) => text !== undefined) ? described.join(', or ') : undefined;
  }
  return undefined;
}

/** The schema of the argument at a path, through optional, default, arrays, objects and the union branch that can hold the path. */
function schemaAt(schema: ZodTypeAny, path: readonly (string | number)[]): ZodTypeAny | undefined {
  if (path.length === 0) return schema;
  const [key, ...rest] = path;
  const inner = unwrap(schema);
  if (inner instanceof z.ZodObject && typeof key === 'string') {
    const child = (inner.shape as Record<string, ZodTypeAny>)[key];
    return child && schemaAt(child, rest);
  }
  if (inner instanceof z.ZodArray && typeof key === 'number') return schemaAt(inner.element, rest);
  if (inner instanceof z.ZodUnion) {
    for (const option of inner.options as ZodTypeAny[]) {
      const found = schemaAt(option, path);
      if (found) return found;
    }
  }
  return undefined;
}

function unwrap(schema: ZodTypeAny): ZodTypeAny {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) return unwrap(schema.unwrap());
  if (schema instanceof z.ZodDefault) return unwrap(schema.removeDefault());
  if (schema instanceof z.ZodEffects) return unwrap(schema.innerType());
  return schema;
}

function kindOf(schema: ZodTypeAny): string | undefined {
  const inner = unwrap(schema);
  if (inner instanceof z.ZodString || inner instanceof z.ZodEnum) return 'string';
  if (inner instanceof z.ZodNumber) return 'number';
  if (inner instanceof z.ZodBoolean) return 'boolean';
  if (inner instanceof z.ZodArray) return 'array';
  if (inner instanceof z.ZodObject) return 'object';
  if (inner instanceof z.ZodLiteral) return kindOfValue(inner.value);
  return undefined;
}

function kindOfValue(value: unknown): string {
  return Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
}

/** "1–200 characters", "at least 1 character", "at most 40 characters", or undefined without bounds. */
function bounds(min: number | null, max: number | null, unit: string): string | undefined {
  const count = (n: number) => `${n} ${n === 1 ? unit.slice(0, -1) : unit}`;
  if (min !== null && max !== null) return min === max ? `exactly ${count(min)}` : `${min}–${max} ${unit}`;
  if (min !== null) return `at least ${count(min)}`;
  if (max !== null) return `at most ${count(max)}`;
  return undefined;
}

function candidates(values: readonly unknown[], quote = true): string {
  const shown = values.slice(0, MAX_CANDIDATES).map((value) => (quote ? JSON.stringify(value) : String(value)));
  const more = values.length - shown.length;
  return `${shown.join(', ')}${more > 0 ? ` …and ${more} more` : ''}`;
}

function valueAt(args: unknown, path: readonly (string | number)[]): unknown {
  let value = args;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

/** A sent value, short: long strings and arrays are cut and their size given. */
function preview(value: unknown): string {
  if (typeof value === 'string' && value.length > 30) return `${JSON.stringify(value.slice(0, 20))}… (${value.length} characters)`;
  const json = JSON.stringify(value) ?? String(value);
  if (json.length <= 40) return json;
  return Array.isArray(value) ? `an array of ${value.length} items` : `${json.slice(0, 40)}…`;
}
