import { useSyncExternalStore } from 'react';
import { getSession, subscribe, type SessionState } from './session';

/** The session, re-rendering on sign-in, renewal and sign-out. */
export function useSession(): SessionState {
  return useSyncExternalStore(subscribe, getSession, getSession);
}
