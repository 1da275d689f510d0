import type { Caller, Locale } from '@kg/platform';

export interface GatewayContext {
  requestId: string;
  locale: Locale;
  authorization?: string;
  caller: Caller | null;
  ip?: string;
  cookie?: string;
  /** Passes a subgraph's Set-Cookie (identity's refresh token) to the browser. */
  setCookie?: (cookie: string) => void;
}
