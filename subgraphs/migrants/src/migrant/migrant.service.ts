import { z } from 'zod';
import { Caller, Db, forbidden, hasRole, inTerritoryScope, pageSize, parseInput, recordAccess, requireRole, RequestContext, badInput } from '@kg/platform';
import type { EpisodeRow, MigrantRow } from '../tables';
import { countryRef, territoryRef } from '../references';
import { countryCode, isoDate, phone, soateCode, todayInBishkek } from '../validation';
import type { MigrantStore } from './migrant.store';
import { EpisodeSource, Migrant, MigrationEpisode, MyRecordInput } from './migrant.type';

/** Staff who may read any record; others are limited by territory, agency or mission, analysts never. */
const NATIONAL = ['ADMINISTRATOR', 'EMPLOYMENT_OFFICER', 'MFA_OFFICER'] as const;
const TERRITORIAL = ['SOCIAL_WORKER', 'DISTRICT_COORDINATOR', 'OBLAST_COORDINATOR'] as const;
const READERS = [...NATIONAL, ...TERRITORIAL, 'AGENCY_OPERATOR', 'CONSULAR_OFFICER'] as const;

export function toEpisode(e: EpisodeRow): MigrationEpisode {
  return Object.assign(new MigrationEpisode(), {
    id: e.id,
    pin: e.pin,
    country: countryRef(e.country),
    countryCode: e.country,
    city: e.city,
    employer: e.employer,
    positionIsco: e.position_isco,
    departureDate: e.departure_date,
    contractEnd: e.contract_end,
    returnDate: e.return_date,
    source: e.source as EpisodeSource,
    agencyId: e.agency_id,
    reportedAt: e.reported_at,
    late: e.late,
  });
}

const myRecordSchema = z.object({
  phone: phone.optional().nullable(),
  email: z.string().trim().email().max(200).optional().nullable(),
  contactAbroad: z.string().trim().max(500).optional().nullable(),
  currentCountry: z.union([z.literal(''), countryCode]).optional().nullable(),
  currentCity: z.string().trim().max(100).optional().nullable(),
  returnDate: isoDate.refine((d) => d <= todayInBishkek(), { params: { key: 'validation.date' } } as any).optional().nullable(),
  homeTerritoryCode: soateCode.optional().nullable(),
});

export class MigrantService {
  constructor(
    readonly store: MigrantStore,
    private readonly db: Db,
  ) {}

  private async toMigrants(rows: MigrantRow[]): Promise<Migrant[]> {
    const abroad = await this.store.abroad(rows.map((r) => r.pin), todayInBishkek());
    return rows.map((m) =>
      Object.assign(new Migrant(), {
        pin: m.pin,
        lastName: m.last_name,
        firstName: m.first_name,
        patronymic: m.patronymic,
        birthDate: m.birth_date,
        sex: m.sex,
        homeTerritory: territoryRef(m.home_territory_code),
        phone: m.phone,
        email: m.email,
        contactAbroad: m.contact_abroad,
        currentCountry: countryRef(m.current_country),
        currentCity: m.current_city,
        isAbroad: abroad.has(m.pin),
        updatedAt: m.updated_at,
      }),
    );
  }

  /** May this staff member read this person's record? */
  private async mayRead(caller: Caller, m: MigrantRow): Promise<boolean> {
    if (hasRole(caller, ...NATIONAL)) return true;
    if (hasRole(caller, ...TERRITORIAL) && inTerritoryScope(caller, m.home_territory_code)) return true;
    if (hasRole(caller, 'AGENCY_OPERATOR') && caller.agencyId && (await this.store.reportedBy(m.pin, caller.agencyId))) return true;
    if (hasRole(caller, 'CONSULAR_OFFICER') && caller.missionCode && m.current_country === caller.missionCode.slice(0, 2)) return true;
    return false;
  }

