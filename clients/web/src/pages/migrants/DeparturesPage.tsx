import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { isAbort } from '../../api/gql';
import { RequireAuth } from '../../auth/RequireAuth';
import { authGql, hasRole, type SessionUser } from '../../auth/session';
import { Field } from '../../components/Field';
import { Page } from '../../components/Page';
import {
  AGENCIES,
  AGENCY_NAME,
  COMMIT_UPLOAD,
  DEPARTURE_REPORTS,
  PREVIEW_UPLOAD,
  REPORT_DEPARTURE,
  type Agency,
  type DepartureInput,
  type Episode,
  type UploadPreview,
  type UploadResult,
} from './api';
import { useCountries, useOccupations } from './data';
import { fileToBase64, focusSoon, formatDate, saveFile, useFormErrors, useMT, formatDateTime } from './lib';
import { AGENCY_MANAGERS, DEPARTURE_REPORTERS } from './roles';
import { BackToStaff, ErrorSummary, LoadError } from './ui';
import './migrants.css';

const VIEWS = ['upload', 'one', 'list'] as const;
type View = (typeof VIEWS)[number];
/** The gateway takes 40 MB per request; base64 adds a third. */
const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** The template agencies fill in: the column headers the import recognises, in Russian, `;`-separated, UTF-8 with BOM (Excel). */
export const TEMPLATE_HEADERS = [
  'ПИН',
  'Фамилия',
  'Имя',
  'Отчество',
  'Дата рождения',
  'Страна',
  'Город',
  'Работодатель',
  'Код ISCO',
  'Дата начала контракта',
  'Дата окончания контракта',
];

/** Agencies report the citizens they send abroad: a file, one person, and what was reported. */
export default function DeparturesPage() {
  const { t } = useMT();
  return (
    <Page title={t('departures.title')} className="mg-staff">
      <BackToStaff />
      <RequireAuth signIn="/staff/sign-in" roles={DEPARTURE_REPORTERS}>
        {(user) => <Departures user={user} />}
      </RequireAuth>
    </Page>
  );
}

function Departures({ user }: { user: SessionUser }) {
  const { t } = useMT();
  const [params, setParams] = useSearchParams();
  const manager = hasRole(user, ...AGENCY_MANAGERS);
  const view: View = (VIEWS as readonly string[]).includes(params.get('view') ?? '') ? (params.get('view') as View) : 'upload';
  const agencyId = manager ? params.get('agency') ?? '' : user.agencyId ?? '';
  const link = (next: Partial<{ view: View; agency: string }>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) if (v) p.set(k, v);
    else p.delete(k);
    return `?${p.toString()}`;
  };

  return (
    <>
      <p className="lead">{t('departures.intro')}</p>
      {manager ? (
        <AgencySelect value={agencyId} onChange={(id) => setParams(new URLSearchParams(link({ agency: id }).slice(1)), { replace: true })} />
      ) : agencyId ? (
        <OwnAgency id={agencyId} />
      ) : (
        <p className="error">{t('departures.noAgency')}</p>
      )}
      {agencyId ? (
        <>
          <nav className="mg-tabs" aria-label={t('departures.views')}>
            {VIEWS.map((v) => (
              <Link key={v} to={link({ view: v })} aria-current={v === view ? 'page' : undefined} replace>
                {t(`departures.view.${v}`)}
              </Link>
            ))}
          </nav>
          {view === 'upload' ? <Upload agencyId={agencyId} manager={manager} listLink={link({ view: 'list' })} /> : null}
          {view === 'one' ? <ReportOne agencyId={agencyId} manager={manager} /> : null}
          {view === 'list' ? <Reported agencyId={agencyId} /> : null}
        </>
      ) : null}
    </>
  );
}

function OwnAgency({ id }: { id: string }) {
  const { t } = useMT();
  const [agency, setAgency] = useState<Agency | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    authGql<{ agency: Agency | null }>(AGENCY_NAME, { id }, { signal: controller.signal }).then(
      (d) => setAgency(d.agency),
      () => undefined,
    );
    return () => controller.abort();
  }, [id]);
  return (
    <p data-testid="own-agency">
      {t('departures.agency')}: <strong>{agency ? `${agency.legalName} (${agency.licenceNumber})` : '…'}</strong>
      {agency && agency.status !== 'ACTIVE' ? (
        <span className="error block">{t('departures.agencyNotActive', { status: t(`agency.status.${agency.status}`) })}</span>
      ) : null}
    </p>
  );
}

