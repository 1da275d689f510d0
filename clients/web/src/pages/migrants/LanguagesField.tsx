import { useEffect, useId, useRef } from 'react';
import { LANGUAGE_CODES, LANGUAGE_LEVELS, type LanguageLevel } from './api';
import { useMT } from './lib';
import { FieldError } from './ui';

export interface LanguageRow {
  code: string;
  level: LanguageLevel | '';
}

/** Languages a person speaks, each with a level (CEFR or native); rows are added and removed. */
export function LanguagesField({
  id,
  value,
  onChange,
  error,
}: {
  id: string;
  value: LanguageRow[];
  onChange: (rows: LanguageRow[]) => void;
  error?: string | null;
}) {
  const { t } = useMT();
  const uid = useId();
  const errorId = `${id}-error`;
  // a row just added gets the focus, so the keyboard goes on from there
  const count = useRef(value.length);
  useEffect(() => {
    if (value.length > count.current) document.getElementById(`${uid}-${value.length - 1}-code`)?.focus();
    else if (value.length < count.current) document.getElementById(`${uid}-add`)?.focus();
    count.current = value.length;
  }, [value.length, uid]);
  const set = (i: number, row: Partial<LanguageRow>) => onChange(value.map((r, j) => (j === i ? { ...r, ...row } : r)));
  return (
    <fieldset className="mg-group" id={id} aria-describedby={error ? errorId : undefined}>
      <legend>{t('q.languages')}</legend>
      <p className="hint">{t('q.languagesHint')}</p>
      <FieldError id={errorId} message={error} />
      {value.map((row, i) => (
        <div className="mg-language" key={i}>
          <div className="field">
            <label htmlFor={`${uid}-${i}-code`}>{t('q.language', { n: i + 1 })}</label>
            <select id={`${uid}-${i}-code`} value={row.code} onChange={(e) => set(i, { code: e.target.value })}>
              <option value="">{t('form.choose')}</option>
              {LANGUAGE_CODES.map((c) => (
                <option key={c} value={c} disabled={c !== row.code && value.some((r) => r.code === c)}>
                  {t(`language.${c}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${uid}-${i}-level`}>{t('q.level', { n: i + 1 })}</label>
            <select
              id={`${uid}-${i}-level`}
              value={row.level}
              onChange={(e) => set(i, { level: e.target.value as LanguageLevel })}
            >
              <option value="">{t('form.choose')}</option>
              {LANGUAGE_LEVELS.map((l) => (
                <option key={l} value={l}>
                  {t(`level.${l}`)}
                </option>
              ))}
            </select>
          </div>
          <button
            type="button"
            className="link-button mg-remove"
            onClick={() => onChange(value.filter((_, j) => j !== i))}
            aria-label={t('form.removeItem', { item: row.code ? t(`language.${row.code}`) : t('q.language', { n: i + 1 }) })}
          >
            {t('form.remove')}
          </button>
        </div>
      ))}
      {value.length < LANGUAGE_CODES.length ? (
        <button
          type="button"
          id={`${uid}-add`}
          className="button button-secondary button-small"
          onClick={() => onChange([...value, { code: '', level: '' }])}
        >
          {t('q.addLanguage')}
        </button>
      ) : null}
    </fieldset>
  );
}
