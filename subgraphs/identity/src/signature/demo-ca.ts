/**
 * A DEMO public-key infrastructure for development and demonstrations: a CA clearly named
 * "DEMO CA - NOT FOR PRODUCTION", citizen and staff certificates with fictitious PINs, a CRL, and
 * `signChallenge`, which does what a citizen's signing software does at sign-in.
 *
 * Never configure the demo CA as trusted in production. Everything here is pure JavaScript
 * (@peculiar/x509, @peculiar/asn1-cms, node crypto): no OpenSSL binary needed.
 */
// @peculiar/x509 resolves its algorithm providers through tsyringe, which needs this polyfill.
import 'reflect-metadata';
import { createHash, createPrivateKey, sign as nodeSign, webcrypto, type KeyObject } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import * as asnCms from '@peculiar/asn1-cms';
import * as asnPkcs9 from '@peculiar/asn1-pkcs9';
import * as asnX509 from '@peculiar/asn1-x509';
import * as x509 from '@peculiar/x509';
import { peculiarCrypto } from './certificates';
import { encodeTlv } from './der';

type CryptoKey = webcrypto.CryptoKey;
type CryptoKeyPair = webcrypto.CryptoKeyPair;
type SigningAlgorithm = webcrypto.Algorithm | webcrypto.EcdsaParams;

export const DEMO_CA_NAME = 'DEMO CA - NOT FOR PRODUCTION';

export type DemoKeyAlgorithm = 'RSA' | 'EC-P256' | 'EC-P384';

export interface DemoCa {
  certPem: string;
  keyPem: string;
  cert: x509.X509Certificate;
  privateKey: CryptoKey;
  signingAlgorithm: SigningAlgorithm;
}

export interface DemoCertificateOptions {
  commonName: string;
  givenName?: string;
  surname?: string;
  /** Value of the subject serialNumber attribute, e.g. a PIN or 'PNOKG-' + PIN. */
  serialNumberAttribute?: string;
  organization?: string;
  keyAlgorithm?: DemoKeyAlgorithm;
  notBefore?: Date;
  notAfter?: Date;
  /** Key usage flags; default digitalSignature | nonRepudiation. */
  keyUsage?: x509.KeyUsageFlags;
}

export interface DemoCertificate {
  certPem: string;
  keyPem: string;
  cert: x509.X509Certificate;
}

const DAY = 24 * 60 * 60 * 1000;

function keyParams(alg: DemoKeyAlgorithm): {
  generate: webcrypto.RsaHashedKeyGenParams | webcrypto.EcKeyGenParams;
  signing: SigningAlgorithm;
} {
  switch (alg) {
    case 'RSA':
      return {
        generate: {
          name: 'RSASSA-PKCS1-v1_5',
          hash: 'SHA-256',
          modulusLength: 2048,
          publicExponent: new Uint8Array([1, 0, 1]),
        },
        signing: { name: 'RSASSA-PKCS1-v1_5' },
      };
    case 'EC-P256':
      return { generate: { name: 'ECDSA', namedCurve: 'P-256' }, signing: { name: 'ECDSA', hash: 'SHA-256' } };
    case 'EC-P384':
      return { generate: { name: 'ECDSA', namedCurve: 'P-384' }, signing: { name: 'ECDSA', hash: 'SHA-384' } };
  }
}

async function generateKeys(alg: DemoKeyAlgorithm): Promise<CryptoKeyPair> {
  return (await peculiarCrypto.subtle.generateKey(keyParams(alg).generate, true, ['sign', 'verify'])) as CryptoKeyPair;
}

function toPem(label: string, der: ArrayBuffer | Uint8Array): string {
  const b64 = Buffer.from(der as ArrayBuffer).toString('base64');
  return `-----BEGIN ${label}-----\n${b64.replace(/.{1,64}/g, '$&\n')}-----END ${label}-----\n`;
}

async function privateKeyPem(key: CryptoKey): Promise<string> {
  return toPem('PRIVATE KEY', await peculiarCrypto.subtle.exportKey('pkcs8', key));
}

function randomSerial(): string {
  // 16 random bytes with the top bit cleared: a positive INTEGER, as RFC 5280 asks.
  const bytes = webcrypto.getRandomValues(new Uint8Array(16));
  bytes[0] &= 0x7f;
  bytes[0] |= 0x01;
  return Buffer.from(bytes).toString('hex');
}

