import { useState, type FormEvent } from 'react';
import { Field } from '../../components/Field';
import { TerritoryPicker } from '../../components/TerritoryPicker';
import { EDUCATION, type Education, type Questionnaire, type QuestionnaireInput, type Sex } from './api';
import { CountryChoice } from './CountryChoice';
import { LanguagesField, type LanguageRow } from './LanguagesField';
import { focusSoon, todayInBishkek, useMT, type FormErrors } from './lib';
import { OccupationPicker } from './OccupationPicker';
import { ErrorSummary, FieldError } from './ui';

interface Values {
  lastName: string;
  firstName: string;
  patronymic: string;
  birthDate: string;
  sex: Sex | '';
  phone: string;
  territoryCode: string | null;
  education: Education | '';
  occupations: string[];
  skills: string;
  languages: LanguageRow[];
  wantedCountries: string[];
  experienceYears: string;
  experience: string;
  consentProcessing: boolean;
  consentPartnerSharing: boolean;
}

const EMPTY: Values = {
  lastName: '',
  firstName: '',
  patronymic: '',
  birthDate: '',
  sex: '',
  phone: '',
  territoryCode: null,
  education: '',
  occupations: [],
  skills: '',
  languages: [],
  wantedCountries: [],
  experienceYears: '',
  experience: '',
  consentProcessing: false,
  consentPartnerSharing: false,
};

function fromQuestionnaire(q: Questionnaire): Values {
  return {
    lastName: q.lastName,
    firstName: q.firstName,
    patronymic: q.patronymic ?? '',
    birthDate: q.birthDate,
    sex: q.sex ?? '',
    phone: q.phone,
    territoryCode: q.territoryCode,
    education: q.education ?? '',
    occupations: q.occupations,
    skills: q.skills ?? '',
    languages: q.languages.map((l) => ({ code: l.code, level: l.level })),
    wantedCountries: q.wantedCountries,
    experienceYears: q.experienceYears == null ? '' : String(q.experienceYears),
    experience: q.experience ?? '',
    consentProcessing: true, // given when it was submitted; asked again below
    consentPartnerSharing: q.consentPartnerSharing,
  };
}

const text = (s: string) => s.trim() || null;

function toInput(v: Values): QuestionnaireInput {
  return {
    lastName: v.lastName.trim(),
    firstName: v.firstName.trim(),
    patronymic: text(v.patronymic),
    birthDate: v.birthDate,
    sex: v.sex || null,
    phone: v.phone.trim(),
    territoryCode: v.territoryCode,
    education: v.education || null,
    occupations: v.occupations,
    skills: text(v.skills),
    languages: v.languages.filter((l) => l.code && l.level).map((l) => ({ code: l.code, level: l.level as never })),
    wantedCountries: v.wantedCountries,
    experienceYears: v.experienceYears.trim() === '' ? null : Number(v.experienceYears),
    experience: text(v.experience),
    consentProcessing: v.consentProcessing,
    consentPartnerSharing: v.consentPartnerSharing,
  };
}

/** Field ids: `q-lastName`, …; the error summary links to them. */
const idOf = (field: string) => `q-${field}`;

/**
 * The job seeker's questionnaire, for a new one and for changing one. Required answers are checked
 * here first (in the UI language); everything else by the server, whose messages appear by each field.
 */
