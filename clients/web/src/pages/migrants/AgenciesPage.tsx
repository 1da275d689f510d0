import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { isAbort } from '../../api/gql';
import { RequireAuth } from '../../auth/RequireAuth';
import { authGql, hasRole, type SessionUser } from '../../auth/session';
import { Field } from '../../components/Field';
import { Page } from '../../components/Page';
import { AGENCIES, AGENCY_STATUSES, CREATE_AGENCY, type Agency, type AgencyStatus } from './api';
import { focusSoon, formatDate, useFormErrors, useMT } from './lib';
import { AGENCY_MANAGERS, AGENCY_READERS } from './roles';
import { BackToStaff, ErrorSummary, LoadError, StatusBadge } from './ui';
import './migrants.css';

const PAGE = 50;

/** The registry of licensed private employment agencies. */
export default function AgenciesPage() {
  const { t } = useMT();
  return (
    <Page title={t('agencies.title')} className="mg-staff">
      <BackToStaff />
      <RequireAuth signIn="/staff/sign-in" roles={AGENCY_READERS}>
        {(user) => <Agencies user={user} />}
      </RequireAuth>
    </Page>
  );
}

function Agencies({ user }: { user: SessionUser }) {
  const { t, i18n } = useMT();
  const [status, setStatus] = useState<AgencyStatus | ''>('');
  const [list, setList] = useState<Agency[] | null>(null);
  const [more, setMore] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<Agency | null>(null);
  const manager = hasRole(user, ...AGENCY_MANAGERS);

  useEffect(() => {
    const controller = new AbortController();
    setError(null);
    authGql<{ agencies: Agency[] }>(AGENCIES, { status: status || null, first: PAGE }, { signal: controller.signal }).then(
      (d) => {
        setList(d.agencies);
        setMore(d.agencies.length === PAGE);
      },
      (e: unknown) => !isAbort(e) && setError(e),
    );
    return () => controller.abort();
  }, [status, attempt]);

  async function loadMore() {
    if (!list?.length) return;
    try {
      const d = await authGql<{ agencies: Agency[] }>(AGENCIES, { status: status || null, first: PAGE, after: list[list.length - 1].id });
      setList([...list, ...d.agencies]);
      setMore(d.agencies.length === PAGE);
    } catch (e) {
      setError(e);
    }
  }

  return (
    <>
      <p className="lead">{t('agencies.intro')}</p>
      {created ? (
        <p className="alert alert-ok" role="status" id="agency-created" tabIndex={-1}>
          {t('agencies.created', { name: created.legalName })} <Link to={`/staff/agencies/${created.id}`}>{t('agencies.openCard')}</Link>
        </p>
      ) : null}
      {manager ? (
        creating ? (
          <CreateAgency
            onCancel={() => setCreating(false)}
            onCreated={(a) => {
              setCreating(false);
              setCreated(a);
              setList((l) => [a, ...(l ?? [])]);
              focusSoon('agency-created');
            }}
          />
        ) : (
          <p>
            <button type="button" className="button" onClick={() => { setCreated(null); setCreating(true); }}>
              {t('agencies.add')}
            </button>
          </p>
        )
      ) : null}

      <div className="field inline-field">
        <label htmlFor="agency-status-filter">{t('agencies.filter')}</label>
        <select id="agency-status-filter" value={status} onChange={(e) => setStatus(e.target.value as AgencyStatus | '')}>
          <option value="">{t('agencies.all')}</option>
          {AGENCY_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`agency.status.${s}`)}
            </option>
          ))}
        </select>
      </div>
      {error ? <LoadError error={error} retry={() => setAttempt((a) => a + 1)} /> : null}
      {!list && !error ? <p className="loading">{t('form.loading')}</p> : null}
      {list && list.length === 0 ? <p>{t('agencies.none')}</p> : null}
      {list && list.length > 0 ? (
        <table className="mg-table" data-testid="agencies">
          <caption className="visually-hidden">{t('agencies.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('agency.legalName')}</th>
              <th scope="col">{t('agency.licenceNumber')}</th>
              <th scope="col">{t('agency.inn')}</th>
              <th scope="col">{t('agency.validity')}</th>
              <th scope="col">{t('agency.statusLabel')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((a) => (
              <tr key={a.id}>
                <td data-label={t('agency.legalName')}>
                  <Link to={`/staff/agencies/${a.id}`}>{a.legalName}</Link>
                </td>
                <td data-label={t('agency.licenceNumber')}>{a.licenceNumber}</td>
                <td data-label={t('agency.inn')}>
                  <span className="code">{a.inn}</span>
                </td>
                <td data-label={t('agency.validity')}>
                  {formatDate(a.licenceValidFrom, i18n.language)} – {formatDate(a.licenceValidTo, i18n.language)}
                </td>
                <td data-label={t('agency.statusLabel')}>
                  <StatusBadge status={a.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {more ? (
        <button type="button" className="button button-secondary" onClick={() => void loadMore()}>
          {t('form.showMore')}
        </button>
      ) : null}
    </>
  );
}

const idOf = (f: string) => `agency-${f}`;

function CreateAgency({ onCreated, onCancel }: { onCreated: (a: Agency) => void; onCancel: () => void }) {
  const { t } = useMT();
  const [v, setV] = useState({ licenceNumber: '', legalName: '', inn: '', licenceValidFrom: '', licenceValidTo: '' });
  const [busy, setBusy] = useState(false);
  const { errors, fromError, setFields, clear, clearField } = useFormErrors();
  const set = (k: keyof typeof v, value: string) => {
    setV((p) => ({ ...p, [k]: value }));
    clearField(k);
  };
  const err = (f: string) => errors.fields[f];

  async function submit(e: FormEvent) {
    e.preventDefault();
    const missing: Record<string, string> = {};
    for (const k of Object.keys(v) as (keyof typeof v)[]) if (!v[k].trim()) missing[k] = t('form.required');
    if (Object.keys(missing).length) {
      setFields(missing);
      focusSoon('error-summary');
      return;
    }
    setBusy(true);
    clear();
    try {
      const input = Object.fromEntries(Object.entries(v).map(([k, x]) => [k, x.trim()]));
      const d = await authGql<{ createAgency: Agency }>(CREATE_AGENCY, { input });
      onCreated(d.createAgency);
    } catch (x) {
      fromError(x);
      focusSoon('error-summary');
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="new-agency">
      <h2 id="new-agency">{t('agencies.add')}</h2>
      <form className="form" onSubmit={submit} noValidate>
        <ErrorSummary errors={errors} idOf={idOf} />
        <Field id={idOf('legalName')} label={t('agency.legalName')} error={err('legalName')}>
          {(p) => <input {...p} value={v.legalName} onChange={(e) => set('legalName', e.target.value)} />}
        </Field>
        <Field id={idOf('licenceNumber')} label={t('agency.licenceNumber')} error={err('licenceNumber')}>
          {(p) => <input {...p} value={v.licenceNumber} onChange={(e) => set('licenceNumber', e.target.value)} />}
        </Field>
        <Field id={idOf('inn')} label={t('agency.inn')} hint={t('agency.innHint')} error={err('inn')}>
          {(p) => <input {...p} inputMode="numeric" maxLength={14} value={v.inn} onChange={(e) => set('inn', e.target.value.replace(/\D/g, ''))} />}
        </Field>
        <Field id={idOf('licenceValidFrom')} label={t('agency.validFrom')} error={err('licenceValidFrom')}>
          {(p) => <input {...p} type="date" value={v.licenceValidFrom} onChange={(e) => set('licenceValidFrom', e.target.value)} />}
        </Field>
        <Field id={idOf('licenceValidTo')} label={t('agency.validTo')} error={err('licenceValidTo')}>
          {(p) => <input {...p} type="date" value={v.licenceValidTo} onChange={(e) => set('licenceValidTo', e.target.value)} />}
        </Field>
        <div className="actions">
          <button type="submit" className="button" disabled={busy}>
            {busy ? t('form.saving') : t('agencies.create')}
          </button>
          <button type="button" className="button button-secondary" onClick={onCancel}>
            {t('form.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
