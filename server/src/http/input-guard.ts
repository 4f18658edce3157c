/**
 * Input no route may receive (issue 9, hole 13), refused with a 400 in one place rather than
 * route by route, so a new route is covered without anyone remembering:
 *   - numbers the database cannot hold: every integer in a request schema without its own bounds
 *     is held to PostgreSQL's int4 range, every other number to ±1e15 (1e20 as an id or an
 *     offset was a 500 from the database);
 *   - text with control characters (NUL is a 500 from PostgreSQL), lone surrogates, or
 *     invisible direction/zero-width characters — the shared rule in common/src/text.ts;
 *   - documents nested deeper than any form of ours.
 * Real calendar dates are the IsoDate schema's job (common/src/http/contract.ts, ajv's `date` format).
 * Runs after access control (its preValidation is registered later), so a caller without
 * access still learns nothing about what is wrong with the input.
 */
import { textProblem, type TextProblem, say } from '@ytcs/common';
import type { FastifyRequest } from 'fastify';
import { type FieldError, type Said, invalid } from '../errors.ts';
import type { App } from './app-types.ts';

export const INT4_MAX = 2_147_483_647;
export const NUMBER_LIMIT = 1e15;
const MAX_DEPTH = 32;

type JsonSchema = Record<string, unknown>;

/** A copy of the schema with bounds on every unbounded integer and number. */
export function boundNumbers(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(boundNumbers);
  if (!schema || typeof schema !== 'object') return schema;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(schema as JsonSchema)) out[key] = boundNumbers(value);
  // TypeBox marks its schemas with symbol keys; keep them (the type provider reads them).
  for (const sym of Object.getOwnPropertySymbols(schema)) (out as Record<symbol, unknown>)[sym] = (schema as Record<symbol, unknown>)[sym];
  const types = Array.isArray(out.type) ? out.type : [out.type];
  const limit = types.includes('integer') ? INT4_MAX : types.includes('number') ? NUMBER_LIMIT : null;
  if (limit !== null) {
    if (out.maximum === undefined && out.exclusiveMaximum === undefined) out.maximum = limit;
    if (out.minimum === undefined && out.exclusiveMinimum === undefined) out.minimum = limit === INT4_MAX ? -INT4_MAX - 1 : -limit;
  }
  return out;
}

/** A finding's message without its code (a field error has none). */
const saidOf = ({ code: _code, ...said }: TextProblem): Said => said;

/** The first piece of text (value or key) that cannot be stored, with where it is. */
function findBadText(value: unknown, field: string, depth: number): FieldError | null {
  if (depth > MAX_DEPTH) return { field, ...say('http.nestedTooDeep') };
  if (typeof value === 'string') {
    const problem = textProblem(value);
    return problem ? { field, ...saidOf(problem) } : null;
  }
  if (!value || typeof value !== 'object' || ArrayBuffer.isView(value)) return null;
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  for (const [key, item] of entries) {
    const path = field ? `${field}.${key}` : key;
    const keyProblem = textProblem(key);
    if (keyProblem) return { field: path, ...saidOf(keyProblem) };
    const found = findBadText(item, path, depth + 1);
    if (found) return found;
  }
  return null;
}

export function installInputGuard(app: App) {
  app.addHook('onRoute', (route) => {
    if (!route.schema) return;
    for (const part of ['body', 'querystring', 'params', 'headers'] as const) {
      if (route.schema[part]) route.schema[part] = boundNumbers(route.schema[part]) as never;
    }
  });

  app.addHook('preValidation', async (req: FastifyRequest) => {
    const bad =
      findBadText(req.params, '', 0) ?? findBadText(req.query, '', 0) ?? (req.body && typeof req.body === 'object' ? findBadText(req.body, '', 0) : typeof req.body === 'string' ? findBadText(req.body, 'body', 0) : null);
    if (bad) throw invalid([{ ...bad, field: bad.field || 'body' }]);
  });
}
