import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { gql } from '../../api/gql';
import { currentLanguage } from '../../i18n';
import { COUNTRIES, OCCUPATIONS, type Country, type Occupation } from './api';

/** Small reference lists, kept per language for the life of the page; a failure is asked again next time. */
const cache = new Map<string, Promise<unknown>>();

function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
  const full = `${currentLanguage()}|${key}`;
  let pending = cache.get(full) as Promise<T> | undefined;
  if (!pending) {
    pending = load();
    pending.catch(() => cache.delete(full));
    cache.set(full, pending);
  }
  return pending;
}

export const loadCountries = () => cached('countries', () => gql<{ countries: Country[] }>(COUNTRIES).then((d) => d.countries));

export const loadOccupations = (level: 'UNIT' | 'MAJOR' = 'UNIT') =>
  cached(`occupations.${level}`, () =>
    gql<{ occupations: Occupation[] }>(OCCUPATIONS, { level }).then((d) => d.occupations),
  );

export interface Loaded<T> {
  data: T | null;
  error: unknown;
  retry: () => void;
}

/** A reference list in the UI language, reloaded when the language changes. */
export function useReference<T>(load: () => Promise<T>, key: string): Loaded<T> {
  const { i18n } = useTranslation();
  const [state, setState] = useState<{ data: T | null; error: unknown }>({ data: null, error: null });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    load().then(
      (data) => live && setState({ data, error: null }),
      (error: unknown) => live && setState((s) => ({ data: s.data, error })),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [i18n.language, attempt, key]);
  return { ...state, retry: () => setAttempt((a) => a + 1) };
}

export const useCountries = () => useReference(loadCountries, 'countries');
export const useOccupations = (level: 'UNIT' | 'MAJOR' = 'UNIT') => useReference(() => loadOccupations(level), level);
