import type { Generated, Kysely, Selectable } from 'kysely';
import type { Db } from '@kg/platform';

export interface QuestionnaireTable {
  id: string;
  reference: string;
  access_code_hash: string;
  idempotency_key: string | null;
  idempotency_input_hash: string | null;
  status: Generated<'SUBMITTED' | 'WITHDRAWN'>;
  last_name: string;
  first_name: string;
  patronymic: string | null;
  birth_date: string;
  sex: 'F' | 'M';
  phone: string;
  territory_code: string;
  education: string;
  occupations: string[];
  skills: string | null;
  languages: Generated<{ code: string; level: string }[]>;
  wanted_countries: string[];
  experience_years: number | null;
  experience: string | null;
  consent_processing: boolean;
  consent_partner_sharing: Generated<boolean>;
  attached_pin: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface MigrantTable {
  pin: string;
  last_name: string;
  first_name: string;
  patronymic: string | null;
  birth_date: string | null;
  sex: 'F' | 'M' | null;
  home_territory_code: string | null;
  phone: string | null;
  email: string | null;
  contact_abroad: string | null;
  current_country: string | null;
  current_city: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface AgencyTable {
  id: string;
  licence_number: string;
  legal_name: string;
  inn: string;
  licence_valid_from: string;
  licence_valid_to: string;
  status: Generated<'ACTIVE' | 'SUSPENDED' | 'REVOKED'>;
  created_at: Generated<Date>;
}

export interface AgencyStatusChangeTable {
  id: Generated<string>;
  agency_id: string;
  status: string;
  reason: string | null;
  changed_by: string;
  changed_at: Generated<Date>;
}

export interface EpisodeTable {
  id: string;
  pin: string;
  country: string;
  city: string | null;
  employer: string | null;
  position_isco: string | null;
  departure_date: string;
  contract_end: string | null;
  return_date: string | null;
  source: 'SELF_DECLARED' | 'AGENCY_REPORT' | 'PROGRAMME';
  agency_id: string | null;
  report_key: string | null;
  reported_at: Generated<Date>;
  late: Generated<boolean>;
  upload_id: string | null;
}

export interface DepartureUploadTable {
  id: string;
  agency_id: string;
  file_name: string;
  file_sha256: string;
  total_rows: number;
  valid_rows: unknown;
  invalid_rows: number;
  status: Generated<'PREVIEWED' | 'COMMITTED'>;
  created_by: string;
  created_at: Generated<Date>;
  committed_at: Date | null;
  created_count: number | null;
  duplicate_count: number | null;
  late_count: number | null;
}

export interface MigrantsTables {
  questionnaire: QuestionnaireTable;
  migrant: MigrantTable;
  agency: AgencyTable;
  agency_status_change: AgencyStatusChangeTable;
  episode: EpisodeTable;
  departure_upload: DepartureUploadTable;
}

export type MigrantsDb = Kysely<MigrantsTables>;
export const migrantsDb = (db: Db) => db.withSchema('migrants') as unknown as MigrantsDb;
export type QuestionnaireRow = Selectable<QuestionnaireTable>;
export type MigrantRow = Selectable<MigrantTable>;
export type AgencyRow = Selectable<AgencyTable>;
export type EpisodeRow = Selectable<EpisodeTable>;
