import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { isAbort } from '../../api/gql';
import { RequireAuth } from '../../auth/RequireAuth';
import { authGql } from '../../auth/session';
import { Field } from '../../components/Field';
import { Page } from '../../components/Page';
import { TerritoryPicker } from '../../components/TerritoryPicker';
import {
  ATTACH_QUESTIONNAIRE,
  MY_QUESTIONNAIRES,
  MY_RECORD,
  UPDATE_MY_RECORD,
  type Migrant,
  type Questionnaire,
} from './api';
import { useCountries } from './data';
import { Episodes } from './Episodes';
import { focusSoon, formatDate, todayInBishkek, useFormErrors, useMT, formatDateTime } from './lib';
import { ErrorSummary, FieldError, LoadError } from './ui';
import './migrants.css';

/** The signed-in citizen's own record: what the registry knows, what they declare, their questionnaires. */
export default function RecordPage() {
  const { t } = useMT();
  return (
    <Page title={t('record.title')} className="mg-record">
      <RequireAuth roles={['CITIZEN']}>{() => <Record />}</RequireAuth>
      <p className="aside">
        <Link to="/me" className="back-link">
          {t('record.backToMe')}
        </Link>
      </p>
    </Page>
  );
}

function Record() {
  const { t, i18n } = useMT();
  const [record, setRecord] = useState<Migrant | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setError(null);
    authGql<{ myMigrantRecord: Migrant }>(MY_RECORD, {}, { signal: controller.signal }).then(
      (d) => setRecord(d.myMigrantRecord),
      (e: unknown) => !isAbort(e) && setError(e),
    );
    return () => controller.abort();
  }, [attempt, i18n.language]);

  if (error && !record) return <LoadError error={error} retry={() => setAttempt((a) => a + 1)} />;
  if (!record) return <p className="loading">{t('form.loading')}</p>;
  const name = [record.lastName, record.firstName, record.patronymic].filter(Boolean).join(' ');
  return (
    <>
      <dl className="facts" data-testid="record">
        <div>
          <dt>{t('field.pin')}</dt>
          <dd>
            <span className="pin">{record.pin}</span>
          </dd>
        </div>
        {name ? (
          <div>
            <dt>{t('record.name')}</dt>
            <dd>{name}</dd>
          </div>
        ) : null}
        {record.birthDate ? (
          <div>
            <dt>{t('field.birthDate')}</dt>
            <dd>{formatDate(record.birthDate, i18n.language)}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('record.whereNow')}</dt>
          <dd data-testid="record-abroad">
            {record.isAbroad || record.currentCountry
              ? [record.currentCountry?.name, record.currentCity].filter(Boolean).join(', ') || t('record.abroad')
              : t('record.atHome')}
          </dd>
        </div>
        <div>
          <dt>{t('record.home')}</dt>
          <dd>{record.homeTerritory?.pathName ?? record.homeTerritory?.name ?? t('record.notGiven')}</dd>
        </div>
        {record.updatedAt ? (
          <div>
            <dt>{t('record.updatedAt')}</dt>
            <dd>{formatDateTime(record.updatedAt, i18n.language)}</dd>
          </div>
        ) : null}
      </dl>

      <h2>{t('record.episodes')}</h2>
      <Episodes episodes={record.episodes ?? []} />

      <EditRecord record={record} onSaved={setRecord} />
      <MyQuestionnaires />
    </>
  );
}

const idOf = (f: string) => `rec-${f}`;

