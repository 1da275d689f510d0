import { currentLanguage } from '../i18n';

export const GRAPHQL_URL = '/graphql';

export interface GraphQLErrorItem {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; field?: string; [key: string]: unknown };
}

/** A failed request. `message` is already in the user's language when the server sent one. */
export class GqlError extends Error {
  constructor(
    message: string,
    /** `extensions.code` of the first error, or NETWORK_ERROR / HTTP_ERROR */
    readonly code: string,
    readonly errors: GraphQLErrorItem[] = [],
  ) {
    super(message);
    this.name = 'GqlError';
  }
  /** True when the server was not reached or answered without a GraphQL response. */
  get isNetwork(): boolean {
    return this.code === 'NETWORK_ERROR' || this.code === 'HTTP_ERROR';
  }
}

/**
 * Sends one GraphQL operation with plain fetch, in the current UI language.
 * Resolves with `data`; rejects with a GqlError when there are errors (or no data).
 */
export async function gql<T, V extends Record<string, unknown> = Record<string, unknown>>(
  query: string,
  variables?: V,
  options: { signal?: AbortSignal } = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(GRAPHQL_URL, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        'accept-language': currentLanguage(),
      },
      body: JSON.stringify({ query, variables }),
      signal: options.signal,
      credentials: 'same-origin',
    });
  } catch (e) {
    if ((e as Error)?.name === 'AbortError') throw e;
    throw new GqlError((e as Error)?.message || 'network error', 'NETWORK_ERROR');
  }
  let body: { data?: T | null; errors?: GraphQLErrorItem[] } | undefined;
  try {
    body = await response.json();
  } catch {
    throw new GqlError(`HTTP ${response.status}`, 'HTTP_ERROR');
  }
  const errors = body?.errors ?? [];
  if (errors.length > 0 || body?.data == null) {
    const first = errors[0];
    throw new GqlError(
      first?.message ?? `HTTP ${response.status}`,
      first?.extensions?.code ?? (response.ok ? 'INTERNAL_SERVER_ERROR' : 'HTTP_ERROR'),
      errors,
    );
  }
  return body.data;
}

export function isAbort(e: unknown): boolean {
  return (e as Error)?.name === 'AbortError';
}

/** A message for the user: the server's translated message, or ours for network trouble. */
export function errorMessage(e: unknown, t: (key: string) => string): string {
  if (e instanceof GqlError) {
    if (e.isNetwork) return t('error.network');
    if (e.code === 'INTERNAL_SERVER_ERROR') return t('error.generic');
    return e.message || t('error.generic');
  }
  return t('error.generic');
}
