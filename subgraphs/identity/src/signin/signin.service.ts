import fs from 'node:fs';
import { randomBytes, randomUUID } from 'node:crypto';
import { Config, logger, unauthenticated } from '@kg/platform';
import { createSignInVerifier, isSignatureError, SignInIdentity } from '../signature';
import type { AccountStore } from '../account/account.store';
import type { AccountRow } from '../tables';
import type { ChallengeStore } from './challenge.store';

export const CHALLENGE_TTL_MS = 5 * 60 * 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface TrustSources {
  trustedCaPems: string[];
  crls: (string | Buffer)[];
}

/** Reads TRUSTED_CA_FILES and CRL_FILES (plus the demo CA in development). */
export function readTrustSources(config: Config, extra: { caFiles?: string[]; crlFiles?: string[] } = {}): TrustSources {
  const caFiles = [...config.TRUSTED_CA_FILES, ...(extra.caFiles ?? [])];
  const crlFiles = [...config.CRL_FILES, ...(extra.crlFiles ?? [])];
  return {
    trustedCaPems: caFiles.map((f) => fs.readFileSync(f, 'utf8')),
    crls: crlFiles.map((f) => fs.readFileSync(f)),
  };
}

/**
 * Digital-signature sign-in: a one-time challenge, the citizen's CMS signature over it, the checks of
 * ../signature, then the account bound to the PIN (created on first sign-in; a renewed certificate
 * with the same PIN reaches the same account).
 */
export class SignInService {
  private readonly verify: ReturnType<typeof createSignInVerifier>;
  constructor(
    private readonly challenges: ChallengeStore,
    private readonly accounts: AccountStore,
    trust: TrustSources,
  ) {
    this.verify = createSignInVerifier({ trustedCas: trust.trustedCaPems, crls: trust.crls });
  }

  async challenge(): Promise<{ id: string; challenge: string; expiresAt: Date }> {
    const id = randomUUID();
    const expiresAt = new Date(Date.now() + CHALLENGE_TTL_MS);
    // Readable, so a citizen's signing tool shows what is being signed.
    const challenge = `KG-MIGRATION-SIGN-IN ${new Date().toISOString()} ${randomBytes(24).toString('base64url')}`;
    await this.challenges.insert({ id, challenge, expires_at: expiresAt });
    return { id, challenge, expiresAt };
  }

  async signIn(challengeId: string, signature: string): Promise<AccountRow> {
    const refuse = (reason: string, key: string) => {
      logger.info({ reason }, 'signature sign-in refused'); // never the certificate's personal data
      return unauthenticated(reason, key);
    };
    if (!UUID.test(String(challengeId))) throw refuse('CHALLENGE_UNKNOWN', 'auth.challenge.CHALLENGE_UNKNOWN');
    const { row, spentNow } = await this.challenges.spend(challengeId);
    if (!row) throw refuse('CHALLENGE_UNKNOWN', 'auth.challenge.CHALLENGE_UNKNOWN');
    if (!spentNow) throw refuse('CHALLENGE_USED', 'auth.challenge.CHALLENGE_USED');
    if (row.expires_at.getTime() < Date.now()) throw refuse('CHALLENGE_EXPIRED', 'auth.challenge.CHALLENGE_EXPIRED');
    let identity: SignInIdentity;
    try {
      identity = await this.verify({ challenge: row.challenge, signature: String(signature ?? '') });
    } catch (e) {
      if (isSignatureError(e)) throw refuse(e.reason, `auth.signature.${e.reason}`);
      throw e;
    }
    const existing = await this.accounts.byPin(identity.pin);
    if (existing && existing.status !== 'ACTIVE') throw refuse('ACCOUNT_LOCKED', 'auth.accountLocked');
    const certificate = {
      fingerprint: identity.certificateFingerprint,
      issuer: identity.issuer,
      serial: identity.certificateSerial,
      not_after: identity.notAfter,
    };
    if (existing?.kind === 'STAFF') {
      // Staff who also hold a signature: the same staff account, its roles unchanged.
      return this.accounts.findOrCreateByPin(existing, certificate);
    }
    return this.accounts.findOrCreateByPin(
      {
        id: randomUUID(),
        kind: 'CITIZEN',
        pin: identity.pin,
        pin_flag: identity.pinFlag ?? null,
        display_name: [identity.surname, identity.givenName].filter(Boolean).join(' ') || identity.commonName,
        given_name: identity.givenName ?? null,
        surname: identity.surname ?? null,
        roles: ['CITIZEN'],
        territory_codes: [],
        agency_id: null,
        mission_code: null,
      },
      certificate,
    );
  }
}

