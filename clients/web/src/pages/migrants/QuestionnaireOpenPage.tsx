import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { gql } from '../../api/gql';
import { Field } from '../../components/Field';
import { Page } from '../../components/Page';
import {
  OPEN_QUESTIONNAIRE,
  UPDATE_QUESTIONNAIRE,
  WITHDRAW_QUESTIONNAIRE,
  type Questionnaire,
  type QuestionnaireInput,
} from './api';
import { focusSoon, useFormErrors, useMT, formatDateTime } from './lib';
import { QuestionnaireForm } from './QuestionnaireForm';
import { ErrorSummary } from './ui';
import './migrants.css';

type Credentials = {
  reference: string;
  accessCode: string;
};

/** Open a questionnaire with its reference and access code: see it, change it, or withdraw it. */
export default function QuestionnaireOpenPage() {
  const { t: tm } = useMT();
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [reference, setReference] = useState(params.get('reference') ?? '');
  const [accessCode, setAccessCode] = useState('');
  const [open, setOpen] = useState<{ creds: Credentials; q: Questionnaire } | null>(null);
  const [busy, setBusy] = useState(false);
  const login = useFormErrors();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const creds = { reference: reference.trim().toUpperCase(), accessCode: accessCode.trim().toUpperCase() };
    const missing: Record<string, string> = {};
    if (!creds.reference) missing.reference = tm('open.referenceRequired');
    if (!creds.accessCode) missing.accessCode = tm('open.codeRequired');
    if (Object.keys(missing).length) {
      login.setFields(missing);
      focusSoon('error-summary');
      return;
    }
    setBusy(true);
    login.clear();
    try {
      const d = await gql<{ questionnaire: Questionnaire }>(OPEN_QUESTIONNAIRE, creds);
      setOpen({ creds, q: d.questionnaire });
      setAccessCode('');
      focusSoon('opened-title');
    } catch (err) {
      login.fromError(err);
      focusSoon('error-summary');
    } finally {
      setBusy(false);
    }
  }

  return (
    <Page title={tm('open.title')} className="mg-questionnaire">
      {open ? (
        <Opened
          creds={open.creds}
          initial={open.q}
          onClose={() => {
            setOpen(null);
            focusSoon('page-title');
          }}
        />
      ) : (
        <>
          <p className="lead">{tm('open.intro')}</p>
          <form className="form narrow" onSubmit={submit} noValidate>
            <ErrorSummary errors={login.errors} idOf={(f) => `open-${f}`} />
            <Field id="open-reference" label={tm('open.reference')} hint={tm('open.referenceHint')} error={login.errors.fields.reference}>
              {(p) => (
                <input
                  {...p}
                  autoComplete="off"
                  autoCapitalize="characters"
                  spellCheck={false}
                  value={reference}
                  onChange={(e) => setReference(e.target.value)}
                />
              )}
            </Field>
            <Field id="open-accessCode" label={tm('open.accessCode')} hint={tm('open.accessCodeHint')} error={login.errors.fields.accessCode}>
              {(p) => (
                <input
                  {...p}
                  autoComplete="off"
                  autoCapitalize="characters"
                  spellCheck={false}
                  value={accessCode}
                  onChange={(e) => setAccessCode(e.target.value)}
                />
              )}
            </Field>
            <div className="actions">
              <button type="submit" className="button" disabled={busy}>
                {busy ? tm('form.opening') : tm('open.submit')}
              </button>
            </div>
          </form>
          <p className="aside">
            <Link to="/questionnaire">{tm('open.newOne')}</Link>
          </p>
        </>
      )}
      <p className="aside">
        <Link to="/" className="back-link">
          {t('backHome')}
        </Link>
      </p>
    </Page>
  );
}

