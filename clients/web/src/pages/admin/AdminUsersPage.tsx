import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { errorMessage, isAbort } from '../../api/gql';
import { RequireAuth } from '../../auth/RequireAuth';
import { authGql, type Role } from '../../auth/session';
import { CopyButton } from '../../components/CopyButton';
import { Page } from '../../components/Page';
import { formatDateTime } from '../../format';
import { RoleList, ScopeItems } from '../MePage';
import { StaffForm, type CreateStaffInput, type StaffAccessInput } from './StaffForm';

type Kind = 'STAFF' | 'CITIZEN' | '';

export interface AdminUser {
  id: string;
  kind: 'CITIZEN' | 'STAFF';
  pin: string | null;
  displayName: string;
  roles: Role[];
  territoryCodes: string[];
  agencyId: string | null;
  missionCode: string | null;
  status: 'ACTIVE' | 'LOCKED' | 'DISABLED';
  login: string | null;
  lastSignInAt: string | null;
}

interface Credentials {
  user: AdminUser;
  login: string;
  temporaryPassword: string;
  totpSecret: string;
  totpUri: string;
  /** created now, or issued anew by a reset */
  reason: 'created' | 'reset';
}

const USER = 'id kind pin displayName roles territoryCodes agencyId missionCode status login lastSignInAt';
const CREDENTIALS = `user { ${USER} } login temporaryPassword totpSecret totpUri`;
const USERS = `query Users($kind: AccountKind, $first: Int, $after: ID) { users(kind: $kind, first: $first, after: $after) { ${USER} } }`;
const CREATE = `mutation CreateStaff($input: CreateStaffInput!) { createStaffAccount(input: $input) { ${CREDENTIALS} } }`;
const UPDATE = `mutation UpdateStaffAccess($id: ID!, $input: StaffAccessInput!) { updateStaffAccess(id: $id, input: $input) { ${USER} } }`;
const UNLOCK = `mutation UnlockAccount($id: ID!) { unlockAccount(id: $id) { ${USER} } }`;
const RESET = `mutation ResetStaffCredentials($id: ID!) { resetStaffCredentials(id: $id) { ${CREDENTIALS} } }`;
const PAGE = 50;

/** Shown once: the new password and authenticator secret, to hand over on a safe channel. */
function CredentialsPanel({ credentials, onDone }: { credentials: Credentials; onDone: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), [credentials]);
  const rows: [string, string, string][] = [
    ['login', t('credentials.login'), credentials.login],
    ['password', t('credentials.password'), credentials.temporaryPassword],
    ['secret', t('credentials.totpSecret'), credentials.totpSecret],
    ['uri', t('credentials.totpUri'), credentials.totpUri],
  ];
  return (
    <section className="credentials" aria-labelledby={`${id}-h`} data-testid="credentials">
      <h2 id={`${id}-h`} ref={headingRef} tabIndex={-1}>
        {credentials.reason === 'created'
          ? t('credentials.createdHeading', { name: credentials.user.displayName })
          : t('credentials.resetHeading', { name: credentials.user.displayName })}
      </h2>
      <p className="alert alert-warning" role="alert">
        <strong>{t('credentials.onceTitle')}</strong> {t('credentials.onceText')}
      </p>
      <dl className="facts secrets">
        {rows.map(([key, label, value]) => (
          <div key={key}>
            <dt>{label}</dt>
            <dd>
              <code className="secret" data-testid={`credentials-${key}`}>
                {value}
              </code>
              <CopyButton text={value} />
            </dd>
          </div>
        ))}
      </dl>
      <p className="hint">{t('credentials.appHint')}</p>
      <button type="button" className="button" onClick={onDone}>
        {t('credentials.done')}
      </button>
    </section>
  );
}

function StatusBadge({ status }: { status: AdminUser['status'] }) {
  const { t } = useTranslation();
  return <span className={`badge status status-${status.toLowerCase()}`}>{t(`status.${status}`)}</span>;
}

