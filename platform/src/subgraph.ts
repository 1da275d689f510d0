import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { GraphQLError, GraphQLFormattedError, GraphQLSchema, parse } from 'graphql';
import { AuthChecker, buildSchema, createResolversMap, NonEmptyArray } from 'type-graphql';
import { bearerToken, Caller, hasRole, Role, verifyAccessToken } from './auth';
import { createRequestContext, currentContext, RequestContext, runWithContext } from './context';
import type { Db } from './db';
import { AppError, forbidden, internalErrorMessage, unauthenticated } from './errors';
import { parseLocale, translate } from './i18n';
import { logger } from './log';
import { migrate, Migration } from './migrate';
import { migrateAudit } from './audit';
import type { Config, SubgraphName } from './config';

/** What the subgraph's own code may need at start-up and in its services. */
export interface SubgraphEnv {
  db: Db;
  config: Config;
}

export type ReferenceResolver = (representation: any, ctx: RequestContext) => unknown;

/** A subgraph wired to its database: resolver instances (with their services) and reference resolvers. */
export interface SubgraphRuntime {
  /** One instance per resolver class of the definition; type-graphql takes them from here. */
  resolvers: object[];
  /** Entity reference resolvers by type name; each must authorise and batch (DataLoader) itself. */
  referenceResolvers?: Record<string, ReferenceResolver>;
  /** Idempotent reference data (always) and demo data (when config.demoData). */
  seed?(): Promise<void>;
  /** Extra HTTP routes of this subgraph (e.g. JWKS), mounted beside /graphql. */
  routes?(app: express.Express): void;
}

/** Everything that makes one subgraph; each subgraph's src/index.ts exports one of these. */
export interface SubgraphDefinition {
  name: SubgraphName;
  /** type-graphql resolver classes: the schema is built from them alone, without a database. */
  resolvers: NonEmptyArray<Function>;
  orphanedTypes?: Function[];
  migrations: Migration[];
  /** Wires store → service → resolvers; runs after migrations, before the server takes requests. */
  create(env: SubgraphEnv): Promise<SubgraphRuntime> | SubgraphRuntime;
}

const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@tag"])';

/** `@Authorized('ANALYST')` lets a caller with any of the roles in; `@Authorized()` any signed-in caller. */
export const authChecker: AuthChecker<RequestContext> = ({ context }, roles) => {
  // Our own errors, so anonymous callers get UNAUTHENTICATED and the wrong role FORBIDDEN, translated.
  if (!context.caller) throw unauthenticated();
  if (roles.length > 0 && !hasRole(context.caller, ...(roles as Role[]))) throw forbidden();
  return true;
};

function buildTypeSchema(def: SubgraphDefinition, runtime?: SubgraphRuntime): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: def.resolvers,
    orphanedTypes: def.orphanedTypes,
    authChecker,
    validate: false,
    skipCheck: true,
    container: runtime
      ? {
          get(cls: Function) {
            const instance = runtime.resolvers.find((r) => r.constructor === cls);
            if (!instance) throw new Error(`${def.name}: no instance of ${cls.name} in the runtime`);
            return instance;
          },
        }
      : undefined,
  });
}

/** The subgraph's SDL with federation directives: what schema/<name>.graphql holds. */
export async function printSubgraphSdl(def: SubgraphDefinition): Promise<string> {
  return `${FEDERATION_LINK}\n\n${printSchemaWithDirectives(await buildTypeSchema(def))}\n`;
}

export async function buildFederatedSchema(def: SubgraphDefinition, runtime: SubgraphRuntime): Promise<GraphQLSchema> {
  const typeSchema = await buildTypeSchema(def, runtime);
  const sdl = `${FEDERATION_LINK}\n\n${printSchemaWithDirectives(typeSchema)}`;
  const resolvers: Record<string, any> = createResolversMap(typeSchema);
  for (const [typeName, resolve] of Object.entries(runtime.referenceResolvers ?? {})) {
    resolvers[typeName] = { ...resolvers[typeName], __resolveReference: (ref: any, ctx: RequestContext) => resolve(ref, ctx) };
  }
  return buildSubgraphSchema({ typeDefs: parse(sdl), resolvers });
}

