// Load generator of bench/inspections.ts, run as its own process. Argument: the path of a JSON spec
// {url, connections, duration, rate, headers, planId, pointIds, indicatorIds, photoIds, idsOut}.
// Every submission (30 observations, 2 photo references each) is sent twice on its connection, the second
// time with the same id and Idempotency-Key, as a phone resending after a lost answer. Prints a JSON summary;
// writes the ids the server acknowledged to `idsOut`.
import fs from 'node:fs';
import autocannon from 'autocannon';
import { v7 as uuidv7 } from 'uuid';

const spec = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
if (new URL(spec.url).hostname !== '127.0.0.1') {
  console.error('inspections-worker only loads 127.0.0.1');
  process.exit(2);
}

let next = 0;
const acked = [];
const counts = { first2xx: 0, firstOther: 0, resend2xx: 0, resendOther: 0, resendSameBody: 0, statuses: {} };

function submission() {
  const pointId = spec.pointIds[next % spec.pointIds.length];
  const n = next++;
  const now = new Date().toISOString();
  const id = uuidv7();
  const observations = spec.indicatorIds.map((indicatorId, k) => ({
    id: uuidv7(),
    indicatorId,
    result: k === 29 && n % 4 === 0 ? 'na' : 'met',
    note: k % 10 === 0 ? '现场整洁，设施完好' : null,
    photoFileIds: [spec.photoIds[(n + k) % spec.photoIds.length], spec.photoIds[(n + k + 1) % spec.photoIds.length]],
  }));
  const body = { id, planId: spec.planId, pointId, startedAt: now, submittedAt: now, clientTime: now, observations };
  body.gps = { lat: 38.5 + (n % 100) * 0.0001, lng: 102.19, accuracy: 8 };
  return { id, json: JSON.stringify(body) };
}

const tally = (status) => {
  counts.statuses[status] = (counts.statuses[status] ?? 0) + 1;
};

const result = await autocannon({
  url: spec.url,
  connections: spec.connections,
  duration: spec.duration,
  overallRate: spec.rate || undefined,
  timeout: 10,
  requests: [
    {
      method: 'POST',
      setupRequest: (req, context) => {
        context.current = submission();
        const headers = { ...spec.headers, 'idempotency-key': context.current.id };
        return { ...req, headers, body: context.current.json };
      },
      onResponse: (status, _body, context) => {
        tally(status);
        if (status === 201 || status === 200) {
          counts.first2xx++;
          acked.push(context.current.id);
        } else counts.firstOther++;
      },
    },
    {
      method: 'POST',
      setupRequest: (req, context) => {
        const headers = { ...spec.headers, 'idempotency-key': context.current.id };
        return { ...req, headers, body: context.current.json };
      },
      onResponse: (status, body, context) => {
        tally(status);
        if (status === 201 || status === 200) {
          counts.resend2xx++;
          if (body.includes(context.current.id)) counts.resendSameBody++;
        } else counts.resendOther++;
      },
    },
  ],
});

fs.writeFileSync(spec.idsOut, JSON.stringify(acked));
const summary = {
  requests: result.requests.total,
  reqPerSec: result.requests.average,
  duration: result.duration,
  latency: {
    mean: result.latency.mean,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
  },
  non2xx: result.non2xx,
  errors: result.errors,
  timeouts: result.timeouts,
  submitted: next,
  ...counts,
  /** CPU this load generator used (it shares the machine with the server and PostgreSQL). */
  clientCpuMs: (process.cpuUsage().user + process.cpuUsage().system) / 1000,
};
process.stdout.write(`${JSON.stringify(summary)}\n`);
