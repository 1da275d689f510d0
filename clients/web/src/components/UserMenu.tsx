import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { signOut } from '../auth/session';
import { useSession } from '../auth/useSession';

/** Under the header: who is signed in, with "Sign out"; or "Sign in". Nothing while the session is restored. */
export function UserMenu() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  if (session.status === 'loading') return <div className="user-bar" aria-hidden="true" />;

  async function leave() {
    setBusy(true);
    navigate('/');
    await signOut().catch(() => undefined);
    setBusy(false);
  }

  return (
    <nav className="user-bar" aria-label={t('auth.accountNav')}>
      <div className="wrap user-bar-inner">
        {session.status === 'signedIn' ? (
          <>
            <Link to="/me" className="user-name" data-testid="header-user">
              <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false" className="user-icon">
                <circle cx="8" cy="5" r="3" fill="currentColor" />
                <path d="M2 15c0-3.3 2.7-5 6-5s6 1.7 6 5z" fill="currentColor" />
              </svg>
              <span className="visually-hidden">{t('auth.signedInAs')} </span>
              {session.user.displayName}
            </Link>
            <button type="button" className="user-bar-button" onClick={() => void leave()} disabled={busy}>
              {t('auth.signOut')}
            </button>
          </>
        ) : (
          <Link to="/sign-in" className="user-bar-link" data-testid="header-sign-in">
            {t('auth.signIn')}
          </Link>
        )}
      </div>
    </nav>
  );
}
