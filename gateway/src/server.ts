import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import express from 'express';
import compression from 'compression';
import expressStaticGzip from 'express-static-gzip';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { GraphQLFormattedError } from 'graphql';
import {
  AppError,
  bearerToken,
  createRequestContext,
  currentContext,
  logger,
  parseLocale,
  runWithContext,
  translate,
  verifyAccessToken,
} from '@kg/platform';
import type { GatewayContext } from './context';
import { createEngine } from './engine';
import { queryLimitsRule } from './limits';
import { metricsMiddleware, metricsRoute } from './metrics';

export interface GatewayOptions {
  supergraphSdl: string;
  /** Subgraph name → its /graphql URL. */
  subgraphUrls: Record<string, string>;
  port: number;
  host?: string;
  webDist?: string;
  maxBody?: string;
}

export interface RunningGateway {
  url: string;
  port: number;
  stop(): Promise<void>;
}

// Codes a subgraph sets on purpose for the user; anything else is an internal failure and is masked.
const USER_CODES = new Set(['BAD_USER_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'TOO_MANY_REQUESTS', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'OPERATION_RESOLUTION_FAILURE']);

/** Internal details (a subgraph's URL when it is down, stack traces) never reach a client; the request id does. */
export function maskError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const code = formatted.extensions?.code as string | undefined;
  const ctx = currentContext();
  const requestId = ctx?.requestId;
  if (code && USER_CODES.has(code)) {
    const { stacktrace: _s, serviceName: _n, exception: _e, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  const unavailable = /ECONNREFUSED|fetch failed|socket hang up|ETIMEDOUT|ENOTFOUND|Couldn't/.test(formatted.message) || code === 'SUBREQUEST_HTTP_ERROR';
  if (!formatted.message.includes(requestId ?? '\u0000')) logger.error({ code, error: formatted.message, path: formatted.path }, 'masked error');
  return {
    message: translate(unavailable ? 'error.unavailable' : 'error.internal', ctx?.locale ?? 'ky', { requestId: requestId ?? '-' }),
    path: formatted.path,
    extensions: { code: unavailable ? 'SERVICE_UNAVAILABLE' : 'INTERNAL_SERVER_ERROR', requestId },
  };
}

/** The gateway's own HTTP layer: request ids, token check, limits, error masking, health, the web app. */
export async function startGateway(opts: GatewayOptions): Promise<RunningGateway> {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  const httpServer = http.createServer(app);
  const engine = createEngine(opts.supergraphSdl, (name) => {
    const url = opts.subgraphUrls[name];
    if (!url) throw new Error(`No URL configured for subgraph ${name}`);
    return url;
  });
  const server = new ApolloServer<GatewayContext>({
    gateway: engine,
    formatError: maskError,
    includeStacktraceInErrorResponses: false,
    validationRules: [queryLimitsRule],
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer })],
  });
  await server.start();

  app.use((req, res, next) => {
    const incoming = req.header('x-request-id');
    const requestId = incoming && /^[\w-]{8,64}$/.test(incoming) ? incoming : randomUUID();
    res.setHeader('x-request-id', requestId);
    (req as any).requestId = requestId;
    next();
  });
  app.use(metricsMiddleware);
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/metrics', metricsRoute);
  app.get('/readyz', async (_req, res) => {
    const checks = await Promise.all(
      Object.entries(opts.subgraphUrls).map(async ([name, url]) => {
        try {
          const r = await fetch(url.replace(/\/graphql$/, '/healthz'), { signal: AbortSignal.timeout(2000) });
          return { name, ok: r.ok };
        } catch {
          return { name, ok: false };
        }
      }),
    );
    const ready = checks.every((c) => c.ok);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready', subgraphs: Object.fromEntries(checks.map((c) => [c.name, c.ok ? 'up' : 'down'])) });
  });

  app.use(
    '/graphql',
    compression(),
    express.json({ limit: opts.maxBody ?? '40mb' }),
    async (req, res, next) => {
      const ctx = createRequestContext({ requestId: (req as any).requestId, locale: parseLocale(req.header('accept-language')), ip: req.ip });
      const token = bearerToken(req.header('authorization'));
      try {
        // The gateway checks the token so that a forged one never reaches a subgraph; each subgraph checks again.
        if (token) ctx.caller = await runWithContext(ctx, () => verifyAccessToken(token));
      } catch (e) {
        const err = e as AppError;
        res.status(401).json({ errors: [{ message: err.message, extensions: err.extensions }] });
        return;
      }
      const gatewayContext: GatewayContext = {
        requestId: ctx.requestId,
        locale: ctx.locale,
        authorization: token ? `Bearer ${token}` : undefined,
        caller: ctx.caller,
        ip: req.ip,
        cookie: req.header('cookie'),
        setCookie: (c) => res.append('set-cookie', c),
      };
      (req as any).gatewayContext = gatewayContext;
      runWithContext(ctx, next);
    },
    expressMiddleware(server, { context: async ({ req }) => (req as any).gatewayContext as GatewayContext }),
  );

  // The web app: precompressed static files (brotli/gzip made at build time: phones on slow links),
  // index.html for the app's own routes (client-side routing), and a real 404 for a missing asset.
  const webDist = opts.webDist && path.resolve(opts.webDist);
  if (webDist && fs.existsSync(path.join(webDist, 'index.html'))) {
    app.use(
      expressStaticGzip(webDist, {
        enableBrotli: true,
        orderPreference: ['br', 'gz'],
        index: false,
        serveStatic: {
          maxAge: '1h',
          setHeaders: (res, file) => {
            if (/[\\/]assets[\\/]/.test(file)) res.setHeader('cache-control', 'public, max-age=31536000, immutable');
          },
        },
      }),
    );
    app.get(/^\/assets\//, (_req, res) => {
      res.status(404).type('text').send('Not found');
    });
    app.get(/^\/(?!graphql|healthz|readyz|metrics).*/, (_req, res) => {
      res.setHeader('cache-control', 'no-cache');
      res.sendFile(path.join(webDist, 'index.html'));
    });
  } else {
    app.get('/', (_req, res) => {
      res.type('text').send('The web app is not built: run `npm run build`.');
    });
  }

  await new Promise<void>((resolve) => httpServer.listen(opts.port, opts.host ?? '127.0.0.1', resolve));
  const port = (httpServer.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    async stop() {
      await server.stop();
    },
  };
}
