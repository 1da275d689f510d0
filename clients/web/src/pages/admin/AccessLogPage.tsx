import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { errorMessage, isAbort } from '../../api/gql';
import { RequireAuth } from '../../auth/RequireAuth';
import { authGql } from '../../auth/session';
import { Page } from '../../components/Page';
import { formatDateTime } from '../../format';

interface Entry {
  id: string;
  at: string;
  actorId: string;
  actorRoles: string[];
  entity: string;
  entityId: string;
  action: string;
  purpose: string | null;
  requestId: string;
}

interface Filters {
  entity: string;
  entityId: string;
  actorId: string;
}

interface Check {
  ok: boolean;
  entries: number;
  firstBrokenId: string | null;
}

const LOG = `query AccessLog($entity: String, $entityId: String, $actorId: ID, $first: Int, $before: ID) {
  accessLog(entity: $entity, entityId: $entityId, actorId: $actorId, first: $first, before: $before) {
    id at actorId actorRoles entity entityId action purpose requestId
  }
}`;
const VERIFY = 'query VerifyAccessLog { verifyAccessLog { ok entries firstBrokenId } }';
const PAGE = 50;
const EMPTY: Filters = { entity: '', entityId: '', actorId: '' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function VerifyChain() {
  const { t } = useTranslation();
  const [state, setState] = useState<{ status: 'idle' | 'busy' } | { status: 'done'; check: Check } | { status: 'error'; error: unknown }>({
    status: 'idle',
  });
  async function verify() {
    setState({ status: 'busy' });
    try {
      const d = await authGql<{ verifyAccessLog: Check }>(VERIFY);
      setState({ status: 'done', check: d.verifyAccessLog });
    } catch (error) {
      setState({ status: 'error', error });
    }
  }
  return (
    <div className="verify">
      <button type="button" className="button button-secondary" onClick={() => void verify()} disabled={state.status === 'busy'}>
        {t('accessLog.verify')}
      </button>
      <div role="status" data-testid="verify-result">
        {state.status === 'busy' ? <p>{t('accessLog.verifying')}</p> : null}
        {state.status === 'done' ? (
          state.check.ok ? (
            <p className="alert alert-ok">{t('accessLog.chainOk', { count: state.check.entries })}</p>
          ) : (
            <p className="alert alert-error">
              {t('accessLog.chainBroken', { id: state.check.firstBrokenId ?? '?', count: state.check.entries })}
            </p>
          )
        ) : null}
        {state.status === 'error' ? <p className="error">{errorMessage(state.error, t)}</p> : null}
      </div>
    </div>
  );
}

function AccessLog() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [actorError, setActorError] = useState('');
  const [entries, setEntries] = useState<Entry[]>([]);
  const [more, setMore] = useState(false);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [before, setBefore] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    const variables = {
      entity: filters.entity || null,
      entityId: filters.entityId || null,
      actorId: filters.actorId || null,
      first: PAGE,
      before,
    };
    authGql<{ accessLog: Entry[] }>(LOG, variables, { signal: controller.signal }).then(
      (d) => {
        setEntries((prev) => (before ? [...prev, ...d.accessLog] : d.accessLog));
        setMore(d.accessLog.length === PAGE);
        setLoading(false);
      },
      (e: unknown) => {
        if (isAbort(e)) return;
        setError(e);
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [filters, before, attempt]);

  function apply(e: FormEvent) {
    e.preventDefault();
    const next = { entity: draft.entity.trim(), entityId: draft.entityId.trim(), actorId: draft.actorId.trim() };
    if (next.actorId && !UUID.test(next.actorId)) {
      setActorError(t('accessLog.actorInvalid'));
      return;
    }
    setActorError('');
    setBefore(null);
    setFilters(next);
  }

  function clear() {
    setDraft(EMPTY);
    setActorError('');
    setBefore(null);
    setFilters(EMPTY);
  }

  const field = (name: keyof Filters, label: string, hint?: string, err?: string) => (
    <div className="field">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      {hint ? (
        <p className="hint" id={`${id}-${name}-hint`}>
          {hint}
        </p>
      ) : null}
      {err ? (
        <p className="error" id={`${id}-${name}-error`}>
          {err}
        </p>
      ) : null}
      <input
        id={`${id}-${name}`}
        name={name}
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        value={draft[name]}
        aria-invalid={err ? true : undefined}
        aria-describedby={[hint ? `${id}-${name}-hint` : '', err ? `${id}-${name}-error` : ''].filter(Boolean).join(' ') || undefined}
        onChange={(e) => setDraft((d) => ({ ...d, [name]: e.target.value }))}
      />
    </div>
  );

  return (
    <>
      <VerifyChain />
      <form className="form filters" onSubmit={apply} noValidate aria-labelledby={`${id}-filters`}>
        <h2 id={`${id}-filters`}>{t('accessLog.filters')}</h2>
        <div className="filter-grid">
          {field('entity', t('accessLog.entity'), t('accessLog.entityHint'))}
          {field('entityId', t('accessLog.entityId'))}
          {field('actorId', t('accessLog.actorId'), undefined, actorError)}
        </div>
        <div className="actions">
          <button type="submit" className="button">
            {t('accessLog.apply')}
          </button>
          <button type="button" className="button button-secondary" onClick={clear}>
            {t('accessLog.clear')}
          </button>
        </div>
      </form>

      {error ? (
        <p className="error" role="alert">
          {errorMessage(error, t)}{' '}
          <button type="button" className="link-button" onClick={() => setAttempt((a) => a + 1)}>
            {t('error.retry')}
          </button>
        </p>
      ) : null}
      <p role="status" className="result-count">
        {loading ? t('picker.loading') : entries.length === 0 ? t('accessLog.none') : t('accessLog.count', { count: entries.length })}
      </p>
      {entries.length > 0 ? (
        <table className="log-table" data-testid="access-log">
          <caption className="visually-hidden">{t('accessLog.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('accessLog.at')}</th>
              <th scope="col">{t('accessLog.actor')}</th>
              <th scope="col">{t('accessLog.entity')}</th>
              <th scope="col">{t('accessLog.action')}</th>
              <th scope="col">{t('accessLog.purpose')}</th>
              <th scope="col">{t('accessLog.request')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td data-label={t('accessLog.at')}>
                  <span className="nowrap">{formatDateTime(e.at, i18n.language)}</span>
                  <span className="code block">#{e.id}</span>
                </td>
                <td data-label={t('accessLog.actor')}>
                  <button
                    type="button"
                    className="link-button code"
                    title={t('accessLog.onlyActor')}
                    onClick={() => {
                      const next = { ...filters, actorId: e.actorId };
                      setDraft(next);
                      setBefore(null);
                      setFilters(next);
                    }}
                  >
                    {e.actorId}
                  </button>
                  <span className="block hint">{e.actorRoles.map((r) => t(`role.${r}`, { defaultValue: r })).join(', ')}</span>
                </td>
                <td data-label={t('accessLog.entity')}>
                  {e.entity} <span className="code block">{e.entityId}</span>
                </td>
                <td data-label={t('accessLog.action')}>{t(`accessLog.actions.${e.action}`, { defaultValue: e.action })}</td>
                <td data-label={t('accessLog.purpose')}>{e.purpose ?? '—'}</td>
                <td data-label={t('accessLog.request')}>
                  <span className="code">{e.requestId}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {more ? (
        <button type="button" className="button button-secondary" disabled={loading} onClick={() => setBefore(entries[entries.length - 1].id)}>
          {t('accessLog.older')}
        </button>
      ) : null}
    </>
  );
}

export function AccessLogPage() {
  const { t } = useTranslation();
  return (
    <RequireAuth signIn="/staff/sign-in" roles={['ADMINISTRATOR', 'AUDITOR']}>
      {() => (
        <Page title={t('accessLog.title')} className="access-log">
          <p>
            <Link to="/staff" className="back-link">
              {t('staff.backToStaff')}
            </Link>
          </p>
          <p className="lead">{t('accessLog.intro')}</p>
          <AccessLog />
        </Page>
      )}
    </RequireAuth>
  );
}

export default AccessLogPage;
