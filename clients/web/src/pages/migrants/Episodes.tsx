import type { Episode } from './api';
import { formatDate, useMT } from './lib';

/** Stays abroad, newest first: a table on wide screens, a card per stay on phones. */
export function Episodes({ episodes, showPin = false }: { episodes: Episode[]; showPin?: boolean }) {
  const { t, i18n } = useMT();
  const lang = i18n.language;
  if (!episodes.length) return <p className="hint">{t('episodes.none')}</p>;
  const sorted = [...episodes].sort((a, b) => b.departureDate.localeCompare(a.departureDate));
  return (
    <table className="mg-table" data-testid="episodes">
      <caption className="visually-hidden">{t('episodes.caption')}</caption>
      <thead>
        <tr>
          {showPin ? <th scope="col">{t('field.pin')}</th> : null}
          <th scope="col">{t('episodes.country')}</th>
          <th scope="col">{t('episodes.departure')}</th>
          <th scope="col">{t('episodes.contractEnd')}</th>
          <th scope="col">{t('episodes.return')}</th>
          <th scope="col">{t('episodes.employer')}</th>
          <th scope="col">{t('episodes.source')}</th>
        </tr>
      </thead>
      <tbody>
        {sorted.map((e, i) => (
          <tr key={e.id ?? i}>
            {showPin ? (
              <td data-label={t('field.pin')}>
                <span className="pin">{e.pin}</span>
              </td>
            ) : null}
            <td data-label={t('episodes.country')}>
              {e.country?.name ?? e.countryCode}
              {e.city ? `, ${e.city}` : ''}
            </td>
            <td data-label={t('episodes.departure')}>{formatDate(e.departureDate, lang)}</td>
            <td data-label={t('episodes.contractEnd')}>{formatDate(e.contractEnd, lang) || '—'}</td>
            <td data-label={t('episodes.return')}>{formatDate(e.returnDate, lang) || '—'}</td>
            <td data-label={t('episodes.employer')}>{e.employer || '—'}</td>
            <td data-label={t('episodes.source')}>
              {t(`source.${e.source}`)}
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
  );
}
