import type { Role } from '../../auth/session';

/** Who may open which back-office page (the same roles the server checks). */
export const PEOPLE_READERS: Role[] = [
  'ADMINISTRATOR',
  'EMPLOYMENT_OFFICER',
  'MFA_OFFICER',
  'SOCIAL_WORKER',
  'DISTRICT_COORDINATOR',
  'OBLAST_COORDINATOR',
  'AGENCY_OPERATOR',
  'CONSULAR_OFFICER',
];
export const STATISTICS_READERS: Role[] = ['ANALYST', 'ADMINISTRATOR', 'EMPLOYMENT_OFFICER', 'MFA_OFFICER'];
export const AGENCY_READERS: Role[] = ['ADMINISTRATOR', 'EMPLOYMENT_OFFICER', 'MFA_OFFICER'];
export const AGENCY_MANAGERS: Role[] = ['ADMINISTRATOR', 'EMPLOYMENT_OFFICER'];
export const DEPARTURE_REPORTERS: Role[] = ['AGENCY_OPERATOR', 'EMPLOYMENT_OFFICER', 'ADMINISTRATOR'];
