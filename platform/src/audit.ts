import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { hasRole, STAFF_ROLES } from './auth';
import type { RequestContext } from './context';
import type { Db } from './db';
import { migrate, Migration } from './migrate';

/**
 * The access log: who (which staff member, in which roles) read which person's record, when, why and in
 * which request. Append-only: a trigger refuses updates and deletes, and every entry carries the hash of
 * the one before, so an entry changed or removed behind the trigger's back breaks the chain.
 * It lives in its own schema, owned by the identity subgraph; every subgraph writes it through this helper.
 */
export const AUDIT_SCHEMA = 'audit';

const auditMigrations: Migration[] = [
  {
    name: '0001_access_log',
    async up(db) {
      await sql`
        create table audit.access_log (
          id bigserial primary key,
          at timestamptz not null,
          actor_id text not null,
          actor_roles text not null,
          entity text not null,
          entity_id text not null,
          action text not null,
          purpose text,
          request_id text not null,
          prev_hash text not null,
          hash text not null unique
        )`.execute(db);
      await sql`create index access_log_entity_idx on audit.access_log (entity, entity_id)`.execute(db);
      await sql`create index access_log_actor_idx on audit.access_log (actor_id, at)`.execute(db);
      await sql`
        create function audit.refuse_change() returns trigger language plpgsql as $$
        begin raise exception 'audit.access_log is append-only'; end $$`.execute(db);
      await sql`
        create trigger access_log_append_only before update or delete on audit.access_log
        for each row execute function audit.refuse_change()`.execute(db);
    },
  },
];

export function migrateAudit(db: Db): Promise<string[]> {
  return migrate(db, AUDIT_SCHEMA, auditMigrations);
}

export type AccessAction = 'READ' | 'SEARCH' | 'EXPORT' | 'UPDATE';

export interface AccessEntry {
  /** The kind of record: 'Migrant', 'Child', 'CompensationCase', 'User'. */
  entity: string;
  entityId: string;
  action?: AccessAction;
  purpose?: string | null;
}

interface StoredEntry {
  at: string;
  actor_id: string;
  actor_roles: string;
  entity: string;
  entity_id: string;
  action: string;
  purpose: string | null;
  request_id: string;
}

const GENESIS = '0'.repeat(64);

function entryHash(prev: string, e: StoredEntry): string {
  const canonical = JSON.stringify([e.at, e.actor_id, e.actor_roles, e.entity, e.entity_id, e.action, e.purpose, e.request_id]);
  return createHash('sha256').update(prev).update('|').update(canonical).digest('hex');
}

/**
 * Logs that the caller read these persons' records, if the caller is staff (a citizen reading their own
 * record is not logged). Call it before returning the data; it commits before it returns.
 */
export async function recordAccess(db: Db, ctx: RequestContext, entries: AccessEntry[]): Promise<void> {
  const caller = ctx.caller;
  if (!caller || !hasRole(caller, ...STAFF_ROLES) || entries.length === 0) return;
  const at = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    // One writer at a time, so each entry links to the true previous one.
    await sql`select pg_advisory_xact_lock(hashtext('audit.access_log'))`.execute(trx);
    const last = await sql<{ hash: string }>`select hash from audit.access_log order by id desc limit 1`.execute(trx);
    let prev = last.rows[0]?.hash ?? GENESIS;
    for (const e of entries) {
      const stored: StoredEntry = {
        at,
        actor_id: caller.userId,
        actor_roles: caller.roles.join(','),
        entity: e.entity,
        entity_id: e.entityId,
        action: e.action ?? 'READ',
        purpose: e.purpose ?? null,
        request_id: ctx.requestId,
      };
      const hash = entryHash(prev, stored);
      await sql`insert into audit.access_log (at, actor_id, actor_roles, entity, entity_id, action, purpose, request_id, prev_hash, hash)
        values (${at}, ${stored.actor_id}, ${stored.actor_roles}, ${stored.entity}, ${stored.entity_id}, ${stored.action},
                ${stored.purpose}, ${stored.request_id}, ${prev}, ${hash})`.execute(trx);
      prev = hash;
    }
  });
}

export interface ChainCheck {
  ok: boolean;
  entries: number;
  /** The first entry whose content or link does not match; null when the chain is whole. */
  firstBrokenId: number | null;
}

/** Recomputes every hash in order; a changed, removed or reordered entry shows as the first broken id. */
export async function verifyAccessChain(db: Db): Promise<ChainCheck> {
  let prev = GENESIS;
  let entries = 0;
  let lastId = 0;
  for (;;) {
    const page = await sql<Omit<StoredEntry, 'at'> & { id: string; at: Date | string; prev_hash: string; hash: string }>`
      select * from audit.access_log where id > ${lastId} order by id limit 5000`.execute(db);
    if (page.rows.length === 0) break;
    for (const r of page.rows) {
      const at = r.at instanceof Date ? r.at.toISOString() : new Date(r.at).toISOString();
      const expected = entryHash(prev, { ...r, at });
      if (r.prev_hash !== prev || r.hash !== expected) return { ok: false, entries, firstBrokenId: Number(r.id) };
      prev = r.hash;
      entries++;
      lastId = Number(r.id);
    }
  }
  return { ok: true, entries, firstBrokenId: null };
}
