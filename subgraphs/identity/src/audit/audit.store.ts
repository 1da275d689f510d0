import { Kysely } from 'kysely';
import type { Db } from '@kg/platform';

interface AccessLogRow {
  id: string;
  at: Date;
  actor_id: string;
  actor_roles: string;
  entity: string;
  entity_id: string;
  action: string;
  purpose: string | null;
  request_id: string;
  prev_hash: string;
  hash: string;
}

/** Reads the access log (written by every subgraph through the platform's recordAccess). */
export class AuditStore {
  private readonly db: Kysely<{ access_log: AccessLogRow }>;
  constructor(db: Db) {
    this.db = db.withSchema('audit') as unknown as Kysely<{ access_log: AccessLogRow }>;
  }

  list(filter: { entity?: string; entityId?: string; actorId?: string; before?: string; limit: number }): Promise<AccessLogRow[]> {
    let q = this.db.selectFrom('access_log').selectAll().orderBy('id', 'desc').limit(filter.limit);
    if (filter.entity) q = q.where('entity', '=', filter.entity);
    if (filter.entityId) q = q.where('entity_id', '=', filter.entityId);
    if (filter.actorId) q = q.where('actor_id', '=', filter.actorId);
    if (filter.before) q = q.where('id', '<', filter.before);
    return q.execute();
  }
}
