import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/gql';
import { loadTerritoryOptions, loadTerritoryPath, type TerritoryOption } from '../api/territories';

const LEVEL_LABELS = ['picker.oblast', 'picker.district', 'picker.aiylOkmotu'] as const;

export interface TerritoryPickerProps {
  /** A territory code to start from (its path is looked up); later changes are ignored. */
  defaultValue?: string | null;
  /** Called with the code of the deepest chosen unit (null when nothing is chosen) and the chosen path. */
  onChange?: (code: string | null, path: TerritoryOption[]) => void;
  /** How many levels to offer: 1 = oblast, 2 = + raion, 3 = + aiyl okmotu (default). */
  depth?: 1 | 2 | 3;
  /** The fieldset's caption; defaults to "Choose a territory". */
  legend?: string;
}

/**
 * Cascading selects: oblast → raion → aiyl okmotu. Plain <select>s, so they work with the keyboard,
 * screen readers and the phone's native picker. Names follow the UI language.
 */
export function TerritoryPicker({ defaultValue, onChange, depth = 3, legend }: TerritoryPickerProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const id = useId();
  const [chosen, setChosen] = useState<string[]>([]);
  // option lists by `${language}|${parentCode}` ('' = the oblasts); lists of another language are ignored
  const [lists, setLists] = useState<Record<string, TerritoryOption[]>>({});
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  // parents whose children are offered: '' for the oblasts, then each chosen unit
  const parents = ['', ...chosen].slice(0, depth);
  const parentsKey = parents.join('/');
  const optionsOf = (parent: string): TerritoryOption[] | undefined => lists[`${lang}|${parent}`];

  useEffect(() => {
    if (!defaultValue) return;
    let live = true;
    loadTerritoryPath(defaultValue).then(
      (path) => {
        if (live && path.length > 0) setChosen(path.slice(0, depth).map((p) => p.code));
      },
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [defaultValue, depth]);

  useEffect(() => {
    let live = true;
    setError(null);
    for (const parent of parentsKey.split('/')) {
      const key = `${lang}|${parent}`;
      loadTerritoryOptions(parent).then(
        (options) => setLists((prev) => (prev[key] === options ? prev : { ...prev, [key]: options })),
        (e: unknown) => live && setError(e),
      );
    }
    return () => {
      live = false;
    };
  }, [lang, parentsKey, attempt]);

  /** The chosen units with their names, as far as their lists are loaded. */
  const pathOf = (codes: string[]): TerritoryOption[] => {
    const parentsOf = ['', ...codes];
    return codes
      .map((code, level) => optionsOf(parentsOf[level])?.find((o) => o.code === code))
      .filter((o): o is TerritoryOption => o !== undefined);
  };

  function choose(level: number, code: string) {
    const next = code ? [...chosen.slice(0, level), code] : chosen.slice(0, level);
    setChosen(next);
    onChange?.(next.length ? next[next.length - 1] : null, pathOf(next));
  }

  const fields = [];
  for (let level = 0; level < depth; level++) {
    const selectId = `${id}-${level}`;
    const label = t(LEVEL_LABELS[level]);
    const active = level < parents.length;
    const options = active ? optionsOf(parents[level]) : undefined;
    if (active && level > 0 && options?.length === 0) {
      fields.push(
        <p key={level} className="hint">
          {t('picker.noChildren')}
        </p>,
      );
      break;
    }
    fields.push(
      <div className="field" key={level}>
        <label htmlFor={selectId}>{label}</label>
        <select
          id={selectId}
          name={`territory-${level}`}
          value={chosen[level] ?? ''}
          disabled={!active}
          aria-busy={active && !options}
          onChange={(e) => choose(level, e.target.value)}
        >
          <option value="">{active && !options ? t('picker.loading') : t('picker.choose')}</option>
          {options?.map((o) => (
            <option key={o.code} value={o.code}>
              {o.name}
            </option>
          ))}
        </select>
      </div>,
    );
  }

  const names = pathOf(chosen).map((o) => o.name);
  return (
    <fieldset className="territory-picker">
      <legend>{legend ?? t('territories.pickerLegend')}</legend>
      {fields}
      {error ? (
        <p className="error" role="alert">
          {errorMessage(error, t)}{' '}
          <button type="button" className="link-button" onClick={() => setAttempt((a) => a + 1)}>
            {t('error.retry')}
          </button>
        </p>
      ) : null}
      <p className="territory-path" role="status" data-testid="territory-path">
        <span className="territory-path-label">{t('picker.path')}</span>{' '}
        {chosen.length > 0 ? <strong>{names.join(' › ') || '…'}</strong> : <span>{t('picker.nothing')}</span>}
      </p>
    </fieldset>
  );
}
