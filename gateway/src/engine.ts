import { ApolloGateway, GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';
import type { GatewayContext } from './context';

/**
 * The one place that knows which federation engine runs (see architecture.md: "the gateway engine is
 * one seam"). Everything else the gateway does lives in its HTTP layer.
 */
export function createEngine(supergraphSdl: string, subgraphUrl: (name: string) => string): ApolloGateway {
  return new ApolloGateway({
    supergraphSdl,
    buildService: ({ name }) => new ForwardingDataSource({ url: subgraphUrl(name) }),
  });
}

/** Passes the caller's language, token and request id to every subgraph; each subgraph decides again. */
class ForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>) {
    const headers = request.http?.headers;
    if (!headers || !('requestId' in context) || !context.requestId) return;
    headers.set('accept-language', context.locale);
    headers.set('x-request-id', context.requestId);
    if (context.authorization) headers.set('authorization', context.authorization);
    if (context.ip) headers.set('x-forwarded-for', context.ip);
  }
}
