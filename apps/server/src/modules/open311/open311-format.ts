// GeoReport v2 output: JSON or XML chosen by the resource's suffix, a small XML serializer with correct escaping,
// errors in the spec's array form, and ISO 8601 datetimes with the Asia/Shanghai offset.
import type { FastifyReply } from 'fastify';

export type Open311Format = 'json' | 'xml';

/** A GeoReport error: answered as `[{"code":…,"description":…}]` or `<errors><error>…` with that HTTP status. */
export class Open311Error extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 429 | 500,
    readonly description: string,
  ) {
    super(description);
  }
}

/** The element name of the items of each list, as the spec names them. */
const itemNames: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
  errors: 'error',
  service_request_updates: 'request_update',
};

// Characters XML 1.0 cannot carry at all; they are dropped rather than escaped.
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters to remove
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Text as XML character data: &, <, >, quotes escaped; characters XML forbids removed. */
export function escapeXml(value: string): string {
  return value
    .replace(INVALID_XML, '')
    .replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[c]};`);
}

function element(name: string, value: unknown): string {
  if (value === null || value === undefined) return `<${name}/>`;
  if (Array.isArray(value)) {
    const item = itemNames[name] ?? 'item';
    return `<${name}>${value.map((v) => element(item, v)).join('')}</${name}>`;
  }
  if (typeof value === 'object') {
    const inner = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => element(k, v))
      .join('');
    return `<${name}>${inner}</${name}>`;
  }
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** A value as a GeoReport XML document under the root element. */
export function toXml(root: string, value: unknown): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${element(root, value)}`;
}

/** Answer in the requested format; `root` names the XML root element (lists: services, service_requests …). */
export function sendOpen311(reply: FastifyReply, format: Open311Format, root: string, value: unknown, status = 200) {
  reply.status(status);
  if (format === 'xml') return reply.type('text/xml; charset=utf-8').send(toXml(root, value));
  return reply.type('application/json; charset=utf-8').send(JSON.stringify(value));
}

/** Answer an error in the spec's array form. */
export function sendOpen311Error(reply: FastifyReply, format: Open311Format, err: Open311Error) {
  return sendOpen311(reply, format, 'errors', [{ code: err.status, description: err.description }], err.status);
}

/** "requests.xml" → the name and format; an unknown suffix is a 404 in JSON (the client asked for no known format). */
export function splitFormat(file: string): { name: string; format: Open311Format } {
  const dot = file.lastIndexOf('.');
  const ext = dot < 0 ? '' : file.slice(dot + 1).toLowerCase();
  if (ext !== 'json' && ext !== 'xml') throw new Open311Error(404, `unknown format: ${file}`);
  return { name: file.slice(0, dot), format: ext };
}

/** The format a URL asks for, for errors raised before the route knew it. */
export function formatOfUrl(url: string): Open311Format {
  const path = url.split('?')[0];
  return path.toLowerCase().endsWith('.xml') ? 'xml' : 'json';
}

/** ISO 8601 with the +08:00 offset of Asia/Shanghai (the spec requires a zone designator). */
export function open311Datetime(v: unknown): string | null {
  if (!v) return null;
  const d = new Date(v as string);
  return `${new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`;
}

/** A datetime parameter: ISO 8601 with or without zone (then Asia/Shanghai); 400 naming it when unreadable. */
export function parseOpen311Datetime(name: string, v: string | undefined): Date | null {
  if (!v) return null;
  const withZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(v) ? v : `${v}${v.includes('T') ? '' : 'T00:00:00'}+08:00`;
  const d = new Date(withZone);
  if (Number.isNaN(d.getTime())) throw new Open311Error(400, `${name} is not a valid ISO 8601 datetime`);
  return d;
}
