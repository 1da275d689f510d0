import { useState, type FormEvent } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { RequireAuth } from '../../auth/RequireAuth';
import { authGql } from '../../auth/session';
import { Field } from '../../components/Field';
import { Page } from '../../components/Page';
import { SEARCH_MIGRANTS, type Migrant } from './api';
import { focusSoon, formatDate, useFormErrors, useMT } from './lib';
import { PEOPLE_READERS } from './roles';
import { BackToStaff, ErrorSummary } from './ui';
import './migrants.css';

export interface PurposeState {
  purpose?: string;
  text?: string;
}

/** Finding a person by PIN or name, within the staff member's scope; the purpose goes to the access log. */
export default function PeoplePage() {
  const { t } = useMT();
  return (
    <Page title={t('people.title')} className="mg-staff">
      <BackToStaff />
      <RequireAuth signIn="/staff/sign-in" roles={PEOPLE_READERS}>
        {() => <Search />}
      </RequireAuth>
    </Page>
  );
}

function Search() {
  const { t, i18n } = useMT();
  const back = (useLocation().state as PurposeState | null) ?? {};
  const [text, setText] = useState(back.text ?? '');
  const [purpose, setPurpose] = useState(back.purpose ?? '');
  const [results, setResults] = useState<Migrant[] | null>(null);
  const [searched, setSearched] = useState<{ text: string; purpose: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const { errors, fromError, setFields, clear } = useFormErrors();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const missing: Record<string, string> = {};
    if (text.trim().length < 2) missing.text = t('people.textRequired');
    if (purpose.trim().length < 5) missing.purpose = t('people.purposeRequired');
    if (Object.keys(missing).length) {
      setFields(missing);
      focusSoon('error-summary');
      return;
    }
    setBusy(true);
    clear();
    try {
      const d = await authGql<{ searchMigrants: Migrant[] }>(SEARCH_MIGRANTS, { text: text.trim(), purpose: purpose.trim(), first: 50 });
      setResults(d.searchMigrants);
      setSearched({ text: text.trim(), purpose: purpose.trim() });
      focusSoon('people-results');
    } catch (x) {
      fromError(x);
      focusSoon('error-summary');
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <p className="lead">{t('people.intro')}</p>
      <form className="form" onSubmit={submit} noValidate role="search">
        <ErrorSummary errors={errors} idOf={(f) => `people-${f}`} />
        <Field id="people-text" label={t('people.text')} hint={t('people.textHint')} error={errors.fields.text}>
          {(p) => <input {...p} type="search" autoComplete="off" value={text} onChange={(e) => setText(e.target.value)} />}
        </Field>
        <Field id="people-purpose" label={t('people.purpose')} hint={t('people.purposeHint')} error={errors.fields.purpose}>
          {(p) => <input {...p} autoComplete="off" maxLength={300} value={purpose} onChange={(e) => setPurpose(e.target.value)} />}
        </Field>
        <div className="actions">
          <button type="submit" className="button" disabled={busy}>
            {busy ? t('form.searching') : t('people.search')}
          </button>
        </div>
      </form>
      {results && searched ? (
        <section aria-labelledby="people-results">
          <h2 id="people-results" tabIndex={-1}>
            {t('people.found', { count: results.length })}
          </h2>
          {results.length ? (
            <ul className="results" data-testid="people-results">
              {results.map((m) => (
                <li key={m.pin}>
                  <Link
                    className="result-name"
                    to={`/staff/people/${m.pin}`}
                    state={{ purpose: searched.purpose, text: searched.text } satisfies PurposeState}
                  >
                    {m.lastName} {m.firstName}
                  </Link>
                  <span className="result-path">
                    <span className="pin">{m.pin}</span>
                    {m.birthDate ? ` · ${formatDate(m.birthDate, i18n.language)}` : ''}
                  </span>
                  <span className="result-path">
                    {m.isAbroad ? t('people.abroadIn', { country: m.currentCountry?.name ?? '—' }) : t('people.notAbroad')}
                    {m.homeTerritory ? ` · ${t('people.from', { place: m.homeTerritory.name })}` : ''}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('people.none')}</p>
          )}
        </section>
      ) : null}
    </>
  );
}
