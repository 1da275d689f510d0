import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { isAbort } from '../../api/gql';
import { RequireAuth } from '../../auth/RequireAuth';
import { authGql } from '../../auth/session';
import { Field } from '../../components/Field';
import { Page } from '../../components/Page';
import { MIGRANT, type Migrant } from './api';
import { Episodes } from './Episodes';
import { formatDate, useMT, formatDateTime } from './lib';
import type { PurposeState } from './PeoplePage';
import { PEOPLE_READERS } from './roles';
import { LoadError } from './ui';
import './migrants.css';

/** One person's record for staff. Opening it is logged with the purpose; without one it is asked first. */
export default function PersonPage() {
  const { t } = useMT();
  const { pin = '' } = useParams();
  const state = (useLocation().state as PurposeState | null) ?? {};
  return (
    <Page title={t('person.title')} className="mg-staff">
      <p className="mg-back">
        <Link to="/staff/people" state={state} className="back-link">
          {t('person.back')}
        </Link>
      </p>
      <RequireAuth signIn="/staff/sign-in" roles={PEOPLE_READERS}>
        {() => (state.purpose ? <Person pin={pin} purpose={state.purpose} /> : <AskPurpose />)}
      </RequireAuth>
    </Page>
  );
}

function AskPurpose() {
  const { t } = useMT();
  const navigate = useNavigate();
  const location = useLocation();
  const [purpose, setPurpose] = useState('');
  const [error, setError] = useState<string | null>(null);
  function submit(e: FormEvent) {
    e.preventDefault();
    if (purpose.trim().length < 5) return setError(t('people.purposeRequired'));
    navigate(location.pathname, { replace: true, state: { purpose: purpose.trim() } satisfies PurposeState });
  }
  return (
    <form className="form narrow" onSubmit={submit} noValidate>
      <p>{t('person.purposeFirst')}</p>
      <Field id="person-purpose" label={t('people.purpose')} hint={t('people.purposeHint')} error={error}>
        {(p) => <input {...p} autoComplete="off" maxLength={300} value={purpose} onChange={(e) => setPurpose(e.target.value)} />}
      </Field>
      <div className="actions">
        <button type="submit" className="button">
          {t('person.open')}
        </button>
      </div>
    </form>
  );
}

function Person({ pin, purpose }: { pin: string; purpose: string }) {
  const { t, i18n } = useMT();
  const [person, setPerson] = useState<Migrant | null | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    setError(null);
    authGql<{ migrant: Migrant | null }>(MIGRANT, { pin, purpose }, { signal: controller.signal }).then(
      (d) => setPerson(d.migrant),
      (e: unknown) => !isAbort(e) && setError(e),
    );
    return () => controller.abort();
    // a language change re-reads the names of countries and places (and is logged again, as any read)
  }, [pin, purpose, attempt, i18n.language]);

  if (error) return <LoadError error={error} retry={() => setAttempt((a) => a + 1)} />;
  if (person === undefined) return <p className="loading">{t('form.loading')}</p>;
  if (person === null) return <p className="error">{t('person.notFound')}</p>;
  const lang = i18n.language;
  const rows: [string, ReactNode][] = [
    [t('field.pin'), <span className="pin">{person.pin}</span>],
    [t('record.name'), [person.lastName, person.firstName, person.patronymic].filter(Boolean).join(' ')],
    [t('field.birthDate'), formatDate(person.birthDate, lang) || '—'],
    [t('q.sex'), person.sex ? t(`sex.${person.sex}`) : '—'],
    [
      t('record.whereNow'),
      person.isAbroad ? [person.currentCountry?.name, person.currentCity].filter(Boolean).join(', ') || t('record.abroad') : t('record.atHome'),
    ],
    [t('record.home'), person.homeTerritory?.pathName ?? '—'],
    [t('q.phone'), person.phone || '—'],
    [t('record.email'), person.email || '—'],
    [t('record.contactAbroad'), person.contactAbroad || '—'],
    [t('record.updatedAt'), formatDateTime(person.updatedAt, lang)],
  ];
  return (
    <>
      <p className="alert alert-info" data-testid="logged-purpose">
        {t('person.logged', { purpose })}
      </p>
      <dl className="facts" data-testid="person">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <h2>{t('record.episodes')}</h2>
      <Episodes episodes={person.episodes ?? []} />
    </>
  );
}
