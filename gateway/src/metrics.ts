import type { NextFunction, Request, Response } from 'express';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/** Prometheus metrics at /metrics: request rate and latency by route and status, plus the process's own. */
export const registry = new Registry();
collectDefaultMetrics({ register: registry });

const requests = new Counter({ name: 'http_requests_total', help: 'HTTP requests', labelNames: ['route', 'status'], registers: [registry] });
const duration = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'HTTP request duration',
  labelNames: ['route'],
  buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});

// Few distinct labels: a path per web-app route would make one series per URL.
const routeOf = (path: string) => (path.startsWith('/graphql') ? '/graphql' : ['/healthz', '/readyz', '/metrics'].includes(path) ? path : path.startsWith('/assets/') ? '/assets' : '/app');

export function metricsMiddleware(req: Request, res: Response, next: NextFunction) {
  const route = routeOf(req.path); // now: mounted routers rewrite req.path later
  const stop = duration.startTimer({ route });
  res.on('finish', () => {
    stop();
    requests.inc({ route, status: String(res.statusCode) });
  });
  next();
}

export async function metricsRoute(_req: Request, res: Response) {
  res.setHeader('content-type', registry.contentType);
  res.send(await registry.metrics());
}
