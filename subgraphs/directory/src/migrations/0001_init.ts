import { sql } from 'kysely';
import type { Migration } from '@kg/platform';

export const init: Migration = {
  name: '0001_init',
  async up(db, schema) {
    const s = sql.id(schema);
    await sql`
      create table ${s}.territory (
        code text primary key check (code ~ '^[0-9]{14}$'),
        parent_code text references ${s}.territory(code),
        level text not null check (level in ('OBLAST', 'DISTRICT', 'AIYL_OKMOTU', 'SETTLEMENT')),
        name_ru text not null,
        -- Kyrgyz name; name_ky_source says where it came from (see data/SOATE-SOURCE.md)
        name_ky text,
        name_ky_source text not null check (name_ky_source in ('SOURCE', 'DERIVED', 'NONE')),
        name_en text not null,
        name_latin text not null,
        sort_order int not null
      )`.execute(db);
    await sql`create index territory_parent_idx on ${s}.territory (parent_code, sort_order)`.execute(db);
    await sql`create index territory_level_idx on ${s}.territory (level, sort_order)`.execute(db);
    await sql`
      create table ${s}.country (
        code char(2) primary key,
        alpha3 char(3) not null,
        name_ky text not null,
        name_ru text not null,
        name_en text not null,
        -- position among the employment programmes' destinations (Turkey, Russia, ...); null for others
        programme_order int
      )`.execute(db);
  },
};

export const migrations = [init];
