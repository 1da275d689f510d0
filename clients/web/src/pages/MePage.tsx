import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { errorMessage, isAbort } from '../api/gql';
import { RequireAuth } from '../auth/RequireAuth';
import { authGql, signOut, USER_FIELDS, type SessionUser } from '../auth/session';
import { Page } from '../components/Page';
import { TerritoryName } from '../components/TerritoryName';
import { MigrantMeLinks } from './migrants/routes';

const ME = `query Me { me { ${USER_FIELDS} } }`;

/** Roles, territories, agency and mission of a user, as a definition list's entries. */
export function ScopeItems({ user }: { user: Pick<SessionUser, 'territoryCodes' | 'agencyId' | 'missionCode'> }) {
  const { t } = useTranslation();
  const none = user.territoryCodes.length === 0 && !user.agencyId && !user.missionCode;
  return (
    <>
      {none ? <span>{t('me.noScope')}</span> : null}
      {user.territoryCodes.length > 0 ? (
        <span className="scope-line">
          <span className="scope-label">{t('me.territories')}:</span>{' '}
          {user.territoryCodes.map((c, i) => (
            <span key={c}>
              {i > 0 ? '; ' : ''}
              <TerritoryName code={c} />
            </span>
          ))}
        </span>
      ) : null}
      {user.agencyId ? (
        <span className="scope-line">
          <span className="scope-label">{t('me.agency')}:</span> <code>{user.agencyId}</code>
        </span>
      ) : null}
      {user.missionCode ? (
        <span className="scope-line">
          <span className="scope-label">{t('me.mission')}:</span> <code>{user.missionCode}</code>
        </span>
      ) : null}
    </>
  );
}

export function RoleList({ roles }: { roles: string[] }) {
  const { t } = useTranslation();
  return <>{roles.map((r) => t(`role.${r}`)).join(', ')}</>;
}

function Account({ sessionUser }: { sessionUser: SessionUser }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [user, setUser] = useState<SessionUser>(sessionUser);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    authGql<{ me: SessionUser }>(ME, {}, { signal: controller.signal }).then(
      (d) => setUser(d.me),
      (e: unknown) => !isAbort(e) && setError(e),
    );
    return () => controller.abort();
  }, []);

  async function leave() {
    setBusy(true);
    navigate('/', { replace: true });
    await signOut().catch(() => undefined);
  }

  return (
    <>
      {error ? (
        <p className="error" role="alert">
          {errorMessage(error, t)}
        </p>
      ) : null}
      <dl className="facts" data-testid="account">
        <div>
          <dt>{t('me.name')}</dt>
          <dd data-testid="me-name">{user.displayName}</dd>
        </div>
        {user.pin ? (
          <div>
            <dt>{t('me.pin')}</dt>
            <dd>
              <span className="pin" data-testid="me-pin">
                {user.pin}
              </span>
              {user.pinNeedsReview ? <span className="hint block">{t('me.pinNeedsReview')}</span> : null}
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t('me.kind')}</dt>
          <dd>{t(`kind.${user.kind}`)}</dd>
        </div>
        <div>
          <dt>{t('me.roles')}</dt>
          <dd data-testid="me-roles">
            <RoleList roles={user.roles} />
          </dd>
        </div>
        {user.kind === 'STAFF' ? (
          <div>
            <dt>{t('me.scope')}</dt>
            <dd className="scope">
              <ScopeItems user={user} />
            </dd>
          </div>
        ) : null}
      </dl>
      {user.kind === 'CITIZEN' ? <MigrantMeLinks /> : null}
      <div className="actions">
        {user.kind === 'STAFF' ? (
          <Link to="/staff" className="button button-secondary">
            {t('services.staff.title')}
          </Link>
        ) : null}
        <button type="button" className="button" onClick={() => void leave()} disabled={busy}>
          {t('auth.signOut')}
        </button>
      </div>
    </>
  );
}

export function MePage() {
  const { t } = useTranslation();
  return (
    <Page title={t('me.title')} className="me">
      <RequireAuth>{(user) => <Account sessionUser={user} />}</RequireAuth>
    </Page>
  );
}
