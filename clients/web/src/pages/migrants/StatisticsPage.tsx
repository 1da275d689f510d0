import { useEffect, useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { RequireAuth } from '../../auth/RequireAuth';
import { authGql } from '../../auth/session';
import { Page } from '../../components/Page';
import {
  DIMENSIONS,
  STATISTICS,
  STATISTICS_EXPORT,
  type Dimension,
  type Occupation,
  type Population,
  type Statistics,
  type StatisticsRow,
} from './api';
import { BarChart } from './BarChart';
import { useOccupations } from './data';
import { base64ToBytes, focusSoon, formatDate, formatMonth, saveFile, useMT } from './lib';
import { STATISTICS_READERS } from './roles';
import { BackToStaff, LoadError } from './ui';
import './migrants.css';

const POPULATIONS: Population[] = ['CURRENTLY_ABROAD', 'ALL_DEPARTURES'];
const CHART_BARS = 20;

interface Query {
  groupBy: Dimension[];
  population: Population;
}

/** How many citizens are abroad: aggregates only, cells under 5 suppressed; chart, table and files. */
export default function StatisticsPage() {
  const { t } = useMT();
  return (
    <Page title={t('stats.title')} className="mg-staff mg-stats">
      <BackToStaff />
      <RequireAuth signIn="/staff/sign-in" roles={STATISTICS_READERS}>
        {() => <StatisticsView />}
      </RequireAuth>
    </Page>
  );
}

/** A row's value for one dimension, as people read it. */
function cell(row: StatisticsRow, d: Dimension, t: TFunction, lang: string, majors: Map<string, string>): string {
  const unknown = t('stats.unknown');
  switch (d) {
    case 'COUNTRY':
      return row.country?.name ?? row.country?.code ?? unknown;
    case 'OBLAST':
    case 'RAION':
      return row.originUnknown || !row.territory ? t('stats.originUnknown') : row.territory.name ?? row.territory.code;
    case 'SEX':
      return row.sex === 'F' || row.sex === 'M' ? t(`sex.${row.sex}`) : unknown;
    case 'AGE_BAND':
      return !row.ageBand || row.ageBand === 'unknown' ? unknown : t('stats.ageBand', { band: row.ageBand.replace('-', '–') });
    case 'OCCUPATION_GROUP':
      return !row.occupationGroup || row.occupationGroup === 'unknown'
        ? unknown
        : `${row.occupationGroup} · ${majors.get(row.occupationGroup) ?? t('stats.iscoGroup', { code: row.occupationGroup })}`;
    case 'SOURCE':
      return row.source ? t(`source.${row.source}`) : unknown;
    case 'DEPARTURE_MONTH':
      return row.month ? formatMonth(row.month, lang) : unknown;
  }
}

/** Dimensions whose values have an order of their own (time, age): sorted by it, not by count. */
const ORDERED: Dimension[] = ['DEPARTURE_MONTH', 'AGE_BAND'];
function sortKey(row: StatisticsRow, d: Dimension): string {
  return d === 'DEPARTURE_MONTH' ? row.month ?? '9999' : (row.ageBand ?? 'zzz').replace('<18', '00');
}

function StatisticsView() {
  const { t, i18n } = useMT();
  const lang = i18n.language;
  const majors = new Map((useOccupations('MAJOR').data ?? ([] as Occupation[])).map((o) => [o.code, o.name]));
  const [population, setPopulation] = useState<Population>('CURRENTLY_ABROAD');
  const [first, setFirst] = useState<Dimension | ''>('COUNTRY');
  const [second, setSecond] = useState<Dimension | ''>('');
  const [shown, setShown] = useState<Query | null>(null);
  const [stats, setStats] = useState<Statistics | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [exporting, setExporting] = useState<'CSV' | 'XLSX' | null>(null);
  const [exportError, setExportError] = useState<unknown>(null);

  async function load(q: Query, focus: boolean) {
    setBusy(true);
    setError(null);
    try {
      const d = await authGql<{ migrationStatistics: Statistics }>(STATISTICS, { ...q });
      setStats(d.migrationStatistics);
      setShown(q);
      if (focus) focusSoon('stats-result');
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  // the first table at once; names follow the language
  useEffect(() => {
    void load(shown ?? { groupBy: ['COUNTRY'], population: 'CURRENTLY_ABROAD' }, false);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [lang]);

  function submit(e: FormEvent) {
    e.preventDefault();
    const groupBy = [first, second].filter((d): d is Dimension => !!d);
    void load({ groupBy: [...new Set(groupBy)], population }, true);
  }

  async function download(format: 'CSV' | 'XLSX') {
    if (!shown || !stats) return;
    setExporting(format);
    setExportError(null);
    try {
      const d = await authGql<{ migrationStatisticsExport: string }>(STATISTICS_EXPORT, { ...shown, format });
      const name = `migration-statistics-${shown.population.toLowerCase()}-${shown.groupBy.join('-').toLowerCase() || 'total'}-${stats.asOf}.${format.toLowerCase()}`;
      saveFile(
        name,
        base64ToBytes(d.migrationStatisticsExport),
        format === 'CSV' ? 'text/csv;charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
    } catch (e) {
      setExportError(e);
    } finally {
      setExporting(null);
    }
  }

  const dims = shown?.groupBy ?? [];
  let rows = stats?.rows ?? [];
  const ordered = !!dims[0] && ORDERED.includes(dims[0]);
  if (ordered) rows = [...rows].sort((a, b) => sortKey(a, dims[0]).localeCompare(sortKey(b, dims[0])));
  const label = (r: StatisticsRow) => dims.map((d) => cell(r, d, t, lang, majors)).join(' · ');
  const suppressedCount = rows.filter((r) => r.count.suppressed).length;
  const dimName = (d: Dimension) => t(`stats.dim.${d}`);

  return (
    <>
      <p className="lead">{t('stats.intro')}</p>
      <form className="form mg-stats-form" onSubmit={submit}>
        <fieldset className="mg-group">
          <legend>{t('stats.population')}</legend>
          {POPULATIONS.map((p) => (
            <label key={p} className="choice">
              <input type="radio" name="population" checked={population === p} onChange={() => setPopulation(p)} />
              <span>
                {t(`stats.pop.${p}`)}
                <span className="hint block">{t(`stats.popHint.${p}`)}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <div className="mg-two">
          <div className="field">
            <label htmlFor="stats-dim1">{t('stats.dim1')}</label>
            <select
              id="stats-dim1"
              value={first}
              onChange={(e) => {
                const d = e.target.value as Dimension | '';
                setFirst(d);
                if (!d || d === second) setSecond('');
              }}
            >
              <option value="">{t('stats.noBreakdown')}</option>
              {DIMENSIONS.map((d) => (
                <option key={d} value={d}>
                  {dimName(d)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="stats-dim2">{t('stats.dim2')}</label>
            <select id="stats-dim2" value={second} disabled={!first} onChange={(e) => setSecond(e.target.value as Dimension | '')}>
              <option value="">{t('stats.noSecond')}</option>
              {DIMENSIONS.filter(
                (d) => d !== first && !(['OBLAST', 'RAION'].includes(d) && ['OBLAST', 'RAION'].includes(first)),
              ).map((d) => (
                <option key={d} value={d}>
                  {dimName(d)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="actions">
          <button type="submit" className="button" disabled={busy}>
            {busy ? t('form.loading') : t('stats.show')}
          </button>
        </div>
      </form>

      {error ? <LoadError error={error} retry={() => shown && void load(shown, true)} /> : null}
      {!stats && !error ? <p className="loading">{t('form.loading')}</p> : null}

      {stats && shown ? (
        <section aria-labelledby="stats-result" className="mg-stats-result" aria-busy={busy}>
          <h2 id="stats-result" tabIndex={-1}>
            {dims.length ? t('stats.resultBy', { dims: dims.map(dimName).join(', ') }) : t('stats.resultTotal')}
          </h2>
          <p className="hint">
            {t(`stats.pop.${shown.population}`)} · {t('stats.asOf', { date: formatDate(stats.asOf, lang) })}
          </p>
          <p className="mg-total">
            {t('stats.total')}: <strong data-testid="stats-total">{stats.total.display}</strong>
          </p>

          <div className="actions mg-export">
            <button type="button" className="button button-secondary button-small" onClick={() => void download('CSV')} disabled={!!exporting}>
              {exporting === 'CSV' ? t('stats.exporting') : t('stats.exportCsv')}
            </button>
            <button type="button" className="button button-secondary button-small" onClick={() => void download('XLSX')} disabled={!!exporting}>
              {exporting === 'XLSX' ? t('stats.exporting') : t('stats.exportXlsx')}
            </button>
          </div>
          {exportError ? <LoadError error={exportError} /> : null}

          {dims.length && rows.length ? (
            <>
              <h3>{t('stats.chart')}</h3>
              {rows.length > CHART_BARS ? (
                <p className="hint">
                  {t(ordered ? 'stats.chartFirst' : 'stats.chartTop', { count: CHART_BARS, total: rows.length })}
                </p>
              ) : null}
              <BarChart
                title={t('stats.chartTitle', { dims: dims.map(dimName).join(', ') })}
                description={t('stats.chartDesc')}
                bars={rows.slice(0, CHART_BARS).map((r) => ({ label: label(r), value: r.count.value, display: r.count.display, suppressed: r.count.suppressed }))}
              />
            </>
          ) : null}

          <h3>{t('stats.table')}</h3>
          {rows.length === 0 ? <p>{t('stats.empty')}</p> : null}
          {rows.length ? (
            <div className="mg-scroll-x" tabIndex={0} role="region" aria-label={t('stats.table')}>
            <table className="mg-table mg-stats-table" data-testid="stats-table">
              <caption className="visually-hidden">{t('stats.table')}</caption>
              <thead>
                <tr>
                  {dims.map((d) => (
                    <th scope="col" key={d}>
                      {dimName(d)}
                    </th>
                  ))}
                  <th scope="col" className="mg-num">
                    {t('stats.count')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r, i) => (
                  <tr key={i}>
                    {dims.map((d) => (
                      <td key={d} data-label={dimName(d)}>
                        {cell(r, d, t, lang, majors)}
                      </td>
                    ))}
                    <td data-label={t('stats.count')} className="mg-num" data-suppressed={r.count.suppressed || undefined}>
                      {r.count.suppressed ? <abbr title={t('stats.suppressedTitle')}>{r.count.display}</abbr> : r.count.display}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            </div>
          ) : null}
          <p className="hint" data-testid="suppression-note">
            {t('stats.suppressedNote')}
            {suppressedCount ? ` ${t('stats.suppressedRows', { count: suppressedCount })}` : ''}
          </p>
        </section>
      ) : null}
    </>
  );
}
