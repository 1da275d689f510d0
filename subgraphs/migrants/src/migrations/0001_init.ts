import { sql } from 'kysely';
import type { Migration } from '@kg/platform';

export const init: Migration = {
  name: '0001_init',
  async up(db, schema) {
    const s = sql.id(schema);
    await sql`create sequence ${s}.questionnaire_number`.execute(db);
    await sql`
      create table ${s}.questionnaire (
        id uuid primary key,
        reference text not null unique,
        access_code_hash text not null,
        -- a retry with the same key returns the first submission instead of making a second
        idempotency_key text unique,
        idempotency_input_hash text,
        status text not null default 'SUBMITTED' check (status in ('SUBMITTED', 'WITHDRAWN')),
        last_name text not null,
        first_name text not null,
        patronymic text,
        birth_date date not null,
        sex text not null check (sex in ('F', 'M')),
        phone text not null,
        territory_code text not null,
        education text not null,
        occupations text[] not null,
        skills text,
        languages jsonb not null default '[]',
        wanted_countries text[] not null,
        experience_years int,
        experience text,
        consent_processing boolean not null check (consent_processing),
        consent_partner_sharing boolean not null default false,
        attached_pin text,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`.execute(db);
    await sql`
      create table ${s}.migrant (
        pin text primary key check (pin ~ '^[0-9]{14}$'),
        last_name text not null,
        first_name text not null,
        patronymic text,
        birth_date date,
        sex text check (sex in ('F', 'M')),
        home_territory_code text,
        phone text,
        email text,
        contact_abroad text,
        current_country text,
        current_city text,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`.execute(db);
    await sql`create index migrant_name_idx on ${s}.migrant (lower(last_name), lower(first_name))`.execute(db);
    await sql`create index migrant_home_idx on ${s}.migrant (home_territory_code)`.execute(db);
    await sql`
      create table ${s}.agency (
        id uuid primary key,
        licence_number text not null unique,
        legal_name text not null,
        inn text not null unique check (inn ~ '^[0-9]{14}$'),
        licence_valid_from date not null,
        licence_valid_to date not null,
        status text not null default 'ACTIVE' check (status in ('ACTIVE', 'SUSPENDED', 'REVOKED')),
        created_at timestamptz not null default now()
      )`.execute(db);
    await sql`
      create table ${s}.agency_status_change (
        id bigserial primary key,
        agency_id uuid not null references ${s}.agency(id),
        status text not null,
        reason text,
        changed_by text not null,
        changed_at timestamptz not null default now()
      )`.execute(db);
    await sql`
      create table ${s}.episode (
        id uuid primary key,
        pin text not null references ${s}.migrant(pin),
        country char(2) not null,
        city text,
        employer text,
        position_isco char(4),
        departure_date date not null,
        contract_end date,
        return_date date,
        source text not null check (source in ('SELF_DECLARED', 'AGENCY_REPORT', 'PROGRAMME')),
        agency_id uuid references ${s}.agency(id),
        -- the same departure (PIN, country, start, employer) reported again, by anyone, is one episode
        report_key text unique,
        reported_at timestamptz not null default now(),
        late boolean not null default false,
        upload_id uuid
      )`.execute(db);
    await sql`create index episode_pin_idx on ${s}.episode (pin, departure_date desc)`.execute(db);
    await sql`create index episode_agency_idx on ${s}.episode (agency_id, reported_at desc)`.execute(db);
    await sql`
      create table ${s}.departure_upload (
        id uuid primary key,
        agency_id uuid not null references ${s}.agency(id),
        file_name text not null,
        file_sha256 text not null,
        total_rows int not null,
        valid_rows jsonb not null,
        invalid_rows int not null,
        status text not null default 'PREVIEWED' check (status in ('PREVIEWED', 'COMMITTED')),
        created_by text not null,
        created_at timestamptz not null default now(),
        committed_at timestamptz,
        created_count int,
        duplicate_count int,
        late_count int
      )`.execute(db);
  },
};

export const migrations = [init];
