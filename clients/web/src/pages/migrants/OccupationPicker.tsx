import { useId, useMemo, useState } from 'react';
import { GqlError } from '../../api/gql';
import type { Occupation } from './api';
import { useOccupations } from './data';
import { useMT } from './lib';
import { FieldError, LoadError } from './ui';

export const MAX_OCCUPATIONS = 5;

/**
 * Up to five ISCO-08 occupations, most relevant first: a filter box over the list of checkboxes, and
 * the chosen ones above it, each with "remove". A 4-digit code not in the list can be added as typed.
 */
export function OccupationPicker({
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
  const { t } = useMT();
  const uid = useId();
  const { data, error: loadError, retry } = useOccupations('UNIT');
  const [filter, setFilter] = useState('');
  const [manual, setManual] = useState('');
  const byCode = useMemo(() => new Map((data ?? []).map((o) => [o.code, o])), [data]);
  // The list may not be offered by the server yet: then codes are typed.
  const notOffered = loadError instanceof GqlError && !loadError.isNetwork && !data;
  const full = value.length >= MAX_OCCUPATIONS;
  const errorId = `${id}-error`;

  const text = filter.trim().toLowerCase();
  const shown: Occupation[] = (data ?? []).filter(
    (o) => !text || o.code.startsWith(text) || o.name.toLowerCase().includes(text),
  );
  const typedCode = /^\d{4}$/.test(text) && !byCode.has(text) && !value.includes(text) ? text : null;

  function toggle(code: string, on: boolean) {
    onChange(on ? [...value, code].slice(0, MAX_OCCUPATIONS) : value.filter((c) => c !== code));
  }

  return (
    <fieldset className="mg-group" id={id} aria-describedby={`${uid}-hint${error ? ` ${errorId}` : ''}`}>
      <legend>{t('q.occupations')}</legend>
      <p className="hint" id={`${uid}-hint`}>
        {t('q.occupationsHint', { max: MAX_OCCUPATIONS })}
      </p>
      <FieldError id={errorId} message={error} />
      {value.length ? (
        <ol className="mg-chosen" aria-label={t('q.occupationsChosen')} data-testid="chosen-occupations">
          {value.map((code) => (
            <li key={code}>
              <span>
                {byCode.has(code) ? (
                  <>
                    {byCode.get(code)!.name} <span className="code">{code}</span>
                  </>
                ) : (
                  t('q.iscoCode', { code })
                )}
              </span>
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  toggle(code, false);
                  document.getElementById(notOffered ? `${uid}-manual` : `${uid}-filter`)?.focus();
                }}
                aria-label={t('form.removeItem', { item: byCode.get(code)?.name ?? code })}
              >
                {t('form.remove')}
              </button>
            </li>
          ))}
        </ol>
      ) : null}
      {notOffered ? (
        <div className="field">
          <label htmlFor={`${uid}-manual`}>{t('q.iscoManual')}</label>
          <p className="hint">{t('q.iscoManualHint')}</p>
          <div className="mg-inline">
            <input
              id={`${uid}-manual`}
              inputMode="numeric"
              maxLength={4}
              value={manual}
              onChange={(e) => setManual(e.target.value.replace(/\D/g, ''))}
            />
            <button
              type="button"
              className="button button-secondary button-small"
              disabled={full || !/^\d{4}$/.test(manual) || value.includes(manual)}
              onClick={() => {
                toggle(manual, true);
                setManual('');
              }}
            >
              {t('form.add')}
            </button>
          </div>
        </div>
      ) : (
        <>
          <div className="field">
            <label htmlFor={`${uid}-filter`}>{t('q.occupationsFilter')}</label>
            <input
              id={`${uid}-filter`}
              type="search"
              value={filter}
              autoComplete="off"
              aria-controls={`${uid}-list`}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? errorId : undefined}
              onChange={(e) => setFilter(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') e.preventDefault(); // Enter in the filter must not submit the form
              }}
            />
          </div>
          {loadError && !data ? <LoadError error={loadError} retry={retry} /> : null}
          {!data && !loadError ? <p className="loading">{t('form.loading')}</p> : null}
          {full ? (
            <p className="hint" role="status">
              {t('q.occupationsFull', { max: MAX_OCCUPATIONS })}
            </p>
          ) : null}
          <div className="mg-scroll" id={`${uid}-list`} role="group" aria-label={t('q.occupationsList')}>
            {shown.map((o) => {
              const checked = value.includes(o.code);
              return (
                <label key={o.code} className="choice">
                  <input
                    type="checkbox"
                    checked={checked}
                    disabled={!checked && full}
                    onChange={(e) => toggle(o.code, e.target.checked)}
                  />
                  <span>
                    {o.name} <span className="code mg-muted">{o.code}</span>
                  </span>
                </label>
              );
            })}
            {data && shown.length === 0 && !typedCode ? <p className="hint">{t('q.occupationsNone')}</p> : null}
          </div>
          {typedCode ? (
            <button
              type="button"
              className="button button-secondary button-small"
              disabled={full}
              onClick={() => {
                toggle(typedCode, true);
                setFilter('');
              }}
            >
              {t('q.addCode', { code: typedCode })}
            </button>
          ) : null}
        </>
      )}
    </fieldset>
  );
}