export function QuestionnaireForm({
  initial,
  submitLabel,
  busyLabel,
  busy,
  errors,
  onSubmit,
  onLocalErrors,
  onEdit,
}: {
  initial?: Questionnaire | null;
  submitLabel: string;
  busyLabel: string;
  busy: boolean;
  errors: FormErrors;
  onSubmit: (input: QuestionnaireInput) => void;
  onLocalErrors: (fields: Record<string, string>) => void;
  /** a field was changed (its error can go) */
  onEdit?: (field: string) => void;
}) {
  const { t } = useMT();
  const [v, setV] = useState<Values>(() => (initial ? fromQuestionnaire(initial) : EMPTY));
  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    setV((prev) => ({ ...prev, [key]: value }));
    onEdit?.(key);
  };
  const err = (field: string) => errors.fields[field];
  const today = todayInBishkek();
  const maxBirth = `${Number(today.slice(0, 4)) - 16}${today.slice(4)}`;
  const minBirth = `${Number(today.slice(0, 4)) - 76}${today.slice(4)}`;

  function check(): Record<string, string> {
    const missing: Record<string, string> = {};
    const need = (field: keyof Values, ok: boolean, key = `q.required.${field}`) => {
      if (!ok) missing[field] = t(key);
    };
    need('lastName', !!v.lastName.trim());
    need('firstName', !!v.firstName.trim());
    need('birthDate', !!v.birthDate);
    need('sex', !!v.sex);
    need('phone', !!v.phone.trim());
    need('territoryCode', !!v.territoryCode);
    need('education', !!v.education);
    need('occupations', v.occupations.length > 0);
    if (v.languages.some((l) => !l.code !== !l.level)) missing.languages = t('q.required.languageLevel');
    need('wantedCountries', v.wantedCountries.length > 0);
    if (v.experienceYears.trim() && !/^\d{1,2}$/.test(v.experienceYears.trim())) missing.experienceYears = t('q.required.experienceYears');
    need('consentProcessing', v.consentProcessing);
    return missing;
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const missing = check();
    if (Object.keys(missing).length) {
      onLocalErrors(missing);
      focusSoon('error-summary');
      return;
    }
    onSubmit(toInput(v));
  }

  return (
    <form className="form mg-form" onSubmit={submit} noValidate aria-busy={busy} data-testid="questionnaire-form">
      <ErrorSummary errors={errors} idOf={idOf} />
      <p className="hint">{t('form.requiredNote')}</p>

      <h2>{t('q.sectionPerson')}</h2>
      <Field id={idOf('lastName')} label={t('q.lastName')} error={err('lastName')}>
        {(p) => <input {...p} autoComplete="family-name" value={v.lastName} onChange={(e) => set('lastName', e.target.value)} />}
      </Field>
      <Field id={idOf('firstName')} label={t('q.firstName')} error={err('firstName')}>
        {(p) => <input {...p} autoComplete="given-name" value={v.firstName} onChange={(e) => set('firstName', e.target.value)} />}
      </Field>
      <Field id={idOf('patronymic')} label={t('q.patronymic')} hint={t('form.optional')} error={err('patronymic')}>
        {(p) => <input {...p} autoComplete="additional-name" value={v.patronymic} onChange={(e) => set('patronymic', e.target.value)} />}
      </Field>
      <Field id={idOf('birthDate')} label={t('q.birthDate')} error={err('birthDate')}>
        {(p) => (
          <input
            {...p}
            type="date"
            autoComplete="bday"
            min={minBirth}
            max={maxBirth}
            value={v.birthDate}
            onChange={(e) => set('birthDate', e.target.value)}
          />
        )}
      </Field>
      <fieldset className="mg-group" id={idOf('sex')} aria-describedby={err('sex') ? 'q-sex-error' : undefined}>
        <legend>{t('q.sex')}</legend>
        <FieldError id="q-sex-error" message={err('sex')} />
        <div className="mg-row">
          {(['F', 'M'] as const).map((s) => (
            <label key={s} className="choice">
              <input
                type="radio"
                name="sex"
                value={s}
                checked={v.sex === s}
                onChange={() => set('sex', s)}
                aria-invalid={err('sex') ? true : undefined}
              />
              <span>{t(`sex.${s}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>

      <h2>{t('q.sectionContacts')}</h2>
      <Field id={idOf('phone')} label={t('q.phone')} hint={t('q.phoneHint')} error={err('phone')}>
        {(p) => (
          <input
            {...p}
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            value={v.phone}
            onChange={(e) => set('phone', e.target.value)}
          />
        )}
      </Field>
      <div id={idOf('territoryCode')} className="mg-territory">
        <FieldError id="q-territoryCode-error" message={err('territoryCode')} />
        <TerritoryPicker
          depth={3}
          legend={t('q.territory')}
          defaultValue={initial?.territoryCode}
          onChange={(code) => set('territoryCode', code)}
        />
        <p className="hint">{t('q.territoryHint')}</p>
      </div>

      <h2>{t('q.sectionWork')}</h2>
      <Field id={idOf('education')} label={t('q.education')} error={err('education')}>
        {(p) => (
          <select {...p} value={v.education} onChange={(e) => set('education', e.target.value as Education)}>
            <option value="">{t('form.choose')}</option>
            {EDUCATION.map((ed) => (
              <option key={ed} value={ed}>
                {t(`education.${ed}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <OccupationPicker
        id={idOf('occupations')}
        value={v.occupations}
        onChange={(codes) => set('occupations', codes)}
        error={err('occupations')}
      />
      <Field id={idOf('experienceYears')} label={t('q.experienceYears')} hint={t('form.optional')} error={err('experienceYears')}>
        {(p) => (
          <input
            {...p}
            className="mg-short"
            inputMode="numeric"
            maxLength={2}
            value={v.experienceYears}
            onChange={(e) => set('experienceYears', e.target.value.replace(/[^\d]/g, ''))}
          />
        )}
      </Field>
      <Field id={idOf('experience')} label={t('q.experience')} hint={t('q.experienceHint')} error={err('experience')}>
        {(p) => (
          <textarea {...p} className="mg-text" rows={3} maxLength={2000} value={v.experience} onChange={(e) => set('experience', e.target.value)} />
        )}
      </Field>
      <Field id={idOf('skills')} label={t('q.skills')} hint={t('q.skillsHint')} error={err('skills')}>
        {(p) => <textarea {...p} className="mg-text" rows={3} maxLength={1000} value={v.skills} onChange={(e) => set('skills', e.target.value)} />}
      </Field>
      <LanguagesField id={idOf('languages')} value={v.languages} onChange={(rows) => set('languages', rows)} error={err('languages')} />

      <h2>{t('q.sectionCountries')}</h2>
      <CountryChoice
        id={idOf('wantedCountries')}
        value={v.wantedCountries}
        onChange={(codes) => set('wantedCountries', codes)}
        error={err('wantedCountries')}
      />

      <h2>{t('q.sectionConsent')}</h2>
      <div className="mg-consent">
        <FieldError id="q-consentProcessing-error" message={err('consentProcessing')} />
        <label className="choice">
          <input
            type="checkbox"
            id={idOf('consentProcessing')}
            checked={v.consentProcessing}
            onChange={(e) => set('consentProcessing', e.target.checked)}
            aria-invalid={err('consentProcessing') ? true : undefined}
            aria-describedby={err('consentProcessing') ? 'q-consentProcessing-error' : undefined}
          />
          <span>{t('q.consentProcessing')}</span>
        </label>
      </div>
      <div className="mg-consent">
        <FieldError id="q-consentPartnerSharing-error" message={err('consentPartnerSharing')} />
        <label className="choice">
          <input
            type="checkbox"
            id={idOf('consentPartnerSharing')}
            checked={v.consentPartnerSharing}
            onChange={(e) => set('consentPartnerSharing', e.target.checked)}
            aria-describedby="q-consentPartnerSharing-hint"
          />
          <span>{t('q.consentPartnerSharing')}</span>
        </label>
        <p className="hint mg-indent" id="q-consentPartnerSharing-hint">
          {t('q.consentPartnerSharingHint')}
        </p>
      </div>

      <div className="actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? busyLabel : submitLabel}
        </button>
      </div>
    </form>
  );
}