function EditRecord({ record, onSaved }: { record: Migrant; onSaved: (m: Migrant) => void }) {
  const { t } = useMT();
  const { data: countries } = useCountries();
  const [v, setV] = useState(() => ({
    phone: record.phone ?? '',
    email: record.email ?? '',
    contactAbroad: record.contactAbroad ?? '',
    currentCountry: record.currentCountry?.code ?? '',
    currentCity: record.currentCity ?? '',
    returnDate: '',
    homeTerritoryCode: record.homeTerritory?.code ?? null,
  }));
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const { errors, fromError, clear, clearField } = useFormErrors();
  const set = (k: keyof typeof v, value: string | null) => {
    setV((p) => ({ ...p, [k]: value }));
    clearField(k);
  };
  const err = (f: string) => errors.fields[f];

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setSaved(false);
    clear();
    const input: Record<string, string | null> = {
      phone: v.phone.trim() || null,
      email: v.email.trim() || null,
      contactAbroad: v.contactAbroad.trim() || null,
      currentCountry: v.currentCountry,
      currentCity: v.currentCity.trim() || null,
    };
    if (v.homeTerritoryCode) input.homeTerritoryCode = v.homeTerritoryCode;
    if (v.returnDate) input.returnDate = v.returnDate;
    try {
      const d = await authGql<{ updateMyMigrantRecord: Migrant }>(UPDATE_MY_RECORD, { input });
      onSaved(d.updateMyMigrantRecord);
      setV((p) => ({
        ...p,
        returnDate: '',
        currentCountry: d.updateMyMigrantRecord.currentCountry?.code ?? '',
        currentCity: d.updateMyMigrantRecord.currentCity ?? '',
      }));
      setSaved(true);
      focusSoon('record-saved');
    } catch (x) {
      fromError(x);
      focusSoon('error-summary');
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="edit-record">
      <h2 id="edit-record">{t('record.editTitle')}</h2>
      <p className="hint">{t('record.editIntro')}</p>
      {saved ? (
        <p className="alert alert-ok" id="record-saved" tabIndex={-1} role="status">
          {t('record.saved')}
        </p>
      ) : null}
      <form className="form" onSubmit={submit} noValidate>
        <ErrorSummary errors={errors} idOf={idOf} />
        <Field id={idOf('phone')} label={t('q.phone')} hint={t('q.phoneHint')} error={err('phone')}>
          {(p) => <input {...p} type="tel" inputMode="tel" autoComplete="tel" value={v.phone} onChange={(e) => set('phone', e.target.value)} />}
        </Field>
        <Field id={idOf('email')} label={t('record.email')} error={err('email')}>
          {(p) => <input {...p} type="email" autoComplete="email" value={v.email} onChange={(e) => set('email', e.target.value)} />}
        </Field>
        <Field id={idOf('contactAbroad')} label={t('record.contactAbroad')} hint={t('record.contactAbroadHint')} error={err('contactAbroad')}>
          {(p) => <textarea {...p} className="mg-text" rows={2} maxLength={500} value={v.contactAbroad} onChange={(e) => set('contactAbroad', e.target.value)} />}
        </Field>
        <Field id={idOf('currentCountry')} label={t('record.currentCountry')} error={err('currentCountry')}>
          {(p) => (
            <select {...p} value={v.currentCountry} onChange={(e) => set('currentCountry', e.target.value)}>
              <option value="">{t('record.inKyrgyzstan')}</option>
              {(countries ?? [])
                .filter((c) => c.code !== 'KG')
                .map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.name}
                  </option>
                ))}
            </select>
          )}
        </Field>
        <Field id={idOf('currentCity')} label={t('record.currentCity')} error={err('currentCity')}>
          {(p) => <input {...p} value={v.currentCity} onChange={(e) => set('currentCity', e.target.value)} />}
        </Field>
        <div id={idOf('homeTerritoryCode')}>
          <FieldError id="rec-home-error" message={err('homeTerritoryCode')} />
          <TerritoryPicker
            depth={3}
            legend={t('record.home')}
            defaultValue={record.homeTerritory?.code}
            onChange={(code) => set('homeTerritoryCode', code)}
          />
        </div>
        {record.isAbroad ? (
          <Field id={idOf('returnDate')} label={t('record.returnDate')} hint={t('record.returnDateHint')} error={err('returnDate')}>
            {(p) => <input {...p} type="date" max={todayInBishkek()} value={v.returnDate} onChange={(e) => set('returnDate', e.target.value)} />}
          </Field>
        ) : null}
        <div className="actions">
          <button type="submit" className="button" disabled={busy}>
            {busy ? t('form.saving') : t('form.save')}
          </button>
        </div>
      </form>
    </section>
  );
}

