import { currentLanguage } from '../i18n';

export const GRAPHQL_URL = '/graphql';

export interface GraphQLErrorItem {
  message: string;
  path?: (string | number)[];
  extensions?: {
    code?: string;
    field?: string;
    reason?: string;
    details?: { field: string; message: string; reason?: string }[];
    [key: string]: unknown;
  };
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
  /** `extensions.reason` of the first error: CERTIFICATE_EXPIRED, BAD_CREDENTIALS, … */
  get reason(): string | undefined {
    return this.errors[0]?.extensions?.reason;
  }
  /**
   * Translated messages by input field, from `extensions.details` (several fields at once) or
   * `extensions.field`: `input.territoryCodes.0` → `territoryCodes`. Errors without a field are left out.
   */
  fieldMessages(): Record<string, string> {
    const out: Record<string, string> = {};
    const put = (field: string | undefined, message: string) => {
      if (!field) return;
      const name = field.split('.').filter((p) => p !== 'input' && !/^\d+$/.test(p))[0];
      if (name && !(name in out)) out[name] = message;
    };
    for (const error of this.errors) {
      const details = error.extensions?.details;
      if (details?.length) for (const d of details) put(d.field, d.message);
      else put(error.extensions?.field, error.message);
    }
    return out;
  }
}

/**
 * Sends one GraphQL operation with plain fetch, in the current UI language (with `token`, as that
 * signed-in user; pages use `authGql` from ../auth/session, which supplies and renews the token).
 * Resolves with `data`; rejects with a GqlError when there are errors (or no data).
 */
export async function gql<T, V extends Record<string, unknown> = Record<string, unknown>>(
  query: string,
  variables?: V,
  options: { signal?: AbortSignal; token?: string | null } = {},
): Promise<T> {
  let response: Response;
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/graphql-response+json, application/json',
    'accept-language': currentLanguage(),
  };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  try {
    response = await fetch(GRAPHQL_URL, {
      method: 'POST',
      headers,
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
