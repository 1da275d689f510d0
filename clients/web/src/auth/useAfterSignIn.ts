import { useCallback } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import type { FromState } from './RequireAuth';

/** After sign-in: back to the page that asked for it, or to `fallback`. */
export function useAfterSignIn(fallback: string): () => void {
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as FromState | null)?.from;
  return useCallback(() => {
    // only a path of this app (never //other.site)
    navigate(from && /^\/(?!\/)/.test(from) ? from : fallback, { replace: true });
  }, [navigate, from, fallback]);
}