/** Creates a self-signed demo root CA (valid 10 years). */
export async function createDemoCa(keyAlgorithm: DemoKeyAlgorithm = 'RSA'): Promise<DemoCa> {
  const keys = await generateKeys(keyAlgorithm);
  const { signing } = keyParams(keyAlgorithm);
  const now = Date.now();
  const cert = await x509.X509CertificateGenerator.createSelfSigned(
    {
      serialNumber: randomSerial(),
      name: [{ C: ['KG'] }, { O: ['Demo PKI - not for production'] }, { CN: [DEMO_CA_NAME] }],
      notBefore: new Date(now - DAY),
      notAfter: new Date(now + 3650 * DAY),
      keys,
      signingAlgorithm: signing,
      extensions: [
        new x509.BasicConstraintsExtension(true, undefined, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
        await x509.SubjectKeyIdentifierExtension.create(keys.publicKey, false, peculiarCrypto),
      ],
    },
    peculiarCrypto,
  );
  return {
    certPem: cert.toString('pem') + '\n',
    keyPem: await privateKeyPem(keys.privateKey),
    cert,
    privateKey: keys.privateKey,
    signingAlgorithm: signing,
  };
}

/** Loads a demo CA written earlier by `writeDemoPki` (to issue more certificates from it). */
export async function loadDemoCa(certPem: string, keyPem: string): Promise<DemoCa> {
  const cert = new x509.X509Certificate(certPem);
  const keyObject = createPrivateKey(keyPem);
  const alg = demoAlgorithmOf(keyObject);
  const der = keyObject.export({ format: 'der', type: 'pkcs8' });
  const privateKey = await peculiarCrypto.subtle.importKey('pkcs8', der, keyParams(alg).generate, false, ['sign']);
  return { certPem, keyPem, cert, privateKey, signingAlgorithm: keyParams(alg).signing };
}

function demoAlgorithmOf(key: KeyObject): DemoKeyAlgorithm {
  if (key.asymmetricKeyType === 'rsa') return 'RSA';
  if (key.asymmetricKeyType === 'ec') {
    const curve = key.asymmetricKeyDetails?.namedCurve;
    if (curve === 'prime256v1' || curve === 'P-256') return 'EC-P256';
    if (curve === 'secp384r1' || curve === 'P-384') return 'EC-P384';
  }
  throw new Error('unsupported demo key type');
}

/** Issues an end-entity certificate (a citizen's or a staff member's) from the demo CA. */
export async function issueDemoCertificate(ca: DemoCa, options: DemoCertificateOptions): Promise<DemoCertificate> {
  const keyAlgorithm = options.keyAlgorithm ?? 'RSA';
  const keys = await generateKeys(keyAlgorithm);
  const now = Date.now();
  // Subject in the shape assumed for Kyrgyz qualified certificates: C, O?, SN, G, CN, serialNumber.
  const subject: x509.JsonNameParams = [{ C: ['KG'] }];
  if (options.organization) subject.push({ O: [{ utf8String: options.organization }] });
  if (options.surname) subject.push({ '2.5.4.4': [{ utf8String: options.surname }] });
  if (options.givenName) subject.push({ '2.5.4.42': [{ utf8String: options.givenName }] });
  subject.push({ CN: [{ utf8String: options.commonName }] });
  if (options.serialNumberAttribute) subject.push({ '2.5.4.5': [{ printableString: options.serialNumberAttribute }] });

  const cert = await x509.X509CertificateGenerator.create(
    {
      serialNumber: randomSerial(),
      subject: new x509.Name(subject),
      issuer: ca.cert.subjectName,
      notBefore: options.notBefore ?? new Date(now - DAY),
      notAfter: options.notAfter ?? new Date(now + 365 * DAY),
      publicKey: keys.publicKey,
      signingKey: ca.privateKey,
      signingAlgorithm: ca.signingAlgorithm,
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true),
        new x509.KeyUsagesExtension(
          options.keyUsage ?? x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation,
          true,
        ),
        await x509.SubjectKeyIdentifierExtension.create(keys.publicKey, false, peculiarCrypto),
        await x509.AuthorityKeyIdentifierExtension.create(ca.cert, false, peculiarCrypto),
      ],
    },
    peculiarCrypto,
  );
  return { certPem: cert.toString('pem') + '\n', keyPem: await privateKeyPem(keys.privateKey), cert };
}

