// Load generator of bench/api.ts, run as its own process so that it does not share the server's
// event loop. Argument: JSON {url, connections, duration, headers}; prints a JSON summary on stdout.
import autocannon from 'autocannon';

const opts = JSON.parse(process.argv[2] ?? '{}');
const url = new URL(opts.url);
if (url.hostname !== '127.0.0.1') {
  console.error('autocannon-worker only loads 127.0.0.1');
  process.exit(2);
}

const result = await autocannon({
  url: opts.url,
  connections: opts.connections ?? 200,
  duration: opts.duration ?? 15,
  headers: opts.headers ?? {},
  timeout: 10,
});

const summary = {
  url: opts.url,
  connections: result.connections,
  duration: result.duration,
  requests: result.latency.totalCount,
  reqPerSec: result.requests.average,
  latency: {
    mean: result.latency.mean,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
  },
  status2xx: result['2xx'],
  non2xx: result.non2xx,
  errors: result.errors,
  timeouts: result.timeouts,
};
process.stdout.write(`${JSON.stringify(summary)}\n`);
