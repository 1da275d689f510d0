import fs from 'node:fs';
import path from 'node:path';
import { DEMO, logger } from '@kg/platform';
import { DEMO_PINS, signChallenge, writeDemoPki } from './signature/demo-ca';
import type { AccountService } from './account/account.service';
import type { DemoSigner } from './signin/signin.type';

/**
 * Development only: a demo CA ("DEMO CA - NOT FOR PRODUCTION") with demo citizen and staff
 * certificates, made once under DATA_DIR/demo-pki, trusted only while DEMO_PKI is on.
 */
export class DemoPki {
  private constructor(
    readonly dir: string,
    private readonly files: Awaited<ReturnType<typeof writeDemoPki>>,
  ) {}

  static async open(dataDir: string): Promise<DemoPki> {
    const dir = path.join(dataDir, 'demo-pki');
    const index = path.join(dir, 'paths.json');
    let files: Awaited<ReturnType<typeof writeDemoPki>>;
    if (fs.existsSync(index)) files = JSON.parse(fs.readFileSync(index, 'utf8'));
    else {
      files = await writeDemoPki(dir);
      fs.writeFileSync(index, JSON.stringify(files, null, 2));
      logger.warn({ dir }, 'created a DEMO certificate authority for development (never trusted in production)');
    }
    return new DemoPki(dir, files);
  }

  get caFile() {
    return this.files.ca;
  }
  get crlFile() {
    return this.files.crl;
  }

  sign(challenge: string, signer: DemoSigner | keyof typeof SIGNERS): string {
    const [cert, key] = SIGNERS[signer as keyof typeof SIGNERS];
    return signChallenge(challenge, fs.readFileSync(this.files[key], 'utf8'), fs.readFileSync(this.files[cert], 'utf8'));
  }
}

const SIGNERS = {
  CITIZEN_RSA: ['citizenRsa', 'citizenRsaKey'],
  CITIZEN_EC: ['citizenEc', 'citizenEcKey'],
  STAFF: ['staff', 'staffKey'],
  REVOKED: ['revoked', 'revokedKey'],
} as const;

/** Demo staff: one of each role, all with DEMO.password and DEMO.totpSecret. */
export const DEMO_STAFF = [
  { login: 'admin', displayName: 'Demo Administrator', roles: ['ADMINISTRATOR'] },
  { login: 'officer', displayName: 'Demo Employment Officer', roles: ['EMPLOYMENT_OFFICER'], pin: DEMO_PINS.staff },
  { login: 'agency', displayName: 'Demo Agency Operator', roles: ['AGENCY_OPERATOR'], agencyId: DEMO.agencyId },
  { login: 'worker', displayName: 'Demo Social Worker', roles: ['SOCIAL_WORKER'], territoryCodes: [DEMO.socialWorkerTerritory] },
  { login: 'coordinator', displayName: 'Demo Oblast Coordinator', roles: ['OBLAST_COORDINATOR'], territoryCodes: [DEMO.coordinatorTerritory] },
  { login: 'consul', displayName: 'Demo Consular Officer', roles: ['CONSULAR_OFFICER'], missionCode: DEMO.missionCode },
  { login: 'mfa', displayName: 'Demo MFA Officer', roles: ['MFA_OFFICER'] },
  { login: 'analyst', displayName: 'Demo Analyst', roles: ['ANALYST'] },
  { login: 'auditor', displayName: 'Demo Auditor', roles: ['AUDITOR'] },
] as const;

export async function seedDemoStaff(accounts: AccountService): Promise<void> {
  for (const s of DEMO_STAFF) {
    if (await accounts.store.loginTaken(s.login)) continue;
    await accounts.createStaffUnchecked({ ...s, roles: [...s.roles], territoryCodes: 'territoryCodes' in s ? [...s.territoryCodes] : undefined } as any, {
      password: DEMO.password,
      totpSecret: DEMO.totpSecret,
    });
  }
}