const KNOWN_CODES = new Set(['BAD_USER_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'TOO_MANY_REQUESTS', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND']);

/**
 * Errors a user is meant to see keep their code and message; type-graphql's access errors get our codes
 * and translated messages; anything else is logged and replaced by a message with the request id.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = error instanceof GraphQLError && error.originalError ? error.originalError : error;
  const locale = currentContext()?.locale ?? 'ky';
  const name = (original as Error)?.name;
  if (name === 'UnauthorizedError') {
    return { ...formatted, message: translate('error.unauthenticated', locale), extensions: { code: 'UNAUTHENTICATED' } };
  }
  if (name === 'ForbiddenError') {
    return { ...formatted, message: translate('error.forbidden', locale), extensions: { code: 'FORBIDDEN' } };
  }
  const code = formatted.extensions?.code as string | undefined;
  if (original instanceof AppError || (code && KNOWN_CODES.has(code))) {
    const { stacktrace: _s, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  logger.error({ err: original, path: formatted.path }, 'unexpected error');
  return { message: internalErrorMessage(), path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: currentContext()?.requestId } };
}

/** Builds the per-request context from HTTP headers; an invalid token fails the request. */
export async function contextFromHeaders(headers: http.IncomingHttpHeaders, ip?: string): Promise<RequestContext> {
  const requestIdHeader = headers['x-request-id'];
  const ctx = createRequestContext({
    requestId: typeof requestIdHeader === 'string' && /^[\w-]{8,64}$/.test(requestIdHeader) ? requestIdHeader : undefined,
    locale: parseLocale(headers['accept-language']),
    ip: typeof headers['x-forwarded-for'] === 'string' ? headers['x-forwarded-for'].split(',')[0].trim() : ip,
  });
  const token = bearerToken(headers.authorization);
  if (token) {
    ctx.token = token;
    ctx.caller = await runWithContext(ctx, () => verifyAccessToken(token));
  }
  return ctx;
}

export interface RunningSubgraph {
  name: SubgraphName;
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** Migrates, seeds and serves one subgraph over HTTP at /graphql, with /healthz. */
export async function startSubgraph(def: SubgraphDefinition, env: SubgraphEnv, opts: { port: number; host?: string }): Promise<RunningSubgraph> {
  await migrateAudit(env.db);
  await migrate(env.db, def.name, def.migrations);
  const runtime = await def.create(env);
  await runtime.seed?.();
  const schema = await buildFederatedSchema(def, runtime);
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  const plugins: ApolloServerPlugin<RequestContext>[] = [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginInlineTraceDisabled()];
  const server = new ApolloServer<RequestContext>({
    schema,
    plugins,
    formatError,
    includeStacktraceInErrorResponses: false,
    // Subgraphs sit behind the gateway; a browser never calls them directly.
    csrfPrevention: false,
  });
  await server.start();
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', subgraph: def.name });
  });
  runtime.routes?.(app);
  app.use(
    '/graphql',
    express.json({ limit: env.config.MAX_BODY }),
    async (req, res, next) => {
      try {
        const ctx = await contextFromHeaders(req.headers, req.socket.remoteAddress);
        ctx.cookies = parseCookies(req.headers.cookie);
        ctx.setCookie = (cookie) => res.append('set-cookie', cookie);
        (req as any).requestContext = ctx;
        runWithContext(ctx, next);
      } catch (e) {
        const err = e as AppError;
        res.status(200).json({ errors: [{ message: err.message, extensions: err.extensions }] });
      }
    },
    expressMiddleware(server, { context: async ({ req }) => (req as any).requestContext as RequestContext }),
  );
  await new Promise<void>((resolve) => httpServer.listen(opts.port, opts.host ?? '127.0.0.1', resolve));
  const port = (httpServer.address() as AddressInfo).port;
  const url = `http://${opts.host && opts.host !== '0.0.0.0' ? opts.host : '127.0.0.1'}:${port}/graphql`;
  logger.info({ subgraph: def.name, url }, 'subgraph ready');
  return {
    name: def.name,
    url,
    port,
    async stop() {
      await server.stop();
    },
  };
}

export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out[part.slice(0, i).trim()] = decodeURIComponent(part.slice(i + 1).trim());
  }
  return out;
}

export type { Caller };