function Opened({ creds, initial, onClose }: { creds: Credentials; initial: Questionnaire; onClose: () => void }) {
  const { t, i18n } = useMT();
  const [q, setQ] = useState(initial);
  const [version, setVersion] = useState(0);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const form = useFormErrors();
  const withdrawal = useFormErrors();

  async function save(input: QuestionnaireInput) {
    setBusy(true);
    setSaved(false);
    form.clear();
    try {
      const d = await gql<{ updateQuestionnaire: Questionnaire }>(UPDATE_QUESTIONNAIRE, { ...creds, input });
      setQ(d.updateQuestionnaire);
      setSaved(true);
      focusSoon('saved');
    } catch (e) {
      form.fromError(e);
      focusSoon('error-summary');
    } finally {
      setBusy(false);
    }
  }

  async function withdraw() {
    setBusy(true);
    withdrawal.clear();
    try {
      const d = await gql<{ withdrawQuestionnaire: Questionnaire }>(WITHDRAW_QUESTIONNAIRE, { ...creds });
      setQ(d.withdrawQuestionnaire);
      setConfirming(false);
      setVersion((v) => v + 1);
      focusSoon('opened-title');
    } catch (e) {
      withdrawal.fromError(e);
    } finally {
      setBusy(false);
    }
  }

  const withdrawn = q.status === 'WITHDRAWN';
  return (
    <>
      <section className="panel" aria-labelledby="opened-title" data-testid="opened">
        <h2 id="opened-title" tabIndex={-1}>
          {t('open.opened', { reference: q.reference })}
        </h2>
        <dl className="facts compact">
          <div>
            <dt>{t('open.status')}</dt>
            <dd data-testid="questionnaire-status">
              <span className={`badge mg-status mg-status-${q.status.toLowerCase()}`}>{t(`qstatus.${q.status}`)}</span>
            </dd>
          </div>
          <div>
            <dt>{t('open.name')}</dt>
            <dd>{[q.lastName, q.firstName, q.patronymic].filter(Boolean).join(' ')}</dd>
          </div>
          <div>
            <dt>{t('open.submittedAt')}</dt>
            <dd>{formatDateTime(q.submittedAt, i18n.language)}</dd>
          </div>
          <div>
            <dt>{t('open.updatedAt')}</dt>
            <dd>{formatDateTime(q.updatedAt, i18n.language)}</dd>
          </div>
          {q.attached ? (
            <div>
              <dt>{t('open.attached')}</dt>
              <dd>{t('open.attachedYes')}</dd>
            </div>
          ) : null}
        </dl>
        <div className="actions">
          <button type="button" className="button button-secondary button-small" onClick={onClose}>
            {t('open.close')}
          </button>
        </div>
      </section>

      {withdrawn ? (
        <p className="alert alert-info">{t('open.withdrawnText')}</p>
      ) : (
        <>
          <h2>{t('open.editTitle')}</h2>
          {saved ? (
            <p className="alert alert-ok" id="saved" tabIndex={-1} role="status">
              {t('open.saved')}
            </p>
          ) : null}
          <QuestionnaireForm
            key={version}
            initial={q}
            submitLabel={t('open.save')}
            busyLabel={t('form.saving')}
            busy={busy}
            errors={form.errors}
            onSubmit={(input) => void save(input)}
            onLocalErrors={form.setFields}
            onEdit={form.clearField}
          />
          <section className="panel mg-danger" aria-labelledby="withdraw-title">
            <h2 id="withdraw-title">{t('open.withdrawTitle')}</h2>
            <p>{t('open.withdrawText')}</p>
            {withdrawal.errors.general ? (
              <p className="error" role="alert">
                {withdrawal.errors.general}
              </p>
            ) : null}
            {confirming ? (
              <div className="confirm" role="group" aria-labelledby="withdraw-confirm">
                <p id="withdraw-confirm">
                  <strong>{t('open.withdrawConfirm')}</strong>
                </p>
                <div className="actions">
                  <button type="button" className="button" onClick={() => void withdraw()} disabled={busy}>
                    {t('open.withdrawYes')}
                  </button>
                  <button type="button" className="button button-secondary" onClick={() => setConfirming(false)}>
                    {t('form.cancel')}
                  </button>
                </div>
              </div>
            ) : (
              <button type="button" className="button button-secondary" onClick={() => setConfirming(true)}>
                {t('open.withdraw')}
              </button>
            )}
          </section>
        </>
      )}
    </>
  );
}
