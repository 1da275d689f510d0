import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import DataLoader from 'dataloader';
import { DEFAULT_LOCALE, Locale } from './i18n';
import type { Caller } from './auth';

/** What every resolver knows about the request it serves. */
export interface RequestContext {
  requestId: string;
  locale: Locale;
  /** The signed-in caller, verified from the bearer token; null when anonymous. */
  caller: Caller | null;
  /** The raw bearer token, forwarded when a subgraph calls another service on the caller's behalf. */
  token?: string;
  /** Client address, for rate limits (never logged with personal data). */
  ip?: string;
  /** Cookies sent with the request (only the identity subgraph receives any: the refresh token). */
  cookies?: Record<string, string>;
  /** Adds a Set-Cookie header to the response (the gateway passes identity's on to the browser). */
  setCookie?: (cookie: string) => void;
  /** Per-request DataLoaders, created on first use, so batching never leaks across requests. */
  loader<K, V>(name: string, batch: (keys: readonly K[]) => Promise<(V | Error)[]>): DataLoader<K, V>;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function createRequestContext(init: Partial<Omit<RequestContext, 'loader'>> = {}): RequestContext {
  const loaders = new Map<string, DataLoader<any, any>>();
  return {
    requestId: init.requestId ?? randomUUID(),
    locale: init.locale ?? DEFAULT_LOCALE,
    caller: init.caller ?? null,
    token: init.token,
    ip: init.ip,
    cookies: init.cookies,
    setCookie: init.setCookie,
    loader(name, batch) {
      let l = loaders.get(name);
      if (!l) {
        l = new DataLoader(batch, { maxBatchSize: 500 });
        loaders.set(name, l);
      }
      return l;
    },
  };
}

export function runWithContext<T>(ctx: RequestContext, fn: () => T): T {
  return storage.run(ctx, fn);
}

/** The context of the request being served, if any (error messages use its language). */
export function currentContext(): RequestContext | undefined {
  return storage.getStore();
}

export function currentLocale(): Locale {
  return storage.getStore()?.locale ?? DEFAULT_LOCALE;
}
