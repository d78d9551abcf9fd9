// The one check of every string a request brings, at the edge: no NUL byte and no invalid UTF-16 (a lone surrogate)
// in path parameters, query strings, JSON bodies (keys and values, at any depth) and multipart text fields, and no
// JSON nested deeper than MAX_DEPTH. PostgreSQL refuses both characters in text and jsonb, so without this check
// they reached the database and answered 500; now they answer 400 INVALID_TEXT naming the field.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from './errors';

/** Deeper JSON than any form of the app sends; a deeper one is refused before it reaches a handler. */
export const MAX_DEPTH = 32;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** True when a string holds a NUL byte or a lone surrogate. */
export function isBadText(s: string): boolean {
  return s.includes('\0') || LONE_SURROGATE.test(s);
}

/** 400 naming the field (never echoing the bad string). */
export function invalidText(field: string, key: 'invalid_text' | 'too_deep' = 'invalid_text'): AppError {
  return new AppError(key === 'too_deep' ? 'VALIDATION_FAILED' : 'INVALID_TEXT', 400, {
    fieldKeys: [{ field: field || '(body)', key }],
  });
}

/** The first bad string of a parsed value (iteratively: a deep value cannot exhaust the stack), or null. */
export function findBadText(value: unknown, root = ''): AppError | null {
  const stack: { v: unknown; path: string; depth: number }[] = [{ v: value, path: root, depth: 0 }];
  while (stack.length) {
    const { v, path, depth } = stack.pop()!;
    if (typeof v === 'string') {
      if (isBadText(v)) return invalidText(path);
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (Buffer.isBuffer(v)) continue;
    if (depth >= MAX_DEPTH) return invalidText(path, 'too_deep');
    const entries: [string, unknown][] = Array.isArray(v)
      ? v.map((x, i) => [String(i), x])
      : Object.entries(v as Record<string, unknown>);
    for (const [k, x] of entries) {
      if (isBadText(k)) return invalidText(path);
      stack.push({ v: x, path: path ? `${path}.${k}` : k, depth: depth + 1 });
    }
  }
  return null;
}

function checkPart(part: any): void {
  if (!part) return;
  if (isBadText(String(part.fieldname ?? ''))) throw invalidText('(multipart)');
  if (part.type === 'file') {
    if (isBadText(String(part.filename ?? ''))) throw invalidText(part.fieldname);
  } else if (typeof part.value === 'string' && isBadText(part.value)) throw invalidText(part.fieldname);
}

/** Multipart text fields are read by the handlers as a stream: check each one as it is handed over. */
function guardMultipart(req: FastifyRequest): void {
  const parts = req.parts.bind(req);
  const file = req.file.bind(req);
  req.parts = async function* (options?: any) {
    for await (const part of parts(options)) {
      checkPart(part);
      yield part;
    }
  } as typeof req.parts;
  req.file = (async (options?: any) => {
    const part = await file(options);
    if (part) {
      checkPart(part);
      for (const f of Object.values(part.fields ?? {})) for (const p of [f].flat()) if (p !== part) checkPart(p);
    }
    return part;
  }) as typeof req.file;
}

/** Registers the check on every route (before schema validation, so no schema can let a bad string through). */
export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    const bad =
      findBadText(req.params) ?? findBadText(req.query) ?? (req.isMultipart() ? null : findBadText(req.body)) ?? null;
    if (bad) throw bad;
    if (req.isMultipart()) guardMultipart(req);
  });
}
