import { sql } from 'kysely';
import type { Migration } from '@kg/platform';

export const init: Migration = {
  name: '0001_init',
  async up(db, schema) {
    const s = sql.id(schema);
    await sql`
      create table ${s}.account (
        id uuid primary key,
        kind text not null check (kind in ('CITIZEN', 'STAFF')),
        -- citizens always; staff when they also sign in with a signature
        pin text unique check (pin ~ '^[0-9]{14}$'),
        -- a PIN from a trusted certificate that fails the date check: accepted, flagged for staff review
        pin_flag text,
        display_name text not null,
        given_name text,
        surname text,
        roles text[] not null,
        -- territorial scope: СОАТЕ codes as assigned, and their prefixes as checked
        territory_codes text[] not null default '{}',
        agency_id text,
        mission_code text,
        status text not null default 'ACTIVE' check (status in ('ACTIVE', 'LOCKED', 'DISABLED')),
        created_at timestamptz not null default now(),
        last_sign_in_at timestamptz
      )`.execute(db);
    await sql`
      create table ${s}.staff_credential (
        account_id uuid primary key references ${s}.account(id),
        login text not null unique,
        password_hash text not null,
        totp_secret text not null,
        failed_attempts int not null default 0,
        retry_after timestamptz,
        last_totp_step bigint
      )`.execute(db);
    await sql`
      create table ${s}.certificate (
        fingerprint text primary key,
        account_id uuid not null references ${s}.account(id),
        issuer text not null,
        serial text not null,
        not_after timestamptz not null,
        first_used_at timestamptz not null default now()
      )`.execute(db);
    await sql`
      create table ${s}.signature_challenge (
        id uuid primary key,
        challenge text not null,
        expires_at timestamptz not null,
        used_at timestamptz
      )`.execute(db);
    await sql`
      create table ${s}.refresh_token (
        id uuid primary key,
        family_id uuid not null,
        account_id uuid not null references ${s}.account(id),
        token_hash text not null unique,
        expires_at timestamptz not null,
        used_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz not null default now()
      )`.execute(db);
    await sql`create index refresh_token_family_idx on ${s}.refresh_token (family_id)`.execute(db);
  },
};

export const migrations = [init];