function UserItem({
  user,
  onChanged,
  onCredentials,
}: {
  user: AdminUser;
  onChanged: (u: AdminUser) => void;
  onCredentials: (c: Credentials) => void;
}) {
  const { t, i18n } = useTranslation();
  const [mode, setMode] = useState<'view' | 'edit' | 'confirmReset'>('view');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const editRef = useRef<HTMLButtonElement>(null);

  async function act<T>(work: () => Promise<T>): Promise<T | undefined> {
    setError(null);
    setBusy(true);
    try {
      return await work();
    } catch (e) {
      setError(e);
      return undefined;
    } finally {
      setBusy(false);
    }
  }

  async function unlock() {
    const d = await act(() => authGql<{ unlockAccount: AdminUser }>(UNLOCK, { id: user.id }));
    if (d) onChanged(d.unlockAccount);
  }

  async function reset() {
    const d = await act(() => authGql<{ resetStaffCredentials: Omit<Credentials, 'reason'> }>(RESET, { id: user.id }));
    setMode('view');
    if (d) {
      onChanged(d.resetStaffCredentials.user);
      onCredentials({ ...d.resetStaffCredentials, reason: 'reset' });
    }
  }

  async function save(input: CreateStaffInput | StaffAccessInput) {
    const d = await authGql<{ updateStaffAccess: AdminUser }>(UPDATE, { id: user.id, input });
    onChanged(d.updateStaffAccess);
    setMode('view');
    setTimeout(() => editRef.current?.focus(), 0);
  }

  const staff = user.kind === 'STAFF';
  return (
    <li className="user-item" data-testid="user-item" data-login={user.login ?? undefined}>
      <div className="user-head">
        <h3 className="user-item-name">{user.displayName}</h3>
        <StatusBadge status={user.status} />
      </div>
      <dl className="facts compact">
        {user.login ? (
          <div>
            <dt>{t('credentials.login')}</dt>
            <dd>
              <code>{user.login}</code>
            </dd>
          </div>
        ) : null}
        {user.pin ? (
          <div>
            <dt>{t('me.pin')}</dt>
            <dd>{user.pin}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('me.roles')}</dt>
          <dd>
            <RoleList roles={user.roles} />
          </dd>
        </div>
        {staff ? (
          <div>
            <dt>{t('me.scope')}</dt>
            <dd className="scope">
              <ScopeItems user={user} />
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t('users.lastSignIn')}</dt>
          <dd>{user.lastSignInAt ? formatDateTime(user.lastSignInAt, i18n.language) : t('users.never')}</dd>
        </div>
      </dl>
      {error ? (
        <p className="error" role="alert">
          {errorMessage(error, t)}
        </p>
      ) : null}
      {mode === 'view' ? (
        <div className="actions">
          {staff ? (
            <button ref={editRef} type="button" className="button button-secondary button-small" onClick={() => setMode('edit')}>
              {t('users.edit')}
            </button>
          ) : null}
          {user.status === 'LOCKED' ? (
            <button type="button" className="button button-secondary button-small" onClick={() => void unlock()} disabled={busy}>
              {t('users.unlock')}
            </button>
          ) : null}
          {staff ? (
            <button type="button" className="button button-secondary button-small" onClick={() => setMode('confirmReset')} disabled={busy}>
              {t('users.reset')}
            </button>
          ) : null}
        </div>
      ) : null}
      {mode === 'confirmReset' ? (
        <div className="confirm" role="group" aria-label={t('users.reset')}>
          <p>{t('users.resetConfirm', { name: user.displayName })}</p>
          <div className="actions">
            <button type="button" className="button button-small" onClick={() => void reset()} disabled={busy} autoFocus>
              {t('users.resetYes')}
            </button>
            <button type="button" className="button button-secondary button-small" onClick={() => setMode('view')}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : null}
      {mode === 'edit' ? (
        <div className="edit-access">
          <h4>{t('users.editHeading')}</h4>
          <StaffForm
            mode="edit"
            initial={user}
            submitLabel={t('common.save')}
            onSubmit={save}
            onCancel={() => {
              setMode('view');
              setTimeout(() => editRef.current?.focus(), 0);
            }}
          />
        </div>
      ) : null}
    </li>
  );
}

function Users() {
  const { t } = useTranslation();
  const id = useId();
  const [kind, setKind] = useState<Kind>('STAFF');
  const [users, setUsers] = useState<AdminUser[]>([]);
  const [more, setMore] = useState(false);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const [creating, setCreating] = useState(false);
  const [credentials, setCredentials] = useState<Credentials | null>(null);
  const newButtonRef = useRef<HTMLButtonElement>(null);
  const newHeadingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (creating) newHeadingRef.current?.focus();
  }, [creating]);

  const load = useCallback(
    async (after: string | null, signal?: AbortSignal) => {
      setLoading(true);
      setError(null);
      try {
        const d = await authGql<{ users: AdminUser[] }>(USERS, { kind: kind || null, first: PAGE, after }, { signal });
        setUsers((prev) => (after ? [...prev, ...d.users] : d.users));
        setMore(d.users.length === PAGE);
      } catch (e) {
        if (!isAbort(e)) setError(e);
      } finally {
        if (!signal?.aborted) setLoading(false);
      }
    },
    [kind],
  );

  useEffect(() => {
    const controller = new AbortController();
    void load(null, controller.signal);
    return () => controller.abort();
  }, [load, attempt]);

  async function create(input: CreateStaffInput | StaffAccessInput) {
    const d = await authGql<{ createStaffAccount: Omit<Credentials, 'reason'> }>(CREATE, { input });
    setCreating(false);
    setCredentials({ ...d.createStaffAccount, reason: 'created' });
    setAttempt((a) => a + 1); // the list again, with the new account
  }

  // updateStaffAccess and unlockAccount answer without the login: the one we have is kept
  const changed = (u: AdminUser) => setUsers((prev) => prev.map((p) => (p.id === u.id ? { ...u, login: u.login ?? p.login } : p)));

  return (
    <>
      {credentials ? (
        <CredentialsPanel
          credentials={credentials}
          onDone={() => {
            setCredentials(null);
            setTimeout(() => newButtonRef.current?.focus(), 0);
          }}
        />
      ) : null}

      {creating ? (
        <section aria-labelledby={`${id}-new`} className="panel new-staff">
          <h2 id={`${id}-new`} ref={newHeadingRef} tabIndex={-1}>
            {t('users.newHeading')}
          </h2>
          <StaffForm
            mode="create"
            submitLabel={t('users.create')}
            onSubmit={create}
            onCancel={() => {
              setCreating(false);
              setTimeout(() => newButtonRef.current?.focus(), 0);
            }}
          />
        </section>
      ) : (
        <p>
          <button ref={newButtonRef} type="button" className="button" onClick={() => setCreating(true)}>
            {t('users.new')}
          </button>
        </p>
      )}

      <section aria-labelledby={`${id}-list`}>
        <h2 id={`${id}-list`}>{t('users.listHeading')}</h2>
        <div className="field inline-field">
          <label htmlFor={`${id}-kind`}>{t('users.kind')}</label>
          <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
            <option value="STAFF">{t('users.kindStaff')}</option>
            <option value="CITIZEN">{t('users.kindCitizen')}</option>
            <option value="">{t('users.kindAll')}</option>
          </select>
        </div>
        {kind !== 'STAFF' ? <p className="hint">{t('users.citizenNote')}</p> : null}
        {error ? (
          <p className="error" role="alert">
            {errorMessage(error, t)}{' '}
            <button type="button" className="link-button" onClick={() => setAttempt((a) => a + 1)}>
              {t('error.retry')}
            </button>
          </p>
        ) : null}
        <p role="status" className="result-count">
          {loading ? t('picker.loading') : users.length === 0 ? t('users.none') : t('users.count', { count: users.length })}
        </p>
        <ul className="user-list" data-testid="user-list" aria-busy={loading}>
          {users.map((u) => (
            <UserItem key={u.id} user={u} onChanged={changed} onCredentials={setCredentials} />
          ))}
        </ul>
        {more ? (
          <button type="button" className="button button-secondary" disabled={loading} onClick={() => void load(users[users.length - 1]?.id ?? null)}>
            {t('common.showMore')}
          </button>
        ) : null}
      </section>
    </>
  );
}

export function AdminUsersPage() {
  const { t } = useTranslation();
  return (
    <RequireAuth signIn="/staff/sign-in" roles={['ADMINISTRATOR']}>
      {() => (
        <Page title={t('users.title')} className="admin-users">
          <p>
            <Link to="/staff" className="back-link">
              {t('staff.backToStaff')}
            </Link>
          </p>
          <Users />
        </Page>
      )}
    </RequireAuth>
  );
}

export default AdminUsersPage;