function AgencySelect({ value, onChange }: { value: string; onChange: (id: string) => void }) {
  const { t } = useMT();
  const [list, setList] = useState<Agency[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    const controller = new AbortController();
    authGql<{ agencies: Agency[] }>(AGENCIES, { status: 'ACTIVE', first: 200 }, { signal: controller.signal }).then(
      (d) => setList(d.agencies),
      (e: unknown) => !isAbort(e) && setError(e),
    );
    return () => controller.abort();
  }, []);
  return (
    <div className="field">
      <label htmlFor="departure-agency">{t('departures.agency')}</label>
      <p className="hint">{t('departures.agencyHint')}</p>
      {error ? <LoadError error={error} /> : null}
      <select id="departure-agency" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{list ? t('form.choose') : t('form.loading')}</option>
        {(list ?? []).map((a) => (
          <option key={a.id} value={a.id}>
            {a.legalName} ({a.licenceNumber})
          </option>
        ))}
      </select>
    </div>
  );
}

function downloadTemplate() {
  saveFile('departures-template.csv', `\uFEFF${TEMPLATE_HEADERS.join(';')}\r\n`, 'text/csv;charset=utf-8');
}

function Upload({ agencyId, manager, listLink }: { agencyId: string; manager: boolean; listLink: string }) {
  const { t } = useMT();
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [preview, setPreview] = useState<UploadPreview | null>(null);
  const [result, setResult] = useState<UploadResult | null>(null);
  const [busy, setBusy] = useState<'preview' | 'commit' | null>(null);
  const [error, setError] = useState<unknown>(null);

  function reset() {
    setFile(null);
    setPreview(null);
    setResult(null);
    setError(null);
    setFileError(null);
    if (fileInput.current) fileInput.current.value = '';
  }

  async function check(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setPreview(null);
    setResult(null);
    if (!file) return setFileError(t('upload.chooseFile'));
    if (!/\.(csv|xlsx)$/i.test(file.name)) return setFileError(t('upload.wrongType'));
    if (file.size > MAX_FILE_BYTES) return setFileError(t('upload.tooBig', { mb: MAX_FILE_BYTES / 1024 / 1024 }));
    setFileError(null);
    setBusy('preview');
    try {
      const contentBase64 = await fileToBase64(file);
      const d = await authGql<{ previewDepartureUpload: UploadPreview }>(PREVIEW_UPLOAD, {
        fileName: file.name,
        contentBase64,
        agencyId: manager ? agencyId : null,
      });
      setPreview(d.previewDepartureUpload);
      focusSoon('preview-title');
    } catch (x) {
      setError(x);
    } finally {
      setBusy(null);
    }
  }

  async function commit() {
    if (!preview?.uploadId) return;
    setBusy('commit');
    setError(null);
    try {
      // safe to send again after a lost answer: the server writes an upload once
      const d = await authGql<{ commitDepartureUpload: UploadResult }>(COMMIT_UPLOAD, { uploadId: preview.uploadId });
      setResult(d.commitDepartureUpload);
      focusSoon('commit-result');
    } catch (x) {
      setError(x);
    } finally {
      setBusy(null);
    }
  }

  return (
    <section aria-labelledby="upload-title">
      <h2 id="upload-title">{t('upload.title')}</h2>
      <p>{t('upload.intro')}</p>
      <p className="hint">{t('upload.columns', { columns: TEMPLATE_HEADERS.join('; ') })}</p>
      <p>
        <button type="button" className="button button-secondary button-small" onClick={downloadTemplate}>
          {t('upload.template')}
        </button>
      </p>
      <form className="form" onSubmit={check} noValidate>
        <Field id="upload-file" label={t('upload.file')} hint={t('upload.fileHint')} error={fileError}>
          {(p) => (
            <input
              {...p}
              ref={fileInput}
              type="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setPreview(null);
                setResult(null);
                setFileError(null);
              }}
            />
          )}
        </Field>
        <div className="actions">
          <button type="submit" className="button" disabled={busy !== null}>
            {busy === 'preview' ? t('upload.checking') : t('upload.check')}
          </button>
        </div>
      </form>
      {error ? <LoadError error={error} /> : null}

      {preview ? (
        <section className="panel mg-preview" aria-labelledby="preview-title" data-testid="upload-preview">
          <h3 id="preview-title" tabIndex={-1}>
            {t('upload.previewTitle', { name: file?.name ?? '' })}
          </h3>
          <p className="hint">{t('upload.nothingWritten')}</p>
          <dl className="facts compact mg-counts">
            <div>
              <dt>{t('upload.totalRows')}</dt>
              <dd data-testid="total-rows">{preview.totalRows}</dd>
            </div>
            <div>
              <dt>{t('upload.validRows')}</dt>
              <dd data-testid="valid-rows">{preview.validRows}</dd>
            </div>
            <div>
              <dt>{t('upload.invalidRows')}</dt>
              <dd data-testid="invalid-rows">{preview.invalidRows}</dd>
            </div>
            {preview.alreadyReported ? (
              <div>
                <dt>{t('upload.alreadyReported')}</dt>
                <dd>{preview.alreadyReported}</dd>
              </div>
            ) : null}
          </dl>
          {preview.errors.length ? (
            <>
              <h4>{t('upload.errorsTitle', { count: preview.errorCount })}</h4>
              {preview.errorCount > preview.errors.length ? (
                <p className="hint">{t('upload.errorsCut', { shown: preview.errors.length })}</p>
              ) : null}
              <table className="mg-table mg-errors" data-testid="upload-errors">
                <caption className="visually-hidden">{t('upload.errorsTitle', { count: preview.errorCount })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('upload.line')}</th>
                    <th scope="col">{t('upload.column')}</th>
                    <th scope="col">{t('upload.problem')}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.errors.map((er, i) => (
                    <tr key={i}>
                      <td data-label={t('upload.line')}>{er.line === 0 ? t('upload.wholeFile') : er.line}</td>
                      <td data-label={t('upload.column')}>{er.field ? t(`field.${er.field}`, { defaultValue: er.field }) : '—'}</td>
                      <td data-label={t('upload.problem')}>{er.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          ) : (
            <p className="alert alert-ok">{t('upload.noErrors')}</p>
          )}
          {result ? (
            <div className="alert alert-ok" role="status" id="commit-result" tabIndex={-1} data-testid="commit-result">
              <p>{t('upload.written', { count: result.created })}</p>
              {result.duplicates ? <p>{t('upload.duplicates', { count: result.duplicates })}</p> : null}
              {result.late ? <p>{t('upload.late', { count: result.late })}</p> : null}
              <p>
                <Link to={listLink}>{t('upload.seeList')}</Link>
              </p>
            </div>
          ) : preview.uploadId && preview.validRows > 0 ? (
            <>
              {preview.invalidRows ? <p>{t('upload.invalidSkipped', { count: preview.invalidRows })}</p> : null}
              {preview.alreadyReported ? <p>{t('upload.alreadySkipped', { count: preview.alreadyReported })}</p> : null}
              <div className="actions">
                <button type="button" className="button" onClick={() => void commit()} disabled={busy !== null}>
                  {busy === 'commit' ? t('form.saving') : t('upload.commit', { count: preview.validRows })}
                </button>
                <button type="button" className="button button-secondary" onClick={reset}>
                  {t('upload.another')}
                </button>
              </div>
            </>
          ) : (
            <p className="alert alert-error">{t('upload.cannotImport')}</p>
          )}
          {result ? (
            <button type="button" className="button button-secondary" onClick={reset}>
              {t('upload.another')}
            </button>
          ) : null}
        </section>
      ) : null}
    </section>
  );
}

const EMPTY_DEPARTURE: DepartureInput = {
  pin: '',
  lastName: '',
  firstName: '',
  patronymic: '',
  birthDate: '',
  country: '',
  city: '',
  employer: '',
  positionIsco: '',
  contractStart: '',
  contractEnd: '',
};
const REQUIRED: (keyof DepartureInput)[] = ['pin', 'lastName', 'firstName', 'birthDate', 'country', 'employer', 'contractStart'];
const depId = (f: string) => `dep-${f}`;

function ReportOne({ agencyId, manager }: { agencyId: string; manager: boolean }) {
  const { t } = useMT();
  const { data: countries } = useCountries();
  const occupations = useOccupations('UNIT');
  const [v, setV] = useState<DepartureInput>(EMPTY_DEPARTURE);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ duplicate: boolean; late: boolean } | null>(null);
  const { errors, fromError, setFields, clear, clearField } = useFormErrors();
  const set = (k: keyof DepartureInput, value: string) => {
    setV((p) => ({ ...p, [k]: value }));
    clearField(k);
  };
  const err = (f: string) => errors.fields[f];
  const iscoList = occupations.data;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setResult(null);
    const missing: Record<string, string> = {};
    for (const k of REQUIRED) if (!v[k].trim()) missing[k] = t('form.required');
    if (Object.keys(missing).length) {
      setFields(missing);
      focusSoon('error-summary');
      return;
    }
    setBusy(true);
    clear();
    // empty optional fields are left out (not sent as null)
    const input = Object.fromEntries(Object.entries(v).flatMap(([k, x]) => (x.trim() ? [[k, x.trim()]] : [])));
    try {
      const d = await authGql<{ reportDeparture: { duplicate: boolean; late: boolean } }>(REPORT_DEPARTURE, {
        input,
        agencyId: manager ? agencyId : null,
      });
      setResult(d.reportDeparture);
      if (!d.reportDeparture.duplicate) setV(EMPTY_DEPARTURE);
      focusSoon('report-result');
    } catch (x) {
      fromError(x);
      focusSoon('error-summary');
    } finally {
      setBusy(false);
    }
  }

  const text = (k: keyof DepartureInput, extra: Record<string, unknown> = {}) => (
    <Field id={depId(k)} label={t(`field.${k}`)} hint={REQUIRED.includes(k) ? undefined : t('form.optional')} error={err(k)}>
      {(p) => <input {...p} {...extra} value={v[k]} onChange={(e) => set(k, e.target.value)} />}
    </Field>
  );

  return (
    <section aria-labelledby="one-title">
      <h2 id="one-title">{t('one.title')}</h2>
      <p>{t('one.intro')}</p>
      {result ? (
        <p
          className={`alert ${result.duplicate ? 'alert-info' : result.late ? 'alert-warning' : 'alert-ok'}`}
          role="status"
          id="report-result"
          tabIndex={-1}
          data-testid="report-result"
        >
          {result.duplicate ? t('one.duplicate') : result.late ? t('one.late') : t('one.done')}
        </p>
      ) : null}
      <form className="form" onSubmit={submit} noValidate>
        <ErrorSummary errors={errors} idOf={depId} />
        {text('pin', { inputMode: 'numeric', maxLength: 14, autoComplete: 'off' })}
        {text('lastName', { autoComplete: 'off' })}
        {text('firstName', { autoComplete: 'off' })}
        {text('patronymic', { autoComplete: 'off' })}
        {text('birthDate', { type: 'date' })}
        <Field id={depId('country')} label={t('field.country')} error={err('country')}>
          {(p) => (
            <select {...p} value={v.country} onChange={(e) => set('country', e.target.value)}>
              <option value="">{countries ? t('form.choose') : t('form.loading')}</option>
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
        {text('city')}
        {text('employer')}
        {iscoList ? (
          <Field id={depId('positionIsco')} label={t('field.positionIsco')} hint={t('form.optional')} error={err('positionIsco')}>
            {(p) => (
              <select {...p} value={v.positionIsco} onChange={(e) => set('positionIsco', e.target.value)}>
                <option value="">{t('form.choose')}</option>
                {iscoList.map((o) => (
                  <option key={o.code} value={o.code}>
                    {o.code} {o.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : (
          text('positionIsco', { inputMode: 'numeric', maxLength: 4 })
        )}
        {text('contractStart', { type: 'date' })}
        {text('contractEnd', { type: 'date' })}
        <div className="actions">
          <button type="submit" className="button" disabled={busy}>
            {busy ? t('form.sending') : t('one.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}

function Reported({ agencyId }: { agencyId: string }) {
  const { t, i18n } = useMT();
  const [list, setList] = useState<Episode[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    setError(null);
    setList(null);
    authGql<{ departureReports: Episode[] }>(DEPARTURE_REPORTS, { agencyId, first: 100 }, { signal: controller.signal }).then(
      (d) => setList(d.departureReports),
      (e: unknown) => !isAbort(e) && setError(e),
    );
    return () => controller.abort();
  }, [agencyId, attempt, i18n.language]);
  const lang = i18n.language;
  return (
    <section aria-labelledby="list-title">
      <h2 id="list-title">{t('reported.title')}</h2>
      <p className="hint">{t('reported.intro')}</p>
      {error ? <LoadError error={error} retry={() => setAttempt((a) => a + 1)} /> : null}
      {!list && !error ? <p className="loading">{t('form.loading')}</p> : null}
      {list && list.length === 0 ? <p>{t('reported.none')}</p> : null}
      {list && list.length > 0 ? (
        <table className="mg-table" data-testid="departure-reports">
          <caption className="visually-hidden">{t('reported.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('field.pin')}</th>
              <th scope="col">{t('field.country')}</th>
              <th scope="col">{t('reported.departure')}</th>
              <th scope="col">{t('field.employer')}</th>
              <th scope="col">{t('reported.reportedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((e) => (
              <tr key={e.id}>
                <td data-label={t('field.pin')}>
                  <span className="pin">{e.pin}</span>
                </td>
                <td data-label={t('field.country')}>
                  {e.country?.name ?? e.countryCode}
                  {e.city ? `, ${e.city}` : ''}
                </td>
                <td data-label={t('reported.departure')}>{formatDate(e.departureDate, lang)}</td>
                <td data-label={t('field.employer')}>{e.employer}</td>
                <td data-label={t('reported.reportedAt')}>
                  {formatDateTime(e.reportedAt, lang)}
                  {e.late ? (
                    <>
                      {' '}
                      <span className="badge mg-late">{t('episodes.late')}</span>
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
