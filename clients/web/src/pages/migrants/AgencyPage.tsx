import { useEffect, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import { isAbort } from '../../api/gql';
import { RequireAuth } from '../../auth/RequireAuth';
import { authGql, hasRole, type SessionUser } from '../../auth/session';
import { Field } from '../../components/Field';
import { Page } from '../../components/Page';
import { AGENCY, AGENCY_STATUSES, SET_AGENCY_STATUS, type Agency, type AgencyStatus } from './api';
import { AGENCY_MANAGERS, AGENCY_READERS } from './roles';
import { focusSoon, formatDate, useFormErrors, useMT, formatDateTime } from './lib';
import { LoadError, StatusBadge } from './ui';
import './migrants.css';

/** One agency: its licence, status history and (for managers) suspending, revoking or reinstating it. */
export default function AgencyPage() {
  const { t } = useMT();
  const { id = '' } = useParams();
  return (
    <Page title={t('agency.title')} className="mg-staff">
      <p className="mg-back">
        <Link to="/staff/agencies" className="back-link">
          {t('agencies.title')}
        </Link>
      </p>
      <RequireAuth signIn="/staff/sign-in" roles={[...AGENCY_READERS, 'AGENCY_OPERATOR']}>
        {(user) => <AgencyCard id={id} user={user} />}
      </RequireAuth>
    </Page>
  );
}

function AgencyCard({ id, user }: { id: string; user: SessionUser }) {
  const { t, i18n } = useMT();
  const [agency, setAgency] = useState<Agency | null | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setError(null);
    authGql<{ agency: Agency | null }>(AGENCY, { id }, { signal: controller.signal }).then(
      (d) => setAgency(d.agency),
      (e: unknown) => !isAbort(e) && setError(e),
    );
    return () => controller.abort();
  }, [id, attempt]);

  if (error) return <LoadError error={error} retry={() => setAttempt((a) => a + 1)} />;
  if (agency === undefined) return <p className="loading">{t('form.loading')}</p>;
  if (agency === null) return <p className="error">{t('agency.notFound')}</p>;
  const lang = i18n.language;
  return (
    <>
      <h2 className="mg-subtitle" data-testid="agency-name">
        {agency.legalName}
      </h2>
      <dl className="facts">
        <div>
          <dt>{t('agency.statusLabel')}</dt>
          <dd data-testid="agency-status">
            <StatusBadge status={agency.status} />
          </dd>
        </div>
        <div>
          <dt>{t('agency.licenceNumber')}</dt>
          <dd>{agency.licenceNumber}</dd>
        </div>
        <div>
          <dt>{t('agency.inn')}</dt>
          <dd className="code">{agency.inn}</dd>
        </div>
        <div>
          <dt>{t('agency.validity')}</dt>
          <dd>
            {formatDate(agency.licenceValidFrom, lang)} – {formatDate(agency.licenceValidTo, lang)}
          </dd>
        </div>
      </dl>
      <p>
        <Link to={`/staff/departures?agency=${agency.id}&view=list`}>{t('agency.departures')}</Link>
      </p>

      {hasRole(user, ...AGENCY_MANAGERS) ? <ChangeStatus agency={agency} onChanged={setAgency} /> : null}

      <h2>{t('agency.history')}</h2>
      {agency.statusHistory?.length ? (
        <ol className="mg-history" data-testid="status-history">
          {[...agency.statusHistory]
            .sort((a, b) => b.changedAt.localeCompare(a.changedAt))
            .map((h, i) => (
              <li key={i}>
                <StatusBadge status={h.status} /> <span className="mg-muted">{formatDateTime(h.changedAt, lang)}</span>
                {h.reason ? <p className="mg-reason">{h.reason}</p> : null}
              </li>
            ))}
        </ol>
      ) : (
        <p className="hint">{t('agency.noHistory')}</p>
      )}
    </>
  );
}

function ChangeStatus({ agency, onChanged }: { agency: Agency; onChanged: (a: Agency) => void }) {
  const { t } = useMT();
  const choices = AGENCY_STATUSES.filter((s) => s !== agency.status);
  const [status, setStatus] = useState<AgencyStatus>(choices[0]);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const { errors, fromError, setFields, clear } = useFormErrors();

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (status !== 'ACTIVE' && !reason.trim()) {
      setFields({ reason: t('agency.reasonRequired') });
      return;
    }
    setBusy(true);
    setDone(false);
    clear();
    try {
      const d = await authGql<{ setAgencyStatus: Agency }>(SET_AGENCY_STATUS, { id: agency.id, status, reason: reason.trim() || null });
      onChanged(d.setAgencyStatus);
      setStatus(AGENCY_STATUSES.find((s) => s !== d.setAgencyStatus.status) ?? 'ACTIVE');
      setReason('');
      setDone(true);
      focusSoon('status-changed');
    } catch (x) {
      fromError(x);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="change-status">
      <h2 id="change-status">{t('agency.changeStatus')}</h2>
      {done ? (
        <p className="alert alert-ok" role="status" id="status-changed" tabIndex={-1}>
          {t('agency.statusChanged')}
        </p>
      ) : null}
      {errors.general ? (
        <p className="error" role="alert">
          {errors.general}
        </p>
      ) : null}
      <form className="form" onSubmit={submit} noValidate>
        <fieldset className="mg-group">
          <legend>{t('agency.newStatus')}</legend>
          {choices.map((s) => (
            <label key={s} className="choice">
              <input type="radio" name="agency-status" checked={status === s} onChange={() => setStatus(s)} />
              <span>
                {t(`agency.action.${s}`)}
                <span className="hint block">{t(`agency.actionHint.${s}`)}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <Field id="agency-reason" label={t('agency.reason')} hint={t('agency.reasonHint')} error={errors.fields.reason}>
          {(p) => <textarea {...p} className="mg-text" rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />}
        </Field>
        <div className="actions">
          <button type="submit" className="button" disabled={busy}>
            {busy ? t('form.saving') : t('agency.apply')}
          </button>
        </div>
      </form>
    </section>
  );
}
