import type { Generated, Kysely, Selectable } from 'kysely';
import type { Db } from '@kg/platform';

export interface AccountTable {
  id: string;
  kind: 'CITIZEN' | 'STAFF';
  pin: string | null;
  pin_flag: string | null;
  display_name: string;
  given_name: string | null;
  surname: string | null;
  roles: string[];
  territory_codes: string[];
  agency_id: string | null;
  mission_code: string | null;
  status: Generated<'ACTIVE' | 'LOCKED' | 'DISABLED'>;
  created_at: Generated<Date>;
  last_sign_in_at: Date | null;
}

export interface StaffCredentialTable {
  account_id: string;
  login: string;
  password_hash: string;
  totp_secret: string;
  failed_attempts: Generated<number>;
  retry_after: Date | null;
  last_totp_step: number | null;
}

export interface CertificateTable {
  fingerprint: string;
  account_id: string;
  issuer: string;
  serial: string;
  not_after: Date;
  first_used_at: Generated<Date>;
}

export interface ChallengeRow {
  id: string;
  challenge: string;
  expires_at: Date;
  used_at: Date | null;
}

export interface RefreshTokenTable {
  id: string;
  family_id: string;
  account_id: string;
  token_hash: string;
  expires_at: Date;
  used_at: Date | null;
  revoked_at: Date | null;
  created_at: Generated<Date>;
}

export interface IdentityTables {
  account: AccountTable;
  staff_credential: StaffCredentialTable;
  certificate: CertificateTable;
  signature_challenge: ChallengeRow;
  refresh_token: RefreshTokenTable;
}

export type AccountRow = Selectable<AccountTable>;
export type StaffCredentialRow = Selectable<StaffCredentialTable>;
export type CertificateRow = Selectable<CertificateTable>;
export type RefreshTokenRow = Selectable<RefreshTokenTable>;

export type IdentityDb = Kysely<IdentityTables>;
export const identityDb = (db: Db) => db.withSchema('identity') as unknown as IdentityDb;
