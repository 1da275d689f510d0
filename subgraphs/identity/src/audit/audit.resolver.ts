import { Arg, Authorized, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { Db, pageSize, requireRole, RequestContext, verifyAccessChain } from '@kg/platform';
import type { AuditStore } from './audit.store';
import { AccessLogCheck, AccessLogEntry } from './audit.type';

@Resolver()
export class AuditResolver {
  constructor(
    private readonly store: AuditStore,
    private readonly db: Db,
  ) {}

  @Authorized('ADMINISTRATOR', 'AUDITOR')
  @Query(() => [AccessLogEntry], { description: 'Newest first; pass the last id as `before` for the next page' })
  async accessLog(
    @Ctx() ctx: RequestContext,
    @Arg('entity', () => String, { nullable: true }) entity?: string,
    @Arg('entityId', () => String, { nullable: true }) entityId?: string,
    @Arg('actorId', () => ID, { nullable: true }) actorId?: string,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('before', () => ID, { nullable: true }) before?: string,
  ): Promise<AccessLogEntry[]> {
    requireRole(ctx, 'ADMINISTRATOR', 'AUDITOR');
    const rows = await this.store.list({ entity, entityId, actorId, before, limit: pageSize(first, 50) });
    return rows.map((r) =>
      Object.assign(new AccessLogEntry(), {
        id: String(r.id),
        at: r.at,
        actorId: r.actor_id,
        actorRoles: r.actor_roles.split(','),
        entity: r.entity,
        entityId: r.entity_id,
        action: r.action,
        purpose: r.purpose,
        requestId: r.request_id,
        hash: r.hash,
      }),
    );
  }

  @Authorized('ADMINISTRATOR', 'AUDITOR')
  @Query(() => AccessLogCheck, { description: 'Recomputes the hash chain of the whole log' })
  async verifyAccessLog(@Ctx() ctx: RequestContext): Promise<AccessLogCheck> {
    requireRole(ctx, 'ADMINISTRATOR', 'AUDITOR');
    const r = await verifyAccessChain(this.db);
    return Object.assign(new AccessLogCheck(), { ok: r.ok, entries: r.entries, firstBrokenId: r.firstBrokenId === null ? null : String(r.firstBrokenId) });
  }
}
