/**
 * Fixed identifiers of the development demo data, shared by the subgraphs that seed it (the identity
 * subgraph's demo agency operator acts for the migrants subgraph's demo agency). Never used in production.
 */
export const DEMO = {
  agencyId: '6f1d2c3b-0000-4000-8000-00000000a001',
  otherAgencyId: '6f1d2c3b-0000-4000-8000-00000000a002',
  /** Аламүдүн айыл аймагы, Аламүдүн району, Чүй облусу */
  socialWorkerTerritory: '41708203807000',
  coordinatorTerritory: '41708000000000',
  missionCode: 'RU-MOSCOW',
  /** Every demo staff account has this password and TOTP secret; `npm run totp` prints the current code. */
  password: 'demo-password-2026',
  totpSecret: 'KVKFKRCPNZQUYMLXOVYDSQKJKZDTSRLD',
} as const;