/** A CRL from the demo CA listing the given certificates (valid 30 days). */
export async function createDemoCrl(ca: DemoCa, revoked: readonly (string | x509.X509Certificate)[]): Promise<string> {
  const now = Date.now();
  const crl = await x509.X509CrlGenerator.create(
    {
      issuer: ca.cert.subjectName,
      thisUpdate: new Date(now - 60_000),
      nextUpdate: new Date(now + 30 * DAY),
      entries: revoked.map((c) => ({
        serialNumber: (typeof c === 'string' ? new x509.X509Certificate(c) : c).serialNumber,
        revocationDate: new Date(now - 60_000),
        reason: x509.X509CrlReason.keyCompromise,
      })),
      signingKey: ca.privateKey,
      signingAlgorithm: ca.signingAlgorithm,
    },
    peculiarCrypto,
  );
  // The label OpenSSL expects ("X509 CRL"; @peculiar/x509 would write "CRL").
  return toPem('X509 CRL', crl.rawData);
}

// ---------------------------------------------------------------------------------------------
// Signing (what the citizen's signing software does)

const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha256WithRSA: '1.2.840.113549.1.1.11',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  ecdsaWithSha384: '1.2.840.10045.4.3.3',
} as const;

/**
 * Signs `challenge` (its UTF-8 bytes) as CMS SignedData with signed attributes (contentType,
 * signingTime, messageDigest) and the signer certificate; returns PEM ("-----BEGIN CMS-----").
 * Detached leaves the content out, as most browser signing plug-ins do. Synchronous (node's
 * crypto.sign), so a CLI can call it directly. RSA keys sign PKCS#1 v1.5 with SHA-256, EC keys
 * ECDSA with SHA-256 (P-256) or SHA-384 (P-384).
 */
export function signChallenge(
  challenge: string,
  keyPem: string,
  certPem: string,
  options: { detached?: boolean; signingTime?: Date } = {},
): string {
  const key = createPrivateKey(keyPem);
  const alg = demoAlgorithmOf(key);
  const hash = alg === 'EC-P384' ? 'sha384' : 'sha256';
  const hashOid = hash === 'sha384' ? OID.sha384 : OID.sha256;
  const sigOid = alg === 'RSA' ? OID.sha256WithRSA : alg === 'EC-P256' ? OID.ecdsaWithSha256 : OID.ecdsaWithSha384;

  const cert = AsnConvert.parse(new x509.X509Certificate(certPem).rawData, asnX509.Certificate);
  const content = Buffer.from(challenge, 'utf8');
  const digest = createHash(hash).update(content).digest();

  const attribute = (attrType: string, value: object) =>
    new asnCms.Attribute({ attrType, attrValues: [AsnConvert.serialize(value)] });
  const attributes = [
    attribute(OID.contentType, new asnPkcs9.ContentType(OID.data)),
    attribute(OID.signingTime, new asnPkcs9.SigningTime(options.signingTime ?? new Date())),
    attribute(OID.messageDigest, new OctetString(digest)),
  ];
  // DER orders a SET OF by encoding; verifiers such as OpenSSL re-encode the set before checking.
  const encoded = (a: asnCms.Attribute) => Buffer.from(AsnConvert.serialize(a));
  attributes.sort((a, b) => Buffer.compare(encoded(a), encoded(b)));
  const signedAttrsDer = encodeTlv(0x31, Buffer.concat(attributes.map(encoded)));
  // ECDSA signatures from node are DER (r, s) as CMS wants; RSA is PKCS#1 v1.5 by default.
  const signature = nodeSign(hash, signedAttrsDer, key);

  const NULL = new Uint8Array([0x05, 0x00]).buffer;
  const digestAlgorithm = new asnCms.DigestAlgorithmIdentifier({ algorithm: hashOid });
  const signedData = new asnCms.SignedData({
    version: asnCms.CMSVersion.v1,
    digestAlgorithms: new asnCms.DigestAlgorithmIdentifiers([digestAlgorithm]),
    encapContentInfo: new asnCms.EncapsulatedContentInfo({
      eContentType: OID.data,
      eContent: options.detached ? undefined : new asnCms.EncapsulatedContent({ single: new OctetString(content) }),
    }),
    certificates: new asnCms.CertificateSet([new asnCms.CertificateChoices({ certificate: cert })]),
    signerInfos: new asnCms.SignerInfos([
      new asnCms.SignerInfo({
        version: asnCms.CMSVersion.v1,
        sid: new asnCms.SignerIdentifier({
          issuerAndSerialNumber: new asnCms.IssuerAndSerialNumber({
            issuer: cert.tbsCertificate.issuer,
            serialNumber: cert.tbsCertificate.serialNumber,
          }),
        }),
        digestAlgorithm,
        signedAttrs: attributes,
        // RFC 4055: sha*WithRSAEncryption takes NULL parameters; ECDSA takes none.
        signatureAlgorithm: new asnCms.SignatureAlgorithmIdentifier({
          algorithm: sigOid,
          parameters: alg === 'RSA' ? NULL : undefined,
        }),
        signature: new OctetString(signature),
      }),
    ]),
  });
  const contentInfo = new asnCms.ContentInfo({ contentType: OID.signedData, content: AsnConvert.serialize(signedData) });
  return toPem('CMS', AsnConvert.serialize(contentInfo));
}

