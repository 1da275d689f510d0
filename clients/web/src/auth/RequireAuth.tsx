import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router-dom';
import { Page } from '../components/Page';
import { hasRole, type Role, type SessionUser } from './session';
import { useSession } from './useSession';

/** Where a page asked for sign-in was: the sign-in pages return there afterwards. */
export interface FromState {
  from?: string;
}

export function Loading() {
  const { t } = useTranslation();
  return (
    <p role="status" className="loading">
      {t('picker.loading')}
    </p>
  );
}

/** "Not allowed": signed in, but without a role the page needs. */
export function NotAllowed({ back = '/' }: { back?: string }) {
  const { t } = useTranslation();
  return (
    <Page title={t('notAllowed.title')} className="not-allowed">
      <p className="error" role="alert">
        {t('notAllowed.text')}
      </p>
      <p>
        <Link to={back} className="back-link">
          {back === '/staff' ? t('staff.backToStaff') : t('backHome')}
        </Link>
      </p>
    </Page>
  );
}

/**
 * Shows its children to a signed-in user (with one of `roles`, when given). Otherwise sends the
 * visitor to `signIn`, remembering the page, or says "not allowed".
 */
export function RequireAuth({
  children,
  signIn = '/sign-in',
  roles,
  staffOnly,
}: {
  children: (user: SessionUser) => ReactNode;
  signIn?: string;
  roles?: Role[];
  staffOnly?: boolean;
}) {
  const session = useSession();
  const location = useLocation();
  if (session.status === 'loading') return <Loading />;
  if (session.status === 'signedOut') {
    const state: FromState = { from: location.pathname + location.search };
    return <Navigate to={signIn} replace state={state} />;
  }
  if ((roles && !hasRole(session.user, ...roles)) || (staffOnly && session.user.kind !== 'STAFF')) {
    return <NotAllowed back={session.user.kind === 'STAFF' ? '/staff' : '/'} />;
  }
  return <>{children(session.user)}</>;
}
