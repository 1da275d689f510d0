import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, isAbort } from '../api/gql';
import { searchTerritories, type TerritoryLevel, type TerritorySearchHit } from '../api/territories';
import { Page } from '../components/Page';
import { TerritoryPicker } from '../components/TerritoryPicker';

const LEVELS: TerritoryLevel[] = ['OBLAST', 'DISTRICT', 'AIYL_OKMOTU', 'SETTLEMENT'];
const SEARCH_LIMIT = 25;

type SearchState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'done'; hits: TerritorySearchHit[] }
  | { status: 'error'; error: unknown };

function TerritorySearch() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const [level, setLevel] = useState<TerritoryLevel | ''>('');
  const [query, setQuery] = useState<{ text: string; level: TerritoryLevel | '' } | null>(null);
  const [state, setState] = useState<SearchState>({ status: 'idle' });
  const [tooShort, setTooShort] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  // runs the submitted search, and again in the new language when the language changes
  useEffect(() => {
    if (!query) return;
    const controller = new AbortController();
    setState({ status: 'loading' });
    searchTerritories(query.text, query.level || null, SEARCH_LIMIT, controller.signal).then(
      (hits) => setState({ status: 'done', hits }),
      (error: unknown) => !isAbort(error) && setState({ status: 'error', error }),
    );
    return () => controller.abort();
  }, [query, i18n.language]);

  function submit(e: FormEvent) {
    e.preventDefault();
    const trimmed = text.trim();
    if (trimmed.length < 2) {
      setTooShort(true);
      inputRef.current?.focus();
      return;
    }
    setTooShort(false);
    setQuery({ text: trimmed, level });
  }

  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <>
      <form role="search" className="search-form" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={`${id}-text`}>{t('territories.searchLabel')}</label>
          <p className="hint" id={hintId}>
            {t('territories.searchHint')}
          </p>
          {tooShort ? (
            <p className="error" id={errorId}>
              {t('territories.tooShort')}
            </p>
          ) : null}
          <input
            ref={inputRef}
            id={`${id}-text`}
            type="search"
            name="text"
            autoComplete="off"
            enterKeyHint="search"
            value={text}
            aria-describedby={tooShort ? `${hintId} ${errorId}` : hintId}
            aria-invalid={tooShort || undefined}
            onChange={(e) => setText(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-level`}>{t('territories.levelLabel')}</label>
          <select id={`${id}-level`} value={level} onChange={(e) => setLevel(e.target.value as TerritoryLevel | '')}>
            <option value="">{t('territories.anyLevel')}</option>
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {t(`level.${l}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {t('territories.searchButton')}
        </button>
      </form>
      <div className="search-results" aria-busy={state.status === 'loading'}>
        <p role="status" className="result-count">
          {state.status === 'loading'
            ? t('picker.loading')
            : state.status === 'done'
              ? state.hits.length
                ? t('territories.results', { count: state.hits.length })
                : t('territories.noResults')
              : ''}
        </p>
        {state.status === 'error' ? (
          <p className="error" role="alert">
            {errorMessage(state.error, t)}
          </p>
        ) : null}
        {state.status === 'done' && state.hits.length > 0 ? (
          <ul className="results">
            {state.hits.map((hit) => (
              <li key={hit.code}>
                <span className="result-name">{hit.name}</span>{' '}
                <span className="badge badge-muted">{t(`level.${hit.level}`)}</span>
                <span className="result-path">{hit.pathName}</span>
                <span className="result-code">{hit.code}</span>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </>
  );
}

export function TerritoriesPage() {
  const { t } = useTranslation();
  const [code, setCode] = useState<string | null>(null);
  return (
    <Page title={t('territories.title')} className="territories">
      <p className="lead">{t('territories.intro')}</p>
      <section aria-labelledby="picker-heading">
        <h2 id="picker-heading">{t('territories.pickerHeading')}</h2>
        <TerritoryPicker onChange={(c) => setCode(c)} />
        {code ? (
          <p className="chosen-code" data-testid="territory-code">
            {t('territories.chosenCode', { code })}
          </p>
        ) : null}
      </section>
      <section aria-labelledby="search-heading">
        <h2 id="search-heading">{t('territories.searchHeading')}</h2>
        <TerritorySearch />
      </section>
    </Page>
  );
}