// ---------------------------------------------------------------------------------------------
// Files for the development environment

/** Fictitious PINs of the demo people (valid by the PIN rules; not real persons). */
export const DEMO_PINS = {
  citizenRsa: '21505198800123', // male, born 15.05.1988
  citizenEc: '11203199500456', // female, born 12.03.1995
  staff: '20101198000789', // male, born 01.01.1980
  revoked: '13007199000321', // female, born 30.07.1990
} as const;

export interface DemoPkiPaths {
  dir: string;
  ca: string;
  caKey: string;
  citizenRsa: string;
  citizenRsaKey: string;
  citizenEc: string;
  citizenEcKey: string;
  staff: string;
  staffKey: string;
  /** A citizen certificate listed in crl.pem, to demonstrate the REVOKED refusal. */
  revoked: string;
  revokedKey: string;
  crl: string;
}

/**
 * Writes a complete demo PKI into `dir` (created if missing): ca.pem, ca-key.pem,
 * citizen-rsa.pem, citizen-rsa-key.pem, citizen-ec.pem, citizen-ec-key.pem, staff.pem,
 * staff-key.pem, citizen-revoked.pem, citizen-revoked-key.pem and crl.pem (revoking the latter).
 */
export async function writeDemoPki(dir: string): Promise<DemoPkiPaths> {
  await mkdir(dir, { recursive: true });
  const ca = await createDemoCa('RSA');
  const citizenRsa = await issueDemoCertificate(ca, {
    commonName: 'Асанов Бакыт (DEMO)',
    surname: 'Асанов',
    givenName: 'Бакыт',
    serialNumberAttribute: DEMO_PINS.citizenRsa,
    keyAlgorithm: 'RSA',
  });
  const citizenEc = await issueDemoCertificate(ca, {
    commonName: 'Токтогулова Айгүл (DEMO)',
    surname: 'Токтогулова',
    givenName: 'Айгүл',
    serialNumberAttribute: `PNOKG-${DEMO_PINS.citizenEc}`,
    keyAlgorithm: 'EC-P256',
  });
  const staff = await issueDemoCertificate(ca, {
    commonName: 'Officer Demo (DEMO)',
    surname: 'Demo',
    givenName: 'Officer',
    serialNumberAttribute: DEMO_PINS.staff,
    organization: 'Ministry of Labour, Social Security and Migration (DEMO)',
    keyAlgorithm: 'EC-P256',
  });
  const revoked = await issueDemoCertificate(ca, {
    commonName: 'Revoked Citizen (DEMO)',
    serialNumberAttribute: DEMO_PINS.revoked,
    keyAlgorithm: 'RSA',
  });
  const crl = await createDemoCrl(ca, [revoked.cert]);

  const file = (name: string) => path.join(dir, name);
  const paths: DemoPkiPaths = {
    dir,
    ca: file('ca.pem'),
    caKey: file('ca-key.pem'),
    citizenRsa: file('citizen-rsa.pem'),
    citizenRsaKey: file('citizen-rsa-key.pem'),
    citizenEc: file('citizen-ec.pem'),
    citizenEcKey: file('citizen-ec-key.pem'),
    staff: file('staff.pem'),
    staffKey: file('staff-key.pem'),
    revoked: file('citizen-revoked.pem'),
    revokedKey: file('citizen-revoked-key.pem'),
    crl: file('crl.pem'),
  };
  const writes: [string, string][] = [
    [paths.ca, ca.certPem],
    [paths.caKey, ca.keyPem],
    [paths.citizenRsa, citizenRsa.certPem],
    [paths.citizenRsaKey, citizenRsa.keyPem],
    [paths.citizenEc, citizenEc.certPem],
    [paths.citizenEcKey, citizenEc.keyPem],
    [paths.staff, staff.certPem],
    [paths.staffKey, staff.keyPem],
    [paths.revoked, revoked.certPem],
    [paths.revokedKey, revoked.keyPem],
    [paths.crl, crl],
  ];
  for (const [p, text] of writes) {
    // Private keys readable by the owner only, even for demo keys: habits carry over.
    await writeFile(p, text, { mode: p.endsWith('-key.pem') ? 0o600 : 0o644 });
  }
  return paths;
}
