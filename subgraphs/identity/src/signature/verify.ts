/**
 * Verification of a citizen's digital-signature sign-in: the citizen signed a one-time challenge
 * (CMS/PKCS#7 SignedData); we check the signature over exactly the challenge bytes, build the chain
 * to a configured trusted CA, check validity dates, key usage and revocation (CRL), and read the
 * PIN and name from the certificate subject.
 *
 * The CMS structure is read by @peculiar/asn1-cms (see ./cms.ts), signatures are checked by node's
 * crypto (OpenSSL), certificates and CRLs are read by @peculiar/x509. The chain is built here rather
 * than by a generic chain engine because every refusal must carry a precise, stable reason code.
 *
 * Nothing here logs: certificates carry personal data (PIN, names). Errors carry no personal data.
 */
// @peculiar/x509 resolves its algorithm providers through tsyringe, which needs this polyfill.
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { SignatureError } from './errors';
import { pinFromCertificate, type PinFlag } from './pin';
import { type CmsOptions, findSignerCertificate, parseSignedData, verifySignerSignature } from './cms';
import {
  basicConstraints,
  type Cert,
  isIssuedBy,
  keyUsage,
  loadCertificate,
  loadCrls,
  loadTrustedCas,
  pemBlocks,
  peculiarCrypto,
  sameName,
  subjectValues,
} from './certificates';

const OID_COMMON_NAME = '2.5.4.3';
const OID_SURNAME = '2.5.4.4';
const OID_SERIAL_NUMBER = '2.5.4.5';
const OID_GIVEN_NAME = '2.5.4.42';

/** Longest chain we build (leaf + intermediates + anchor); real national PKIs use 2 or 3. */
const MAX_CHAIN_LENGTH = 6;
/** A sign-in signature is a few kilobytes; refuse anything absurd before parsing it. */
const DEFAULT_MAX_SIGNATURE_BYTES = 256 * 1024;
/** Signer plus a few intermediates is normal; dozens of certificates is an attack on chain search. */
const MAX_CMS_CERTIFICATES = 20;

export interface TrustConfig {
  /** PEM certificates of the CAs whose citizens may sign in (a string may be a bundle). */
  trustedCas: readonly string[];
  /** CRLs, as PEM text or DER buffers. Only CRLs signed by the certificate's issuer count. */
  crls?: readonly (string | Uint8Array)[];
  /**
   * Subject attributes (OIDs) searched in order for the PIN. Default: serialNumber (2.5.4.5) only.
   * Add e.g. '0.9.2342.19200300.100.1.1' (uid) if a CA turns out to put the PIN elsewhere.
   */
  pinAttributes?: readonly string[];
  /** Upper bound on the decoded signature size. Default 256 KiB. */
  maxSignatureBytes?: number;
  /** Accept CMS signatures made with SHA-1 (legacy tokens). Default false. */
  allowSha1?: boolean;
}

export interface SignInInput {
  /** The one-time challenge the server issued; the signed content must be exactly its UTF-8 bytes. */
  challenge: string;
  /** CMS SignedData: PEM (BEGIN CMS / BEGIN PKCS7) or base64 DER, whitespace tolerated. */
  signature: string;
  /** Point in time to check validity at (tests); default now. */
  now?: Date;
}

export interface VerifySignInInput extends SignInInput, Omit<TrustConfig, 'crls'> {
  crls: readonly (string | Uint8Array)[];
}

export interface SignInIdentity {
  /** 14-digit PIN from the certificate subject. */
  pin: string;
  /** Set when the PIN is 14 digits but its sex digit or birth date does not parse: staff review. */
  pinFlag?: PinFlag;
  commonName: string;
  givenName?: string;
  surname?: string;
  /** Certificate serial number, uppercase hex (as `openssl x509 -serial` prints it). */
  certificateSerial: string;
  /** SHA-256 of the signer certificate DER, lowercase hex. */
  certificateFingerprint: string;
  /** Issuer distinguished name (RFC 4514 style). */
  issuer: string;
  notAfter: Date;
}

/**
 * Pre-parses the trust configuration once and returns a verifier. Use this in a long-running
 * service (and rebuild it when CRLs are refreshed); `verifySignIn` is the one-shot form.
 * Throws a plain Error if the configuration itself cannot be read.
 */
