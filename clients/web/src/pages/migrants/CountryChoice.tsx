import { useId, useState } from 'react';
import { useCountries } from './data';
import { useMT } from './lib';
import { FieldError, LoadError } from './ui';

/**
 * Countries where a person would work: the seven programme destinations as checkboxes first, any other
 * country from a list (added one by one). Kyrgyzstan itself is not offered.
 */
export function CountryChoice({
  id,
  value,
  onChange,
  error,
}: {
  id: string;
  value: string[];
  onChange: (codes: string[]) => void;
  error?: string | null;
}) {
  const { t, i18n } = useMT();
  const uid = useId();
  const { data, error: loadError, retry } = useCountries();
  const [other, setOther] = useState('');
  const countries = (data ?? []).filter((c) => c.code !== 'KG');
  const programme = countries.filter((c) => c.isProgrammeDestination);
  const others = countries
    .filter((c) => !c.isProgrammeDestination)
    .sort((a, b) => a.name.localeCompare(b.name, i18n.language));
  const name = (code: string) => countries.find((c) => c.code === code)?.name ?? code;
  const chosenOthers = value.filter((c) => !programme.some((p) => p.code === c));
  const errorId = `${id}-error`;

  const toggle = (code: string, on: boolean) => onChange(on ? [...value, code] : value.filter((c) => c !== code));

  return (
    <fieldset className="mg-group" id={id} aria-describedby={error ? errorId : undefined}>
      <legend>{t('q.countries')}</legend>
      <p className="hint">{t('q.countriesHint')}</p>
      <FieldError id={errorId} message={error} />
      {loadError && !data ? <LoadError error={loadError} retry={retry} /> : null}
      {!data && !loadError ? <p className="loading">{t('form.loading')}</p> : null}
      <div className="choices" data-testid="programme-countries">
        {programme.map((c) => (
          <label key={c.code} className="choice">
            <input
              type="checkbox"
              checked={value.includes(c.code)}
              onChange={(e) => toggle(c.code, e.target.checked)}
              aria-invalid={error ? true : undefined}
            />
            <span>{c.name}</span>
          </label>
        ))}
      </div>
      {chosenOthers.length ? (
        <ul className="mg-chosen" aria-label={t('q.otherChosen')}>
          {chosenOthers.map((code) => (
            <li key={code}>
              <span>{name(code)}</span>
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  toggle(code, false);
                  document.getElementById(`${uid}-other`)?.focus();
                }}
                aria-label={t('form.removeItem', { item: name(code) })}
              >
                {t('form.remove')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="field mg-tight">
        <label htmlFor={`${uid}-other`}>{t('q.otherCountry')}</label>
        <div className="mg-inline">
          <select id={`${uid}-other`} value={other} onChange={(e) => setOther(e.target.value)}>
            <option value="">{t('form.choose')}</option>
            {others
              .filter((c) => !value.includes(c.code))
              .map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
          </select>
          <button
            type="button"
            className="button button-secondary button-small"
            disabled={!other || value.length >= 10}
            onClick={() => {
              toggle(other, true);
              setOther('');
            }}
          >
            {t('form.add')}
          </button>
        </div>
      </div>
    </fieldset>
  );
}
