import type { Caller, Locale } from '@kg/platform';

export interface GatewayContext {
  requestId: string;
  locale: Locale;
  authorization?: string;
  caller: Caller | null;
  ip?: string;
}