export function createSignInVerifier(config: TrustConfig): (input: SignInInput) => Promise<SignInIdentity> {
  const anchors = loadTrustedCas(config.trustedCas);
  const crls = loadCrls(config.crls ?? []);
  const pinAttributes = config.pinAttributes ?? [OID_SERIAL_NUMBER];
  const maxBytes = config.maxSignatureBytes ?? DEFAULT_MAX_SIGNATURE_BYTES;

  return async function verify(input: SignInInput): Promise<SignInIdentity> {
    if (typeof input.challenge !== 'string' || input.challenge.length === 0) {
      throw new TypeError('challenge must be a non-empty string');
    }
    const now = input.now ?? new Date();
    const challengeBytes = Buffer.from(input.challenge, 'utf8');

    const der = decodeSignatureText(input.signature, maxBytes);
    const { leaf, carried } = checkCmsSignature(der, challengeBytes, { allowSha1: config.allowSha1 === true });

    const chain = buildChain(leaf, carried, anchors);
    if (!chain) throw new SignatureError('UNKNOWN_ISSUER', 'certificate does not chain to a trusted CA');
    checkValidity(chain, now);
    checkKeyUsage(chain);
    await checkRevocation(chain, crls);

    return identityOf(leaf, pinAttributes, now);
  };
}

/** Verifies a sign-in signature; see `createSignInVerifier` for the checks and refusals. */
export async function verifySignIn(input: VerifySignInInput): Promise<SignInIdentity> {
  const { challenge, signature, now, ...config } = input;
  return createSignInVerifier(config)({ challenge, signature, now });
}

// ---------------------------------------------------------------------------------------------
// Decoding

function malformed(detail: string): SignatureError {
  return new SignatureError('MALFORMED_SIGNATURE', detail);
}

function decodeSignatureText(text: string, maxBytes: number): Buffer {
  if (typeof text !== 'string' || text.trim().length === 0) throw malformed('empty signature');
  // base64 is 4/3 of the bytes; PEM adds line breaks and armour: a generous textual bound first.
  if (text.length > maxBytes * 2) throw malformed('signature too large');
  let der: Buffer;
  if (text.includes('-----BEGIN')) {
    const blocks = pemBlocks(text, ['CMS', 'PKCS7', 'PKCS #7 SIGNED DATA']);
    if (blocks.length !== 1) throw malformed('expected exactly one CMS or PKCS7 PEM block');
    der = blocks[0];
  } else {
    const b64 = text.replace(/\s+/g, '');
    // Standard or URL-safe alphabet; Buffer.from accepts both.
    if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(b64)) throw malformed('not PEM and not base64');
    der = Buffer.from(b64, 'base64');
  }
  if (der.length === 0) throw malformed('empty signature');
  if (der.length > maxBytes) throw malformed('signature too large');
  return der;
}

// ---------------------------------------------------------------------------------------------
// The CMS signature

function checkCmsSignature(der: Buffer, challenge: Buffer, options: CmsOptions): { leaf: Cert; carried: Cert[] } {
  const parsed = parseSignedData(der);

  // Attached content must be exactly the challenge: the signature over some other content may be
  // perfectly valid, and is then a replayed or misdirected signature.
  if (parsed.content && !parsed.content.equals(challenge)) {
    throw new SignatureError('WRONG_SIGNATURE', 'signed content differs from the challenge');
  }

  if (parsed.certificates.length > MAX_CMS_CERTIFICATES) throw malformed('too many certificates');
  const certs: Cert[] = [];
  for (const der of parsed.certificates) {
    try {
      certs.push(loadCertificate(der));
    } catch {
      // An unreadable extra certificate is just not usable; a missing signer is reported below.
    }
  }
  const leaf = findSignerCertificate(parsed.signer, certs);
  if (!leaf) throw malformed('signer certificate not included');

  // Detached: the signature is checked over the challenge bytes themselves.
  verifySignerSignature(parsed, parsed.content ?? challenge, leaf.native.publicKey, options);

  // The other certificates are candidate intermediates only, never trust anchors.
  return { leaf, carried: certs.filter((c) => c.fingerprint !== leaf.fingerprint) };
}

// ---------------------------------------------------------------------------------------------
// Chain, dates, key usage, revocation

/**
 * Breadth-first search from the leaf to a trusted CA; returns [leaf, ...intermediates, anchor], the
 * shortest chain. Each carried certificate is expanded at most once, so a CMS stuffed with
 * cross-signed certificates costs O(n²) signature checks at worst, not an exponential search.
 */
function buildChain(leaf: Cert, carried: Cert[], anchors: Cert[]): Cert[] | null {
  const seen = new Set<string>([leaf.fingerprint]);
  const queue: Cert[][] = [[leaf]];
  while (queue.length > 0) {
    const path = queue.shift()!;
    const current = path[path.length - 1];
    const anchor = anchors.find((a) => isIssuedBy(current, a));
    if (anchor) return [...path, anchor];
    if (path.length + 1 >= MAX_CHAIN_LENGTH) continue;
    for (const candidate of carried) {
      if (seen.has(candidate.fingerprint) || !isIssuedBy(current, candidate)) continue;
      seen.add(candidate.fingerprint);
      queue.push([...path, candidate]);
    }
  }
  return null;
}