  /**
   * One record by PIN, for staff within scope (each read logged) or the citizen themself. Used by the
   * query and by entity references, so the gateway cannot be used to go around the checks.
   */
  async byPin(pin: string, ctx: RequestContext, purpose?: string): Promise<Migrant | null> {
    const caller = requireRole(ctx);
    const own = hasRole(caller, 'CITIZEN') && caller.pin === pin;
    if (!own && !hasRole(caller, ...READERS)) throw forbidden();
    const row = await ctx
      .loader<string, MigrantRow | null>('migrant.byPin', async (pins) => {
        const rows = new Map((await this.store.byPins(pins)).map((r) => [r.pin, r]));
        return pins.map((p) => rows.get(p) ?? null);
      })
      .load(pin);
    if (!row) return null;
    if (!own) {
      if (!(await this.mayRead(caller, row))) throw forbidden();
      await recordAccess(this.db, ctx, [{ entity: 'Migrant', entityId: pin, purpose }]);
    }
    return (await this.toMigrants([row]))[0];
  }

  async search(text: string, first: number | undefined, ctx: RequestContext, purpose?: string): Promise<Migrant[]> {
    const caller = requireRole(ctx, ...READERS);
    if (text.trim().length < 2) throw badInput('validation.tooShort', 'text', { min: 2 });
    const scope = hasRole(caller, ...NATIONAL)
      ? {}
      : hasRole(caller, ...TERRITORIAL)
        ? { territoryPrefixes: caller.territories }
        : hasRole(caller, 'AGENCY_OPERATOR')
          ? { agencyId: caller.agencyId ?? '00000000-0000-0000-0000-000000000000' }
          : { country: caller.missionCode?.slice(0, 2) ?? '--' };
    const rows = await this.store.search(text, pageSize(first), scope);
    await recordAccess(this.db, ctx, rows.map((r) => ({ entity: 'Migrant', entityId: r.pin, action: 'SEARCH' as const, purpose })));
    return this.toMigrants(rows);
  }

  async episodes(m: Migrant, ctx: RequestContext): Promise<MigrationEpisode[]> {
    const caller = requireRole(ctx);
    const rows = await ctx
      .loader<string, EpisodeRow[]>('migrant.episodes', async (pins) => {
        const all = await this.store.episodesOf(pins);
        return pins.map((p) => all.filter((e) => e.pin === p));
      })
      .load(m.pin);
    // An agency operator sees only the episodes its own agency reported.
    const visible = hasRole(caller, ...NATIONAL, ...TERRITORIAL, 'CONSULAR_OFFICER') || caller.pin === m.pin ? rows : rows.filter((e) => e.agency_id === caller.agencyId);
    return visible.map(toEpisode);
  }

  /** The signed-in citizen's own record, created empty (from the account's PIN) on first visit. */
  async mine(ctx: RequestContext): Promise<Migrant> {
    const caller = requireRole(ctx, 'CITIZEN');
    const row = await this.store.ensure({ pin: caller.pin!, last_name: '', first_name: '' } as any);
    return (await this.toMigrants([row]))[0];
  }

  async updateMine(input: MyRecordInput, ctx: RequestContext): Promise<Migrant> {
    const caller = requireRole(ctx, 'CITIZEN');
    const v = parseInput(myRecordSchema, input);
    await this.store.ensure({ pin: caller.pin!, last_name: '', first_name: '' } as any);
    const changes: Record<string, unknown> = {};
    if (v.phone !== undefined) changes.phone = v.phone;
    if (v.email !== undefined) changes.email = v.email;
    if (v.contactAbroad !== undefined) changes.contact_abroad = v.contactAbroad;
    if (v.currentCountry !== undefined) changes.current_country = v.currentCountry || null;
    if (v.currentCity !== undefined) changes.current_city = v.currentCity;
    if (v.homeTerritoryCode !== undefined) changes.home_territory_code = v.homeTerritoryCode;
    if (v.returnDate) {
      await this.store.closeOpenEpisodes(caller.pin!, v.returnDate);
      changes.current_country = null;
      changes.current_city = null;
    }
    const row = await this.store.update(caller.pin!, changes);
    return (await this.toMigrants([row!]))[0];
  }
}
