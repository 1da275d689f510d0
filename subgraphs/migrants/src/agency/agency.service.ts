import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AppError, badInput, conflict, forbidden, hasRole, notFound, pageSize, parseInput, requireRole, RequestContext } from '@kg/platform';
import type { AgencyRow } from '../tables';
import { isoDate } from '../validation';
import type { AgencyStore } from './agency.store';
import { Agency, AgencyInput, AgencyStatus, AgencyStatusChange } from './agency.type';

const agencySchema = z
  .object({
    licenceNumber: z.string().trim().min(1).max(50),
    legalName: z.string().trim().min(1).max(300),
    inn: z.string().trim().regex(/^[0-9]{14}$/, { params: { key: 'validation.inn' } } as any),
    licenceValidFrom: isoDate,
    licenceValidTo: isoDate,
  })
  .refine((a) => a.licenceValidTo >= a.licenceValidFrom, { path: ['licenceValidTo'], params: { key: 'validation.dateOrder' } } as any);

export const toAgency = (a: AgencyRow): Agency =>
  Object.assign(new Agency(), {
    id: a.id,
    licenceNumber: a.licence_number,
    legalName: a.legal_name,
    inn: a.inn,
    licenceValidFrom: a.licence_valid_from,
    licenceValidTo: a.licence_valid_to,
    status: a.status as AgencyStatus,
    createdAt: a.created_at,
  });

const MANAGERS = ['ADMINISTRATOR', 'EMPLOYMENT_OFFICER'] as const;

/** The registry of licensed agencies: managed by administrators and the employment centre; an operator sees its own. */
export class AgencyService {
  constructor(readonly store: AgencyStore) {}

  async byId(id: string, ctx: RequestContext): Promise<AgencyRow | null> {
    const caller = requireRole(ctx);
    if (!hasRole(caller, ...MANAGERS, 'MFA_OFFICER') && caller.agencyId !== id) throw forbidden();
    if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
    return ctx
      .loader<string, AgencyRow | null>('agency.byId', async (ids) => {
        const rows = new Map((await this.store.byIds(ids)).map((r) => [r.id, r]));
        return ids.map((i) => rows.get(i) ?? null);
      })
      .load(id);
  }

  async list(ctx: RequestContext, status: AgencyStatus | undefined, first: number | undefined, after: string | undefined): Promise<Agency[]> {
    requireRole(ctx, ...MANAGERS, 'MFA_OFFICER');
    return (await this.store.list({ status, after, limit: pageSize(first) })).map(toAgency);
  }

  async create(input: AgencyInput, ctx: RequestContext): Promise<Agency> {
    const caller = requireRole(ctx, ...MANAGERS);
    const v = parseInput(agencySchema, input);
    try {
      const row = await this.store.insert(
        { id: randomUUID(), licence_number: v.licenceNumber, legal_name: v.legalName, inn: v.inn, licence_valid_from: v.licenceValidFrom, licence_valid_to: v.licenceValidTo },
        caller.userId,
      );
      return toAgency(row);
    } catch (e) {
      if ((e as { code?: string }).code === '23505') throw conflict('agency.duplicate');
      throw e;
    }
  }

  async setStatus(id: string, status: AgencyStatus, reason: string | undefined, ctx: RequestContext): Promise<Agency> {
    const caller = requireRole(ctx, ...MANAGERS);
    if (reason && reason.length > 500) throw badInput('validation.tooLong', 'reason', { max: 500 });
    const row = await this.store.setStatus(id, status, reason ?? null, caller.userId);
    if (!row) throw notFound('agency.notFound');
    return toAgency(row);
  }

  async history(a: Agency, ctx: RequestContext): Promise<AgencyStatusChange[]> {
    await this.byId(a.id, ctx);
    return (await this.store.history(a.id)).map((h) =>
      Object.assign(new AgencyStatusChange(), { status: h.status, reason: h.reason, changedBy: h.changed_by, changedAt: h.changed_at }),
    );
  }

  /** The agency an operator reports for: its own; an officer names one. Suspended and revoked agencies cannot report. */
  async reportingAgency(agencyId: string | undefined, ctx: RequestContext): Promise<AgencyRow> {
    const caller = requireRole(ctx, 'AGENCY_OPERATOR', ...MANAGERS);
    const id = hasRole(caller, ...MANAGERS) ? agencyId ?? caller.agencyId : caller.agencyId;
    if (!id) throw badInput('agency.required', 'agencyId');
    if (!hasRole(caller, ...MANAGERS) && agencyId && agencyId !== caller.agencyId) throw forbidden();
    const agency = await this.byId(id, ctx);
    if (!agency) throw notFound('agency.notFound');
    if (agency.status !== 'ACTIVE') throw new AppError('FORBIDDEN', 'agency.notActive', { reason: `AGENCY_${agency.status}` });
    return agency;
  }
}