function checkValidity(chain: Cert[], now: Date): void {
  for (const cert of chain) {
    if (cert.parsed.notBefore.getTime() > now.getTime()) {
      throw new SignatureError('CERTIFICATE_NOT_YET_VALID', cert === chain[0] ? 'certificate' : 'CA certificate');
    }
    if (cert.parsed.notAfter.getTime() < now.getTime()) {
      throw new SignatureError('CERTIFICATE_EXPIRED', cert === chain[0] ? 'certificate' : 'CA certificate');
    }
  }
}

function checkKeyUsage(chain: Cert[]): void {
  const leafUsage = keyUsage(chain[0]);
  if (leafUsage !== null && (leafUsage & x509.KeyUsageFlags.digitalSignature) === 0) {
    throw new SignatureError('KEY_USAGE', 'certificate key usage lacks digitalSignature');
  }
  // Every issuer, the trusted anchor included, must be a CA allowed to sign certificates.
  for (let i = 1; i < chain.length; i++) {
    const constraints = basicConstraints(chain[i]);
    if (!constraints || !constraints.ca) {
      throw new SignatureError('KEY_USAGE', 'issuer is not a CA (basicConstraints)');
    }
    // pathLenConstraint: how many intermediate CAs may follow this one towards the leaf.
    if (constraints.pathLength !== undefined && i - 1 > constraints.pathLength) {
      throw new SignatureError('KEY_USAGE', 'CA path length constraint exceeded');
    }
    const usage = keyUsage(chain[i]);
    if (usage !== null && (usage & x509.KeyUsageFlags.keyCertSign) === 0) {
      throw new SignatureError('KEY_USAGE', 'issuer key usage lacks keyCertSign');
    }
  }
}

/**
 * A certificate is revoked when a CRL issued by its issuer (same name, signature verified with the
 * issuer's key, issuer allowed to sign CRLs) lists its serial number. CRLs from anyone else are
 * ignored. Checked for the leaf and for every intermediate. No CRL for an issuer means "not known
 * to be revoked" (freshness of CRLs is the job of whoever refreshes the configuration).
 */
async function checkRevocation(chain: Cert[], crls: x509.X509Crl[]): Promise<void> {
  for (let i = 0; i < chain.length - 1; i++) {
    const cert = chain[i];
    const issuer = chain[i + 1];
    const issuerUsage = keyUsage(issuer);
    if (issuerUsage !== null && (issuerUsage & x509.KeyUsageFlags.cRLSign) === 0) continue;
    for (const crl of crls) {
      if (!sameName(crl.issuerName, issuer.parsed.subjectName)) continue;
      if (!crl.findRevoked(cert.parsed)) continue;
      let signed = false;
      try {
        signed = await crl.verify({ publicKey: issuer.parsed.publicKey }, peculiarCrypto);
      } catch {
        signed = false;
      }
      if (signed) {
        throw new SignatureError('REVOKED', i === 0 ? 'certificate revoked' : 'CA certificate revoked');
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Identity

function identityOf(leaf: Cert, pinAttributes: readonly string[], now: Date): SignInIdentity {
  let found: ReturnType<typeof pinFromCertificate> = null;
  for (const oid of pinAttributes) {
    for (const value of subjectValues(leaf, oid)) {
      found = pinFromCertificate(value, now);
      if (found) break;
    }
    if (found) break;
  }
  if (!found) throw new SignatureError('NO_VALID_PIN', 'certificate subject carries no 14-digit PIN');

  const first = (oid: string): string | undefined => subjectValues(leaf, oid)[0];
  const givenName = first(OID_GIVEN_NAME);
  const surname = first(OID_SURNAME);
  const identity: SignInIdentity = {
    pin: found.pin,
    commonName: first(OID_COMMON_NAME) ?? [givenName, surname].filter(Boolean).join(' '),
    certificateSerial: leaf.native.serialNumber.toUpperCase(),
    certificateFingerprint: leaf.fingerprint,
    issuer: leaf.parsed.issuer,
    notAfter: leaf.parsed.notAfter,
  };
  if (found.pinFlag) identity.pinFlag = found.pinFlag;
  if (givenName !== undefined) identity.givenName = givenName;
  if (surname !== undefined) identity.surname = surname;
  return identity;
}
