import { sql, RawBuilder } from 'kysely';
import ExcelJS from 'exceljs';
import { Db, requireRole, RequestContext } from '@kg/platform';
import { countryRef, territoryRef } from '../references';
import { todayInBishkek } from '../validation';
import { MigrationStatistics, StatisticsDimension, StatisticsPopulation, StatisticsRow, SuppressedCount } from './statistics.type';

/** Cells with fewer persons than this are suppressed, so nobody can be singled out. */
export const MIN_CELL = 5;

export const suppress = (n: number): SuppressedCount =>
  Object.assign(new SuppressedCount(), n < MIN_CELL && n > 0 ? { value: null, display: `<${MIN_CELL}`, suppressed: true } : { value: n, display: String(n), suppressed: false });

function dimensionSql(d: StatisticsDimension, asOf: string): RawBuilder<string> {
  switch (d) {
    case StatisticsDimension.COUNTRY:
      return sql`e.country`;
    case StatisticsDimension.OBLAST:
      return sql`case when m.home_territory_code is null then null else rpad(substr(m.home_territory_code, 1, 5), 14, '0') end`;
    case StatisticsDimension.RAION:
      return sql`case when m.home_territory_code is null then null else rpad(substr(m.home_territory_code, 1, 8), 14, '0') end`;
    case StatisticsDimension.SEX:
      return sql`coalesce(m.sex, 'unknown')`;
    case StatisticsDimension.AGE_BAND: {
      // Age on the reporting date, in the bands the ministry publishes.
      const age = `date_part('year', age(date '${asOf}', m.birth_date))`;
      return sql.raw(
        `case when m.birth_date is null then 'unknown' when ${age} < 18 then '<18' when ${age} < 25 then '18-24' when ${age} < 35 then '25-34' ` +
          `when ${age} < 45 then '35-44' when ${age} < 55 then '45-54' when ${age} < 65 then '55-64' else '65+' end`,
      );
    }
    case StatisticsDimension.OCCUPATION_GROUP:
      return sql`coalesce(substr(e.position_isco, 1, 1), 'unknown')`;
    case StatisticsDimension.SOURCE:
      return sql`e.source`;
    case StatisticsDimension.DEPARTURE_MONTH:
      return sql`to_char(e.departure_date, 'YYYY-MM')`;
  }
}

const COLUMN: Record<StatisticsDimension, keyof StatisticsRow> = {
  COUNTRY: 'country',
  OBLAST: 'territory',
  RAION: 'territory',
  SEX: 'sex',
  AGE_BAND: 'ageBand',
  OCCUPATION_GROUP: 'occupationGroup',
  SOURCE: 'source',
  DEPARTURE_MONTH: 'month',
};

/**
 * Secondary suppression. A cell under MIN_CELL is hidden, but if it is the only hidden cell among rows
 * that differ in one dimension only, it can be recovered by subtracting the others from that line's
 * total (which another query gives). So in every such line with exactly one hidden cell, the smallest
 * visible cell is hidden too, until no line has a lone hidden cell. Returns the extra rows to hide.
 */
export function secondarySuppression(rows: { keys: string[]; n: number }[]): Set<number> {
  const primary = (i: number) => rows[i].n > 0 && rows[i].n < MIN_CELL;
  const hidden = new Set<number>(rows.map((_, i) => i).filter(primary));
  const extra = new Set<number>();
  const width = rows[0]?.keys.length ?? 0;
  for (let changed = true; changed; ) {
    changed = false;
    for (let d = 0; d < Math.max(width, 1); d++) {
      const lines = new Map<string, number[]>();
      rows.forEach((r, i) => {
        const line = r.keys.filter((_, k) => k !== d).join('\u0000');
        lines.set(line, [...(lines.get(line) ?? []), i]);
      });
      for (const members of lines.values()) {
        if (members.filter((i) => hidden.has(i)).length !== 1) continue;
        const visible = members.filter((i) => !hidden.has(i)).sort((a, b) => rows[a].n - rows[b].n);
        if (visible.length === 0) continue;
        hidden.add(visible[0]);
        extra.add(visible[0]);
        changed = true;
      }
    }
  }
  return extra;
}

/**
 * The exact number of migrants: persons abroad, each counted once however many agencies reported them.
 * Analysts get aggregates only, small cells suppressed; no path here returns a person.
 */