function MyQuestionnaires() {
  const { t, i18n } = useMT();
  const { t: tc } = useTranslation();
  const [list, setList] = useState<Questionnaire[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [reference, setReference] = useState('');
  const [accessCode, setAccessCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [attached, setAttached] = useState<string | null>(null);
  const { errors, fromError, clear, setFields } = useFormErrors();

  useEffect(() => {
    const controller = new AbortController();
    authGql<{ myQuestionnaires: Questionnaire[] }>(MY_QUESTIONNAIRES, {}, { signal: controller.signal }).then(
      (d) => setList(d.myQuestionnaires),
      (e: unknown) => !isAbort(e) && setError(e),
    );
    return () => controller.abort();
  }, []);

  async function attach(e: FormEvent) {
    e.preventDefault();
    const missing: Record<string, string> = {};
    if (!reference.trim()) missing.reference = t('open.referenceRequired');
    if (!accessCode.trim()) missing.accessCode = t('open.codeRequired');
    if (Object.keys(missing).length) return setFields(missing);
    setBusy(true);
    clear();
    setAttached(null);
    try {
      const d = await authGql<{ attachQuestionnaire: Questionnaire }>(ATTACH_QUESTIONNAIRE, {
        reference: reference.trim().toUpperCase(),
        accessCode: accessCode.trim().toUpperCase(),
      });
      const q = d.attachQuestionnaire;
      setList((l) => [q, ...(l ?? []).filter((x) => x.id !== q.id)]);
      setAttached(q.reference);
      setReference('');
      setAccessCode('');
    } catch (x) {
      fromError(x);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="my-questionnaires">
      <h2 id="my-questionnaires">{t('record.questionnaires')}</h2>
      {error ? <LoadError error={error} /> : null}
      {list && list.length === 0 ? <p className="hint">{t('record.noQuestionnaires')}</p> : null}
      {list && list.length > 0 ? (
        <ul className="user-list" data-testid="my-questionnaires">
          {list.map((q) => (
            <li key={q.id} className="user-item">
              <div className="user-head">
                <strong className="code">{q.reference}</strong>
                <span className={`badge mg-status mg-status-${q.status.toLowerCase()}`}>{t(`qstatus.${q.status}`)}</span>
              </div>
              <p className="hint">
                {t('open.submittedAt')}: {formatDateTime(q.submittedAt, i18n.language)}
              </p>
            </li>
          ))}
        </ul>
      ) : null}
      <form className="form" onSubmit={attach} noValidate>
        <h3>{t('record.attachTitle')}</h3>
        <p className="hint">{t('record.attachIntro')}</p>
        {errors.general ? (
          <p className="error" role="alert">
            {errors.general}
          </p>
        ) : null}
        {attached ? (
          <p className="alert alert-ok" role="status">
            {t('record.attached', { reference: attached })}
          </p>
        ) : null}
        <Field id="attach-reference" label={t('open.reference')} error={errors.fields.reference}>
          {(p) => <input {...p} autoComplete="off" value={reference} onChange={(e) => setReference(e.target.value)} />}
        </Field>
        <Field id="attach-accessCode" label={t('open.accessCode')} error={errors.fields.accessCode}>
          {(p) => <input {...p} autoComplete="off" value={accessCode} onChange={(e) => setAccessCode(e.target.value)} />}
        </Field>
        <div className="actions">
          <button type="submit" className="button" disabled={busy}>
            {busy ? tc('picker.loading') : t('record.attach')}
          </button>
        </div>
      </form>
    </section>
  );
}
