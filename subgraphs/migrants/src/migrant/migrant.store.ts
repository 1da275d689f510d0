import { sql, Insertable, Updateable } from 'kysely';
import type { Db } from '@kg/platform';
import { EpisodeRow, EpisodeTable, MigrantRow, migrantsDb, MigrantsDb, MigrantTable } from '../tables';

export interface DepartureRecord {
  migrant: Insertable<MigrantTable>;
  episode: Insertable<EpisodeTable>;
}

/** The only code that touches migrants.migrant and migrants.episode. */
export class MigrantStore {
  readonly db: MigrantsDb;
  constructor(db: Db) {
    this.db = migrantsDb(db);
  }

  byPins(pins: readonly string[]): Promise<MigrantRow[]> {
    if (!pins.length) return Promise.resolve([]);
    return this.db.selectFrom('migrant').selectAll().where('pin', 'in', pins).execute();
  }

  /** Open stays abroad by PIN (departed, not returned, contract not over). */
  async abroad(pins: readonly string[], today: string): Promise<Set<string>> {
    if (!pins.length) return new Set();
    const rows = await this.db
      .selectFrom('episode')
      .select('pin')
      .where('pin', 'in', pins)
      .where('return_date', 'is', null)
      .where('departure_date', '<=', today)
      .where((eb) => eb.or([eb('contract_end', 'is', null), eb('contract_end', '>=', today)]))
      .execute();
    return new Set(rows.map((r) => r.pin));
  }

  episodesOf(pins: readonly string[]): Promise<EpisodeRow[]> {
    if (!pins.length) return Promise.resolve([]);
    return this.db.selectFrom('episode').selectAll().where('pin', 'in', pins).orderBy('departure_date', 'desc').execute();
  }

  reportedBy(pin: string, agencyId: string): Promise<boolean> {
    return this.db.selectFrom('episode').select('id').where('pin', '=', pin).where('agency_id', '=', agencyId).executeTakeFirst().then((r) => !!r);
  }

  /** By PIN prefix or name prefix; `where` narrows to the caller's scope. */
  search(text: string, limit: number, scope: { territoryPrefixes?: string[]; agencyId?: string; country?: string }): Promise<MigrantRow[]> {
    let q = this.db.selectFrom('migrant').selectAll().orderBy('last_name').orderBy('first_name').orderBy('pin').limit(limit);
    const t = text.trim();
    if (/^[0-9]{1,14}$/.test(t)) q = q.where('pin', 'like', `${t}%`);
    else {
      const [last, first] = t.toLowerCase().split(/\s+/);
      q = q.where(sql`lower(last_name)`, 'like', `${last}%`);
      if (first) q = q.where(sql`lower(first_name)`, 'like', `${first}%`);
    }
    if (scope.territoryPrefixes) {
      const prefixes = scope.territoryPrefixes;
      q = q.where((eb) => eb.or(prefixes.map((p) => eb('home_territory_code', 'like', `${p}%`))));
    }
    if (scope.agencyId) q = q.where('pin', 'in', (eb) => eb.selectFrom('episode').select('pin').where('agency_id', '=', scope.agencyId!));
    if (scope.country) q = q.where('current_country', '=', scope.country);
    return q.execute();
  }

  async update(pin: string, changes: Updateable<MigrantTable>): Promise<MigrantRow | undefined> {
    return this.db.updateTable('migrant').set({ ...changes, updated_at: new Date() }).where('pin', '=', pin).returningAll().executeTakeFirst();
  }

  /** Creates the record of a signed-in citizen on first visit. */
  async ensure(row: Insertable<MigrantTable>): Promise<MigrantRow> {
    await this.db.insertInto('migrant').values(row).onConflict((oc) => oc.column('pin').doNothing()).execute();
    return (await this.byPins([row.pin]))[0];
  }

  /** Sets the fields that are still empty, leaving what the person or an agency already gave. */
  async fillEmpty(pin: string, values: { last_name: string; first_name: string; patronymic: string | null; birth_date: string; sex: 'F' | 'M'; phone: string; home_territory_code: string }): Promise<void> {
    await this.db.insertInto('migrant').values({ pin, ...values }).onConflict((oc) =>
      oc.column('pin').doUpdateSet({
        last_name: sql`coalesce(nullif(migrant.last_name, ''), excluded.last_name)`,
        first_name: sql`coalesce(nullif(migrant.first_name, ''), excluded.first_name)`,
        patronymic: sql`coalesce(migrant.patronymic, excluded.patronymic)`,
        birth_date: sql`coalesce(migrant.birth_date, excluded.birth_date)`,
        sex: sql`coalesce(migrant.sex, excluded.sex)`,
        phone: sql`coalesce(migrant.phone, excluded.phone)`,
        home_territory_code: sql`coalesce(migrant.home_territory_code, excluded.home_territory_code)`,
        updated_at: sql`now()`,
      }),
    ).execute();
  }

  async closeOpenEpisodes(pin: string, returnDate: string): Promise<void> {
    await this.db.updateTable('episode').set({ return_date: returnDate }).where('pin', '=', pin).where('return_date', 'is', null).where('departure_date', '<=', returnDate).execute();
  }

  /**
   * Writes departures in one transaction: each person's record is created or updated (matched by PIN),
   * each episode is inserted unless its report key is already there (a repeat, from anyone).
   * Returns the keys that were new.
   */
  async recordDepartures(records: DepartureRecord[]): Promise<Set<string>> {
    const created = new Set<string>();
    await this.db.transaction().execute(async (trx) => {
      for (let i = 0; i < records.length; i += 1000) {
        const chunk = records.slice(i, i + 1000);
        // One row per PIN per statement (Postgres refuses to update a row twice in one insert).
        const people = new Map(chunk.map((r) => [r.migrant.pin, r.migrant]));
        await trx
          .insertInto('migrant')
          .values([...people.values()])
          .onConflict((oc) =>
            oc.column('pin').doUpdateSet((eb) => ({
              last_name: eb.ref('excluded.last_name'),
              first_name: eb.ref('excluded.first_name'),
              patronymic: sql`coalesce(excluded.patronymic, migrant.patronymic)`,
              birth_date: sql`coalesce(migrant.birth_date, excluded.birth_date)`,
              sex: sql`coalesce(migrant.sex, excluded.sex)`,
              current_country: eb.ref('excluded.current_country'),
              current_city: eb.ref('excluded.current_city'),
              updated_at: sql`now()`,
            })),
          )
          .execute();
        const inserted = await trx
          .insertInto('episode')
          .values(chunk.map((r) => r.episode))
          .onConflict((oc) => oc.column('report_key').doNothing())
          .returning('report_key')
          .execute();
        for (const r of inserted) created.add(r.report_key!);
      }
    });
    return created;
  }

  async existingKeys(keys: string[]): Promise<Set<string>> {
    const found = new Set<string>();
    for (let i = 0; i < keys.length; i += 1000) {
      const rows = await this.db.selectFrom('episode').select('report_key').where('report_key', 'in', keys.slice(i, i + 1000)).execute();
      for (const r of rows) found.add(r.report_key!);
    }
    return found;
  }

  agencyEpisodes(agencyId: string | undefined, limit: number, before?: Date): Promise<EpisodeRow[]> {
    let q = this.db.selectFrom('episode').selectAll().where('source', '=', 'AGENCY_REPORT').orderBy('reported_at', 'desc').orderBy('id').limit(limit);
    if (agencyId) q = q.where('agency_id', '=', agencyId);
    if (before) q = q.where('reported_at', '<', before);
    return q.execute();
  }
}
