import client from 'prom-client';

/**
 * What the process tells Prometheus (GET /metrics, docs/ARCHITECTURE.md "Metrics and logs"). One
 * registry per process: counters add up over every app the process builds (tests build several).
 * Labels are fixed, small sets — a route's pattern, never its URL; no value that names a person.
 */
export const registry = new client.Registry();
client.collectDefaultMetrics({ register: registry, prefix: 'shouhu_' });

export const httpDuration = new client.Histogram({
  name: 'shouhu_http_request_duration_seconds',
  help: 'Requests by route pattern, method and status class, with their duration',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});

export const httpErrors = new client.Counter({
  name: 'shouhu_http_errors_total',
  help: 'Responses with a server error (5xx) by route pattern and method',
  labelNames: ['method', 'route'] as const,
  registers: [registry],
});

export const tipsReceived = new client.Counter({
  name: 'shouhu_tips_received_total',
  help: 'Tips written by source (portal, hotline, letters, 12337 batches…)',
  labelNames: ['source'] as const,
  registers: [registry],
});

export const tipsClosed = new client.Counter({
  name: 'shouhu_tips_closed_total',
  help: 'Tips closed (办结)',
  registers: [registry],
});

export const jobRuns = new client.Counter({
  name: 'shouhu_job_runs_total',
  help: 'Periodic job runs by job and outcome (ran, skipped: another process held it, failed)',
  labelNames: ['job', 'outcome'] as const,
  registers: [registry],
});

export const jobDuration = new client.Histogram({
  name: 'shouhu_job_duration_seconds',
  help: 'Duration of the periodic jobs this process ran',
  labelNames: ['job'] as const,
  buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300],
  registers: [registry],
});

export const intakeBatchSize = new client.Histogram({
  name: 'shouhu_intake_batch_size',
  help: 'Public submissions written per group commit',
  buckets: [1, 2, 4, 8, 16, 32, 64, 128],
  registers: [registry],
});

export const poolConnections = new client.Gauge({
  name: 'shouhu_db_pool_connections',
  help: 'PostgreSQL pool connections by pool (primary, read) and state (total, idle, waiting clients)',
  labelNames: ['pool', 'state'] as const,
  registers: [registry],
});

export const poolQueries = new client.Gauge({
  name: 'shouhu_db_pool_queries',
  help: 'Statements and transactions each pool has run since it opened',
  labelNames: ['pool'] as const,
  registers: [registry],
});

export const readRouting = new client.Counter({
  name: 'shouhu_read_routing_total',
  help: 'Replica-eligible requests by where they were read (replica, primary) and why',
  labelNames: ['pool', 'reason'] as const,
  registers: [registry],
});

export const replicaLagBytes = new client.Gauge({
  name: 'shouhu_replica_lag_bytes',
  help: 'WAL the read replica has still to replay (0 when caught up)',
  registers: [registry],
});

export const replicaLagSeconds = new client.Gauge({
  name: 'shouhu_replica_lag_seconds',
  help: 'Age of the last transaction the read replica replayed while it is behind (0 when caught up)',
  registers: [registry],
});

/** Times fn into a histogram with the given labels, whether it resolves or throws. */
export async function timed<T>(h: client.Histogram<'job'>, labels: { job: string }, fn: () => Promise<T>): Promise<T> {
  const end = h.startTimer(labels);
  try {
    return await fn();
  } finally {
    end();
  }
}
