// Request logs: one line per request. JSON for machines (production, or output into a pipe); a readable line
// such as `12:30:01 INFO  GET /api/v1/me 200 3.1 ms` when a person runs `npm start` at a terminal.
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import pino from 'pino';
import pretty from 'pino-pretty';

/** The process's logger in the configured format. */
export function createLogger(level: string, format: 'json' | 'text'): FastifyBaseLogger {
  if (format === 'json') return pino({ level });
  const stream = pretty({
    sync: true,
    colorize: Boolean(process.stdout.isTTY),
    translateTime: 'SYS:HH:MM:ss',
    singleLine: true,
    ignore: 'pid,hostname,reqId,method,url,statusCode,ms',
  });
  return pino({ level }, stream);
}

/** Log each request once, when its answer is sent (instead of Fastify's two lines per request). */
export function logRequests(app: FastifyInstance, format: 'json' | 'text'): void {
  app.addHook('onResponse', async (req, reply) => {
    const ms = Math.round(reply.elapsedTime * 10) / 10;
    const fields = { method: req.method, url: req.url, statusCode: reply.statusCode, ms };
    const level = reply.statusCode >= 500 ? 'error' : 'info';
    if (format === 'json') req.log[level](fields, 'request');
    else req.log[level](fields, `${req.method} ${req.url} ${reply.statusCode} ${ms} ms`);
  });
}
