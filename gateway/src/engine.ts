import { ApolloGateway, GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';
import type { GatewayContext } from './context';

/**
 * The one place that knows which federation engine runs (see architecture.md: "the gateway engine is
 * one seam"). Everything else the gateway does lives in its HTTP layer.
 */
export function createEngine(supergraphSdl: string, subgraphUrl: (name: string) => string): ApolloGateway {
  return new ApolloGateway({
    supergraphSdl,
    buildService: ({ name }) => new ForwardingDataSource({ url: subgraphUrl(name), cookies: name === 'identity' }),
  });
}

/** Passes the caller's language, token and request id to every subgraph; each subgraph decides again. */
class ForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  /** Only the identity subgraph sees cookies (the refresh token); no other needs them. */
  private readonly cookies: boolean;
  constructor(opts: { url: string; cookies: boolean }) {
    super({ url: opts.url });
    this.cookies = opts.cookies;
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>) {
    const headers = request.http?.headers;
    if (!headers || !('requestId' in context) || !context.requestId) return;
    headers.set('accept-language', context.locale);
    headers.set('x-request-id', context.requestId);
    if (context.authorization) headers.set('authorization', context.authorization);
    if (context.ip) headers.set('x-forwarded-for', context.ip);
    if (this.cookies && context.cookie) headers.set('cookie', context.cookie);
  }

  override didReceiveResponse({ response, context }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['didReceiveResponse']>>[0]) {
    const setCookie = this.cookies ? response.http?.headers.get('set-cookie') : null;
    if (setCookie && 'setCookie' in context && context.setCookie) {
      // fetch joins several Set-Cookie headers with ", "; ours never contain a comma except there.
      for (const c of setCookie.split(/,\s*(?=[a-z_]+=)/i)) context.setCookie(c);
    }
    return response;
  }
}