export class StatisticsService {
  constructor(private readonly db: Db) {}

  async compute(groupBy: StatisticsDimension[], population: StatisticsPopulation, country: string | undefined, ctx: RequestContext): Promise<MigrationStatistics> {
    requireRole(ctx, 'ANALYST', 'ADMINISTRATOR', 'EMPLOYMENT_OFFICER', 'MFA_OFFICER');
    const dims = [...new Set(groupBy)].slice(0, 3);
    if (dims.includes(StatisticsDimension.OBLAST) && dims.includes(StatisticsDimension.RAION)) dims.splice(dims.indexOf(StatisticsDimension.OBLAST), 1);
    const asOf = todayInBishkek();
    const exprs = dims.map((d) => dimensionSql(d, asOf));
    // One row per person for CURRENTLY_ABROAD (their latest open stay), one per episode otherwise.
    const base =
      population === StatisticsPopulation.CURRENTLY_ABROAD
        ? sql`(select distinct on (pin) * from migrants.episode
               where return_date is null and departure_date <= ${asOf} and (contract_end is null or contract_end >= ${asOf})
               order by pin, departure_date desc)`
        : sql`migrants.episode`;
    const where = country ? sql`where e.country = ${country.toUpperCase()}` : sql``;
    const select = exprs.length ? sql.join(exprs.map((e, i) => sql`${e} as ${sql.id(`d${i}`)}`)) : sql`1 as one`;
    const group = exprs.length ? sql`group by ${sql.join(exprs.map((_, i) => sql.raw(String(i + 1))))}` : sql``;
    const rows = await sql<Record<string, string | number>>`
      select ${select}, count(*)::int as n
      from ${base} e join migrants.migrant m on m.pin = e.pin
      ${where} ${group}
      order by n desc`.execute(this.db);
    const total = rows.rows.reduce((s, r) => s + Number(r.n), 0);
    const hidden = secondarySuppression(rows.rows.map((r) => ({ keys: dims.map((_, i) => String(r[`d${i}`])), n: Number(r.n) })));
    return Object.assign(new MigrationStatistics(), {
      asOf,
      total: suppress(total),
      rows: rows.rows.map((r, index) => {
        const row: StatisticsRow = Object.assign(new StatisticsRow(), {
          country: null as StatisticsRow['country'], territory: null as StatisticsRow['territory'], sex: null, ageBand: null, occupationGroup: null, source: null, month: null, originUnknown: false,
          count: hidden.has(index) ? Object.assign(new SuppressedCount(), { value: null, display: 'x', suppressed: true }) : suppress(Number(r.n)),
        });
        dims.forEach((d, i) => {
          const v = r[`d${i}`] as string | null;
          if (d === StatisticsDimension.COUNTRY) row.country = countryRef(v);
          else if (d === StatisticsDimension.OBLAST || d === StatisticsDimension.RAION) {
            row.territory = territoryRef(v);
            row.originUnknown = v === null;
          } else (row as any)[COLUMN[d]] = v;
        });
        return row;
      }),
    });
  }

  /** The same table as a file an analyst can open: CSV (UTF-8 with BOM, for Excel) or XLSX; base64. */
  async export(groupBy: StatisticsDimension[], population: StatisticsPopulation, format: 'CSV' | 'XLSX', ctx: RequestContext): Promise<string> {
    const stats = await this.compute(groupBy, population, undefined, ctx);
    const header = [...groupBy.map((d) => d.toLowerCase()), 'count'];
    const lines = stats.rows.map((r) => [
      ...groupBy.map((d) => {
        const v = (r as any)[COLUMN[d]];
        return v && typeof v === 'object' ? v.code : v ?? (d === 'OBLAST' || d === 'RAION' ? 'unknown' : '');
      }),
      r.count.display,
    ]);
    if (format === 'CSV') {
      const csv = [header, ...lines].map((l) => l.map((c) => `"${String(c ?? '').replace(/"/g, '""')}"`).join(',')).join('\r\n');
      return Buffer.from(`\uFEFF${csv}\r\n`, 'utf8').toString('base64');
    }
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('statistics');
    ws.addRow(header);
    for (const l of lines) ws.addRow(l);
    ws.addRow([]);
    ws.addRow([`as of ${stats.asOf}; counts below ${MIN_CELL} are suppressed`]);
    return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
  }
}
