/**
 * Digital-signature sign-in: certificates, CRLs and signatures are made by the OpenSSL CLI in a
 * temporary directory (so we test against a real, independent CMS implementation), and some by the
 * pure-JS demo PKI (@peculiar/x509, @peculiar/asn1-cms, node crypto). Keys are generated once in beforeAll.
 */
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import * as asnCms from '@peculiar/asn1-cms';
import * as asnPkcs9 from '@peculiar/asn1-pkcs9';
import {
  SignatureError,
  type SignatureRefusal,
  pinFromCertificate,
  validatePin,
  verifySignIn,
  createSignInVerifier,
} from '../src/signature';
import {
  DEMO_CA_NAME,
  DEMO_PINS,
  createDemoCa,
  issueDemoCertificate,
  signChallenge,
  writeDemoPki,
} from '../src/signature/demo-ca';

const CONFIG = path.join(__dirname, 'fixtures', 'openssl-test-ca.cnf');
const CHALLENGE = 'kg-migration-signin:6f1c2a9e-4b7d-4c1e-9a53-2f0e8d7b1c44:2026-01-15T10:00:00Z';
const OTHER_CHALLENGE = 'kg-migration-signin:00000000-0000-0000-0000-000000000000:2026-01-15T10:00:00Z';

// Valid PINs used below (fictitious people).
const PIN_RSA = '21505198800123';
const PIN_EC = '11203199500456';

let dir: string;

function openssl(args: string[], opts: { cadir?: string; input?: string } = {}): Buffer {
  return execFileSync('openssl', args, {
    env: { ...process.env, OPENSSL_CONF: CONFIG, CADIR: opts.cadir ?? '' },
    input: opts.input,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

const file = (name: string) => path.join(dir, name);
const read = (name: string) => readFileSync(file(name), 'utf8');

type KeyType = 'rsa' | 'ec256' | 'ec384';

function genKey(name: string, type: KeyType): string {
  const out = file(`${name}.key`);
  const opts =
    type === 'rsa'
      ? ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048']
      : ['-algorithm', 'EC', '-pkeyopt', `ec_paramgen_curve:${type === 'ec256' ? 'P-256' : 'P-384'}`];
  openssl(['genpkey', ...opts, '-out', out]);
  return out;
}

/** A self-signed root CA with its own `openssl ca` working directory. */
function makeRoot(name: string, subject: string, type: KeyType = 'rsa'): string {
  const cadir = file(name);
  mkdirSync(path.join(cadir, 'newcerts'), { recursive: true });
  writeFileSync(path.join(cadir, 'index.txt'), '');
  writeFileSync(path.join(cadir, 'serial'), randomBytes(8).toString('hex').replace(/^./, '1') + '\n');
  writeFileSync(path.join(cadir, 'crlnumber'), '01\n');
  const key = genKey(`${name}/ca`, type);
  openssl(['req', '-x509', '-new', '-utf8', '-key', key, '-subj', subject, '-days', '3650', '-extensions', 'v3_root', '-out', path.join(cadir, 'ca.pem')]);
  return cadir;
}

interface IssueOptions {
  ca: string;
  subject: string;
  key?: KeyType;
  /** Reuse an existing key file instead of generating one (to renew or to make a PSS signer). */
  keyFile?: string;
  ext?: string;
  startdate?: string;
  enddate?: string;
}

/** Issues a certificate from an `openssl ca` directory; returns the base name (name.pem, name.key). */
function issue(name: string, o: IssueOptions): string {
  const key = o.keyFile ?? genKey(name, o.key ?? 'ec256');
  if (o.keyFile) writeFileSync(file(`${name}.key`), readFileSync(o.keyFile));
  openssl(['req', '-new', '-utf8', '-key', key, '-subj', o.subject, '-out', file(`${name}.csr`)]);
  const dates = [
    ...(o.startdate ? ['-startdate', o.startdate] : []),
    ...(o.enddate ? ['-enddate', o.enddate] : ['-days', '365']),
  ];
  openssl(
    ['ca', '-batch', '-utf8', '-notext', '-in', file(`${name}.csr`), '-out', file(`${name}.pem`), '-extensions', o.ext ?? 'v3_citizen', ...dates],
    { cadir: o.ca },
  );
  return name;
}

/** Turns a CA's working directory into a sub-CA issued by `parent` (cert and key replaced). */
function makeSubCa(name: string, parent: string, subject: string, ext: string, type: KeyType = 'ec384'): string {
  const cadir = file(name);
  mkdirSync(path.join(cadir, 'newcerts'), { recursive: true });
  writeFileSync(path.join(cadir, 'index.txt'), '');
  writeFileSync(path.join(cadir, 'serial'), randomBytes(8).toString('hex').replace(/^./, '2') + '\n');
  writeFileSync(path.join(cadir, 'crlnumber'), '01\n');
  issue(`${name}/ca`, { ca: parent, subject, key: type, ext });
  return cadir;
}

interface SignOptions {
  detached?: boolean;
  noattr?: boolean;
  pss?: boolean;
  md?: 'sha1' | 'sha256' | 'sha384';
  certfile?: string[];
  nocerts?: boolean;
  /** Identify the signer by subjectKeyIdentifier instead of issuer and serial number. */
  keyid?: boolean;
  /** 'cms' = openssl cms (BEGIN CMS), 'pkcs7' = openssl smime (BEGIN PKCS7). */
  tool?: 'cms' | 'pkcs7';
  /** 'pem' (default) or 'b64' = base64 of the DER with line breaks and stray whitespace. */
  form?: 'pem' | 'b64';
  content?: string;
}

function sign(signer: string, o: SignOptions = {}): string {
  const msg = file(`msg-${randomBytes(4).toString('hex')}.txt`);
  writeFileSync(msg, o.content ?? CHALLENGE);
  const out = `${msg}.sig`;
  const args = [
    o.tool === 'pkcs7' ? 'smime' : 'cms',
    '-sign',
    '-binary',
    '-in', msg,
    '-signer', file(`${signer}.pem`),
    '-inkey', file(`${signer}.key`),
    '-md', o.md ?? 'sha256',
    '-outform', o.form === 'b64' ? 'DER' : 'PEM',
    '-out', out,
  ];
  if (!o.detached) args.push('-nodetach');
  if (o.noattr) args.push('-noattr');
  if (o.pss) args.push('-keyopt', 'rsa_padding_mode:pss');
  if (o.nocerts) args.push('-nocerts');
  if (o.keyid) args.push('-keyid');
  if (o.certfile) {
    const bundle = `${msg}.chain.pem`;
    writeFileSync(bundle, o.certfile.map((c) => read(`${c}.pem`)).join(''));
    args.push('-certfile', bundle);
  }
  openssl(args);
  if (o.form === 'b64') {
    const b64 = readFileSync(out).toString('base64');
    return '  ' + b64.replace(/.{1,76}/g, '$&\r\n') + '\n ';
  }
  return readFileSync(out, 'utf8');
}

let rootPem: string;
let crlPem: string;
let crlDer: Buffer;

async function expectRefusal(promise: Promise<unknown>, reason: SignatureRefusal): Promise<void> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SignatureError);
  expect((err as SignatureError).reason).toBe(reason);
}

/** Verifies with the test root trusted and the root CRL loaded unless told otherwise. */
function verify(signature: string, extra: { trustedCas?: string[]; crls?: (string | Buffer)[]; now?: Date; challenge?: string } = {}) {
  return verifySignIn({
    challenge: extra.challenge ?? CHALLENGE,
    signature,
    trustedCas: extra.trustedCas ?? [rootPem],
    crls: extra.crls ?? [crlPem],
    now: extra.now,
  });
}

const citizen = (pinValue: string, cn = 'Асанов Бакыт', extra = '/SN=Асанов/GN=Бакыт') =>
  `/C=KG${extra}/CN=${cn}/serialNumber=${pinValue}`;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'kg-signature-'));

  // --- trusted root, an intermediate under it, and CAs that must not be trusted
  const root = makeRoot('root', '/C=KG/O=Test State PKI/CN=Test Root CA');
  const inter = makeSubCa('inter', root, '/C=KG/O=Test State PKI/CN=Test Issuing CA', 'v3_inter', 'ec384');
  const other = makeRoot('other', '/C=KG/O=Somebody Else/CN=Unknown CA', 'ec256');
  // Same name as the trusted root, different key: an impostor.
  const evil = makeRoot('evil', '/C=KG/O=Test State PKI/CN=Test Root CA', 'ec256');
  const notCa = makeSubCa('notca', root, '/C=KG/O=Test State PKI/CN=Not A CA', 'v3_not_ca', 'ec256');
  const noCertSign = makeSubCa('nocertsign', root, '/C=KG/O=Test State PKI/CN=CA Without keyCertSign', 'v3_inter_no_certsign', 'ec256');
  // pathlen:0 on "inter" forbids a further CA below it.
  const subInter = makeSubCa('subinter', inter, '/C=KG/O=Test State PKI/CN=Too Deep CA', 'v3_inter', 'ec256');
  // A second intermediate that the root then revokes.
  const revokedInter = makeSubCa('revinter', root, '/C=KG/O=Test State PKI/CN=Revoked Issuing CA', 'v3_inter', 'ec256');

  // --- citizens
  issue('rsa', { ca: root, subject: citizen(PIN_RSA), key: 'rsa' });
  issue('ec256', { ca: root, subject: citizen(`PNOKG-${PIN_EC}`, 'Токтогулова Айгүл', '/SN=Токтогулова/GN=Айгүл'), key: 'ec256' });
  issue('ec384', { ca: root, subject: citizen(`INN${PIN_EC}`, 'Токтогулова Айгүл', ''), key: 'ec384' });
  issue('viainter', { ca: inter, subject: citizen(`IIN${PIN_RSA}`), key: 'ec256' });
  issue('expired', { ca: root, subject: citizen(PIN_RSA), startdate: '20200101000000Z', enddate: '20210101000000Z' });
  issue('notyet', { ca: root, subject: citizen(PIN_RSA), startdate: '20900101000000Z', enddate: '20910101000000Z' });
  issue('unknown', { ca: other, subject: citizen(PIN_RSA) });
  issue('impostor', { ca: evil, subject: citizen(PIN_RSA) });
  issue('revoked', { ca: root, subject: citizen(PIN_RSA) });
  issue('encipherment', { ca: root, subject: citizen(PIN_RSA), key: 'rsa', ext: 'v3_citizen_encipherment' });
  issue('noku', { ca: root, subject: citizen(PIN_RSA), ext: 'v3_citizen_no_ku' });
  issue('vianotca', { ca: notCa, subject: citizen(PIN_RSA) });
  issue('vianocertsign', { ca: noCertSign, subject: citizen(PIN_RSA) });
  issue('toodeep', { ca: subInter, subject: citizen(PIN_RSA) });
  issue('viarevinter', { ca: revokedInter, subject: citizen(PIN_RSA) });
  issue('pin13', { ca: root, subject: citizen('2150519880012') });
  issue('pinbaddate', { ca: root, subject: citizen('23102199012345') }); // 31.02.1990
  issue('pinbadsex', { ca: root, subject: citizen('31505198800123') });
  issue('nopin', { ca: root, subject: '/C=KG/CN=Асанов Бакыт' });
  issue('passport', { ca: root, subject: citizen('PASKG-21505198800123') });
  // Renewal: new key, same person.
  issue('renewed', { ca: root, subject: citizen(PIN_RSA), key: 'rsa' });

  // --- CRLs: the root revokes "revoked" and the intermediate "revinter".
  openssl(['ca', '-revoke', file('revoked.pem')], { cadir: root });
  openssl(['ca', '-revoke', file('revinter/ca.pem')], { cadir: root });
  openssl(['ca', '-gencrl', '-out', file('root-crl.pem')], { cadir: root });
  crlPem = read('root-crl.pem');
  crlDer = openssl(['crl', '-in', file('root-crl.pem'), '-outform', 'DER']);
  // The impostor (same name as the root) and an unrelated CA both "revoke" the good RSA citizen.
  openssl(['ca', '-revoke', file('rsa.pem')], { cadir: evil });
  openssl(['ca', '-gencrl', '-out', file('evil-crl.pem')], { cadir: evil });
  openssl(['ca', '-revoke', file('rsa.pem')], { cadir: other });
  openssl(['ca', '-gencrl', '-out', file('other-crl.pem')], { cadir: other });

  rootPem = read('root/ca.pem');
});

afterAll(() => {
  if (dir && existsSync(dir)) rmSync(dir, { recursive: true, force: true });
});

// -------------------------------------------------------------------------------------------------

describe('validatePin (strict, for typed input)', () => {
  const now = new Date('2026-01-15T12:00:00Z');

  it('accepts a well-formed PIN and returns sex and birth date', () => {
    expect(validatePin('21505198800123', now)).toEqual({ ok: true, sex: 'M', birthDate: '1988-05-15' });
    expect(validatePin('11203199500456', now)).toEqual({ ok: true, sex: 'F', birthDate: '1995-03-12' });
    expect(validatePin('12902200000001', now)).toEqual({ ok: true, sex: 'F', birthDate: '2000-02-29' });
  });

  it('refuses with a precise reason', () => {
    expect(validatePin('2150519880012', now)).toEqual({ ok: false, reason: 'LENGTH' });
    expect(validatePin('215051988001234', now)).toEqual({ ok: false, reason: 'LENGTH' });
    expect(validatePin(' 2150519880012', now)).toEqual({ ok: false, reason: 'DIGITS' });
    expect(validatePin('2150519880012a', now)).toEqual({ ok: false, reason: 'DIGITS' });
    expect(validatePin('31505198800123', now)).toEqual({ ok: false, reason: 'SEX' });
    expect(validatePin('01505198800123', now)).toEqual({ ok: false, reason: 'SEX' });
    expect(validatePin('23102199012345', now)).toEqual({ ok: false, reason: 'DATE' }); // 31 February
    expect(validatePin('12902190000001', now)).toEqual({ ok: false, reason: 'DATE' }); // 1900 not leap
    expect(validatePin('20013199000001', now)).toEqual({ ok: false, reason: 'DATE' }); // month 13
    expect(validatePin('20001199000001', now)).toEqual({ ok: false, reason: 'DATE' }); // day 00
    expect(validatePin('20101189900001', now)).toEqual({ ok: false, reason: 'DATE' }); // before 1900
    expect(validatePin('21601202600001', now)).toEqual({ ok: false, reason: 'FUTURE' }); // 16.01.2026
  });

  it('judges "future" by the calendar date in Bishkek (UTC+6)', () => {
    // 20:00 UTC on 15 January is already 16 January in Bishkek: a baby born that day is valid.
    expect(validatePin('21601202600001', new Date('2026-01-15T20:00:00Z')).ok).toBe(true);
  });
});

describe('pinFromCertificate (lenient, for trusted certificates)', () => {
  it('strips a non-digit prefix', () => {
    for (const v of [PIN_RSA, `PIN${PIN_RSA}`, `INN ${PIN_RSA}`, `IIN${PIN_RSA}`, `PNOKG-${PIN_RSA}`, `TINKG-${PIN_RSA}`]) {
      expect(pinFromCertificate(v)).toEqual({ pin: PIN_RSA });
    }
  });

  it('flags a 14-digit PIN whose date or sex digit does not parse, refuses anything else', () => {
    expect(pinFromCertificate('23102199012345')).toEqual({ pin: '23102199012345', pinFlag: 'DATE_UNPARSEABLE' });
    expect(pinFromCertificate('31505198800123')).toEqual({ pin: '31505198800123', pinFlag: 'DATE_UNPARSEABLE' });
    expect(pinFromCertificate('2150519880012')).toBeNull();
    expect(pinFromCertificate('215051988001234')).toBeNull();
    expect(pinFromCertificate('2150519880-0123')).toBeNull();
    expect(pinFromCertificate(`PASKG-${PIN_RSA}`)).toBeNull();
    expect(pinFromCertificate(`IDCKG-${PIN_RSA}`)).toBeNull();
  });
});

describe('verifySignIn: good signatures (OpenSSL)', () => {
  it('RSA PKCS#1 v1.5, attached, CMS PEM: returns the identity', async () => {
    const id = await verify(sign('rsa'));
    const fp = openssl(['x509', '-in', file('rsa.pem'), '-noout', '-fingerprint', '-sha256']).toString();
    const serial = openssl(['x509', '-in', file('rsa.pem'), '-noout', '-serial']).toString();
    const end = openssl(['x509', '-in', file('rsa.pem'), '-noout', '-enddate']).toString();
    expect(id).toEqual({
      pin: PIN_RSA,
      commonName: 'Асанов Бакыт',
      givenName: 'Бакыт',
      surname: 'Асанов',
      certificateSerial: serial.trim().replace('serial=', ''),
      certificateFingerprint: fp.trim().split('=')[1].replace(/:/g, '').toLowerCase(),
      issuer: expect.stringContaining('CN=Test Root CA'),
      notAfter: new Date(end.trim().replace('notAfter=', '')),
    });
    expect(id.pinFlag).toBeUndefined();
  });

  it('RSA PKCS#1 v1.5, detached, base64 DER with whitespace', async () => {
    const id = await verify(sign('rsa', { detached: true, form: 'b64' }));
    expect(id.pin).toBe(PIN_RSA);
  });

  it('RSA-PSS, attached and detached', async () => {
    const attached = sign('rsa', { pss: true });
    // Make sure OpenSSL really produced RSASSA-PSS (1.2.840.113549.1.1.10) and not PKCS#1 v1.5.
    expect(signerAlgorithm(attached)).toBe('1.2.840.113549.1.1.10');
    expect((await verify(attached)).pin).toBe(PIN_RSA);
    expect((await verify(sign('rsa', { pss: true, detached: true, form: 'b64' }))).pin).toBe(PIN_RSA);
  });

  it('ECDSA P-256, attached and detached; PIN with ETSI prefix PNOKG-', async () => {
    const a = await verify(sign('ec256'));
    expect(a).toMatchObject({ pin: PIN_EC, commonName: 'Токтогулова Айгүл', givenName: 'Айгүл', surname: 'Токтогулова' });
    expect((await verify(sign('ec256', { detached: true }))).pin).toBe(PIN_EC);
  });

  it('ECDSA P-384 with SHA-384, attached and detached; PIN with prefix INN', async () => {
    const a = await verify(sign('ec384', { md: 'sha384' }));
    expect(a.pin).toBe(PIN_EC);
    expect(a.givenName).toBeUndefined();
    expect((await verify(sign('ec384', { md: 'sha384', detached: true, form: 'b64' }))).pin).toBe(PIN_EC);
  });

  it('without signed attributes (RSA and ECDSA, attached and detached)', async () => {
    for (const signer of ['rsa', 'ec256']) {
      expect((await verify(sign(signer, { noattr: true }))).pin).toBeDefined();
      expect((await verify(sign(signer, { noattr: true, detached: true }))).pin).toBeDefined();
    }
  });

  it('signer identified by subjectKeyIdentifier (openssl cms -keyid)', async () => {
    const sig = sign('ec256', { keyid: true, certfile: ['rsa'] });
    expect(parseCms(sig).signerInfos[0].sid.subjectKeyIdentifier).toBeDefined();
    expect((await verify(sig)).pin).toBe(PIN_EC);
  });

  it('PKCS#7 PEM (BEGIN PKCS7) from openssl smime', async () => {
    const sig = sign('rsa', { tool: 'pkcs7' });
    expect(sig).toContain('-----BEGIN PKCS7-----');
    expect((await verify(sig)).pin).toBe(PIN_RSA);
  });

  it('via an intermediate CA carried in the CMS certificates', async () => {
    const id = await verify(sign('viainter', { certfile: ['inter/ca'] }));
    expect(id.pin).toBe(PIN_RSA);
    expect(id.issuer).toContain('CN=Test Issuing CA');
  });

  it('with the intermediate itself configured as the trust anchor', async () => {
    expect((await verify(sign('viainter'), { trustedCas: [read('inter/ca.pem')], crls: [] })).pin).toBe(PIN_RSA);
  });

  it('a trusted bundle with several CAs in one PEM string', async () => {
    const bundle = read('other/ca.pem') + rootPem;
    expect((await verify(sign('rsa'), { trustedCas: [bundle] })).pin).toBe(PIN_RSA);
  });

  it('renewed certificate (new key, same PIN) yields the same PIN', async () => {
    const first = await verify(sign('rsa'));
    const renewed = await verify(sign('renewed'));
    expect(renewed.pin).toBe(first.pin);
    expect(renewed.certificateFingerprint).not.toBe(first.certificateFingerprint);
    expect(renewed.certificateSerial).not.toBe(first.certificateSerial);
  });

  it('a certificate without a keyUsage extension is not restricted', async () => {
    expect((await verify(sign('noku'))).pin).toBe(PIN_RSA);
  });

  it('createSignInVerifier reuses parsed trust material', async () => {
    const verifier = createSignInVerifier({ trustedCas: [rootPem], crls: [crlPem] });
    expect((await verifier({ challenge: CHALLENGE, signature: sign('ec256') })).pin).toBe(PIN_EC);
    await expectRefusal(verifier({ challenge: CHALLENGE, signature: sign('revoked') }), 'REVOKED');
  });
});

describe('verifySignIn: refusals', () => {
  it('WRONG_SIGNATURE: attached content is a different challenge', async () => {
    await expectRefusal(verify(sign('rsa', { content: OTHER_CHALLENGE })), 'WRONG_SIGNATURE');
    await expectRefusal(verify(sign('ec256', { content: OTHER_CHALLENGE, noattr: true })), 'WRONG_SIGNATURE');
  });

  it('WRONG_SIGNATURE: detached signature over a different challenge', async () => {
    await expectRefusal(verify(sign('rsa', { content: OTHER_CHALLENGE, detached: true })), 'WRONG_SIGNATURE');
    await expectRefusal(verify(sign('ec384', { md: 'sha384', content: OTHER_CHALLENGE, detached: true, noattr: true })), 'WRONG_SIGNATURE');
    await expectRefusal(verify(sign('rsa', { pss: true, content: OTHER_CHALLENGE, detached: true })), 'WRONG_SIGNATURE');
  });

  it('WRONG_SIGNATURE: content swapped for the challenge after signing (messageDigest mismatch)', async () => {
    const withAttrs = replaceContent(sign('rsa', { content: OTHER_CHALLENGE }), CHALLENGE);
    await expectRefusal(verify(withAttrs), 'WRONG_SIGNATURE');
    const withoutAttrs = replaceContent(sign('ec256', { content: OTHER_CHALLENGE, noattr: true }), CHALLENGE);
    await expectRefusal(verify(withoutAttrs), 'WRONG_SIGNATURE');
  });

  it('WRONG_SIGNATURE: a flipped bit in the signature value', async () => {
    await expectRefusal(verify(corruptSignatureValue(sign('rsa'))), 'WRONG_SIGNATURE');
    await expectRefusal(verify(corruptSignatureValue(sign('rsa', { noattr: true, detached: true }))), 'WRONG_SIGNATURE');
  });

  it('MALFORMED_SIGNATURE: not CMS at all', async () => {
    await expectRefusal(verify(''), 'MALFORMED_SIGNATURE');
    await expectRefusal(verify('not a signature!'), 'MALFORMED_SIGNATURE');
    await expectRefusal(verify(randomBytes(300).toString('base64')), 'MALFORMED_SIGNATURE');
    await expectRefusal(verify(read('rsa.pem')), 'MALFORMED_SIGNATURE'); // a certificate, not a signature
    const der = Buffer.from(sign('rsa', { form: 'b64' }).replace(/\s+/g, ''), 'base64');
    await expectRefusal(verify(der.subarray(0, der.length - 10).toString('base64')), 'MALFORMED_SIGNATURE');
  });

  it('MALFORMED_SIGNATURE: trailing bytes, two signers, contentType attribute not id-data', async () => {
    const der = cmsDer(sign('rsa'));
    await expectRefusal(verify(Buffer.concat([der, Buffer.from([0x05, 0x00])]).toString('base64')), 'MALFORMED_SIGNATURE');

    const twoSigners = parseCms(sign('rsa'));
    twoSigners.signerInfos = new asnCms.SignerInfos([twoSigners.signerInfos[0], twoSigners.signerInfos[0]]);
    await expectRefusal(verify(toPem(twoSigners)), 'MALFORMED_SIGNATURE');

    const wrongType = parseCms(sign('rsa'));
    const attr = wrongType.signerInfos[0].signedAttrs!.find((a) => a.attrType === '1.2.840.113549.1.9.3')!;
    attr.attrValues = [AsnConvert.serialize(new asnPkcs9.ContentType('1.2.840.113549.1.7.2'))];
    await expectRefusal(verify(toPem(wrongType)), 'MALFORMED_SIGNATURE');

    // A CMS stuffed with certificates (an attack on chain building) is refused before the search.
    const many = ['ec256', 'ec384', 'viainter', 'expired', 'notyet', 'unknown', 'impostor', 'revoked', 'encipherment', 'noku', 'vianotca',
      'vianocertsign', 'toodeep', 'viarevinter', 'pin13', 'pinbaddate', 'pinbadsex', 'nopin', 'passport', 'renewed', 'inter/ca'];
    await expectRefusal(verify(sign('rsa', { certfile: many })), 'MALFORMED_SIGNATURE');
    expect((await verify(sign('rsa', { certfile: many.slice(0, 10) }))).pin).toBe(PIN_RSA);
  });

  it('SHA-1 signatures are refused unless allowSha1 is configured', async () => {
    for (const noattr of [false, true]) {
      const sig = sign('rsa', { md: 'sha1', noattr });
      await expectRefusal(verify(sig), 'MALFORMED_SIGNATURE');
      const id = await verifySignIn({ challenge: CHALLENGE, signature: sig, trustedCas: [rootPem], crls: [], allowSha1: true });
      expect(id.pin).toBe(PIN_RSA);
    }
  });

  it('MALFORMED_SIGNATURE: signer certificate not included', async () => {
    await expectRefusal(verify(sign('rsa', { nocerts: true })), 'MALFORMED_SIGNATURE');
  });

  it('UNKNOWN_ISSUER: issued by a CA that is not trusted', async () => {
    await expectRefusal(verify(sign('unknown')), 'UNKNOWN_ISSUER');
    // Carrying its own root in the CMS does not make it trusted.
    await expectRefusal(verify(sign('unknown', { certfile: ['other/ca'] })), 'UNKNOWN_ISSUER');
  });

  it('UNKNOWN_ISSUER: issued by an impostor CA with the trusted CA\'s name', async () => {
    await expectRefusal(verify(sign('impostor', { certfile: ['evil/ca'] })), 'UNKNOWN_ISSUER');
  });

  it('UNKNOWN_ISSUER: intermediate needed but not carried', async () => {
    await expectRefusal(verify(sign('viainter')), 'UNKNOWN_ISSUER');
  });

  it('CERTIFICATE_EXPIRED and CERTIFICATE_NOT_YET_VALID', async () => {
    await expectRefusal(verify(sign('expired')), 'CERTIFICATE_EXPIRED');
    await expectRefusal(verify(sign('notyet')), 'CERTIFICATE_NOT_YET_VALID');
  });

  it('checks validity at the given time', async () => {
    const sig = sign('rsa');
    await expectRefusal(verify(sig, { now: new Date('2099-01-01T00:00:00Z') }), 'CERTIFICATE_EXPIRED');
    await expectRefusal(verify(sig, { now: new Date('2001-01-01T00:00:00Z') }), 'CERTIFICATE_NOT_YET_VALID');
  });

  it('KEY_USAGE: certificate for key encipherment only', async () => {
    await expectRefusal(verify(sign('encipherment')), 'KEY_USAGE');
  });

  it('KEY_USAGE: issuer is not a CA (basicConstraints CA:FALSE)', async () => {
    await expectRefusal(verify(sign('vianotca', { certfile: ['notca/ca'] })), 'KEY_USAGE');
  });

  it('KEY_USAGE: issuer CA lacks keyCertSign', async () => {
    await expectRefusal(verify(sign('vianocertsign', { certfile: ['nocertsign/ca'] })), 'KEY_USAGE');
  });

  it('KEY_USAGE: path length constraint of the intermediate exceeded', async () => {
    await expectRefusal(verify(sign('toodeep', { certfile: ['subinter/ca', 'inter/ca'] })), 'KEY_USAGE');
  });

  it('REVOKED: serial listed in the issuer\'s CRL (PEM and DER); not revoked without that CRL', async () => {
    const sig = sign('revoked');
    await expectRefusal(verify(sig), 'REVOKED');
    await expectRefusal(verify(sig, { crls: [crlDer] }), 'REVOKED');
    expect((await verify(sig, { crls: [] })).pin).toBe(PIN_RSA);
  });

  it('REVOKED: the intermediate CA is revoked by the root', async () => {
    await expectRefusal(verify(sign('viarevinter', { certfile: ['revinter/ca'] })), 'REVOKED');
  });

  it('a CRL that does not list the certificate does not refuse it', async () => {
    expect((await verify(sign('rsa'), { crls: [crlPem, crlDer] })).pin).toBe(PIN_RSA);
  });

  it('CRLs not signed by the certificate\'s issuer are ignored', async () => {
    const sig = sign('rsa');
    // Sanity: both CRLs do list the RSA citizen's serial.
    const serial = openssl(['x509', '-in', file('rsa.pem'), '-noout', '-serial']).toString().trim().replace('serial=', '');
    for (const crl of ['evil-crl.pem', 'other-crl.pem']) {
      expect(openssl(['crl', '-in', file(crl), '-noout', '-text']).toString()).toContain(serial);
    }
    // Impostor with the same issuer name (signature does not verify) and an unrelated CA.
    expect((await verify(sig, { crls: [read('evil-crl.pem'), read('other-crl.pem')] })).pin).toBe(PIN_RSA);
  });

  it('NO_VALID_PIN: 13 digits, no serialNumber, or a passport number', async () => {
    await expectRefusal(verify(sign('pin13')), 'NO_VALID_PIN');
    await expectRefusal(verify(sign('nopin')), 'NO_VALID_PIN');
    await expectRefusal(verify(sign('passport')), 'NO_VALID_PIN');
  });

  it('a PIN whose date (or sex digit) does not parse is accepted and flagged', async () => {
    expect(await verify(sign('pinbaddate'))).toMatchObject({ pin: '23102199012345', pinFlag: 'DATE_UNPARSEABLE' });
    expect(await verify(sign('pinbadsex'))).toMatchObject({ pin: '31505198800123', pinFlag: 'DATE_UNPARSEABLE' });
  });

  it('refusal messages carry no personal data', async () => {
    const err = await verify(sign('pin13')).catch((e: Error) => e);
    expect(String((err as Error).message)).not.toMatch(/2150519880012|Асанов|Бакыт/);
  });

  it('an unreadable trust configuration is an operator error, not a refusal', async () => {
    const err = await verify(sign('rsa'), { trustedCas: ['garbage'] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(err).not.toBeInstanceOf(SignatureError);
    const err2 = await verify(sign('rsa'), { crls: [Buffer.from('garbage')] }).catch((e: unknown) => e);
    expect(err2).not.toBeInstanceOf(SignatureError);
  });
});

describe('demo PKI (@peculiar/x509 + asn1-cms, no OpenSSL)', () => {
  it('writes the files and signs challenges that verify (RSA and ECDSA, attached and detached)', async () => {
    const demoDir = path.join(dir, 'demo');
    const p = await writeDemoPki(demoDir);
    const ca = readFileSync(p.ca, 'utf8');
    const crl = readFileSync(p.crl, 'utf8');
    expect(openssl(['x509', '-in', p.ca, '-noout', '-subject']).toString()).toContain(DEMO_CA_NAME);

    const rsaSig = signChallenge(CHALLENGE, readFileSync(p.citizenRsaKey, 'utf8'), readFileSync(p.citizenRsa, 'utf8'));
    expect(rsaSig).toContain('-----BEGIN CMS-----');
    const rsa = await verifySignIn({ challenge: CHALLENGE, signature: rsaSig, trustedCas: [ca], crls: [crl] });
    expect(rsa).toMatchObject({ pin: DEMO_PINS.citizenRsa, givenName: 'Бакыт', surname: 'Асанов' });
    expect(rsa.issuer).toContain(DEMO_CA_NAME);

    const ecSig = signChallenge(CHALLENGE, readFileSync(p.citizenEcKey, 'utf8'), readFileSync(p.citizenEc, 'utf8'), { detached: true });
    expect((await verifySignIn({ challenge: CHALLENGE, signature: ecSig, trustedCas: [ca], crls: [crl] })).pin).toBe(DEMO_PINS.citizenEc);

    const staffSig = signChallenge(CHALLENGE, readFileSync(p.staffKey, 'utf8'), readFileSync(p.staff, 'utf8'));
    expect((await verifySignIn({ challenge: CHALLENGE, signature: staffSig, trustedCas: [ca], crls: [crl] })).pin).toBe(DEMO_PINS.staff);

    const revokedSig = signChallenge(CHALLENGE, readFileSync(p.revokedKey, 'utf8'), readFileSync(p.revoked, 'utf8'));
    await expectRefusal(verifySignIn({ challenge: CHALLENGE, signature: revokedSig, trustedCas: [ca], crls: [crl] }), 'REVOKED');
    await expectRefusal(verifySignIn({ challenge: OTHER_CHALLENGE, signature: rsaSig, trustedCas: [ca], crls: [crl] }), 'WRONG_SIGNATURE');
    await expectRefusal(verifySignIn({ challenge: CHALLENGE, signature: rsaSig, trustedCas: [rootPem], crls: [] }), 'UNKNOWN_ISSUER');

    // Interoperability: OpenSSL accepts what signChallenge produces, and the demo CRL.
    const sigFile = path.join(demoDir, 'sig.pem');
    writeFileSync(sigFile, rsaSig);
    const content = openssl(['cms', '-verify', '-binary', '-in', sigFile, '-inform', 'PEM', '-CAfile', p.ca, '-purpose', 'any']);
    expect(content.toString()).toBe(CHALLENGE);
    writeFileSync(sigFile, ecSig);
    writeFileSync(path.join(demoDir, 'msg.txt'), CHALLENGE);
    openssl(['cms', '-verify', '-binary', '-in', sigFile, '-inform', 'PEM', '-CAfile', p.ca, '-purpose', 'any', '-content', path.join(demoDir, 'msg.txt')]);
    expect(openssl(['crl', '-in', p.crl, '-noout', '-CAfile', p.ca]).toString() + 'ok').toContain('ok');
  });

  it('signChallenge also signs with OpenSSL-made keys and certificates (RSA, P-256, P-384)', async () => {
    for (const [name, pin] of [['rsa', PIN_RSA], ['ec256', PIN_EC], ['ec384', PIN_EC]] as const) {
      const detached = name !== 'rsa';
      const sig = signChallenge(CHALLENGE, read(`${name}.key`), read(`${name}.pem`), { detached });
      expect((await verify(sig)).pin).toBe(pin);
    }
  });

  it('issues P-384 certificates and flags a legacy PIN', async () => {
    const ca = await createDemoCa('EC-P256');
    const person = await issueDemoCertificate(ca, { commonName: 'Legacy Person', serialNumberAttribute: 'PIN23102199012345', keyAlgorithm: 'EC-P384' });
    const sig = signChallenge(CHALLENGE, person.keyPem, person.certPem);
    expect(signerAlgorithm(sig)).toBe('1.2.840.10045.4.3.3');
    const id = await verifySignIn({ challenge: CHALLENGE, signature: sig, trustedCas: [ca.certPem], crls: [] });
    expect(id).toMatchObject({ pin: '23102199012345', pinFlag: 'DATE_UNPARSEABLE', commonName: 'Legacy Person' });
    expect(id.certificateFingerprint).toBe(createHash('sha256').update(Buffer.from(person.cert.rawData)).digest('hex'));
  });
});

// -------------------------------------------------------------------------------------------------
// Helpers that take a valid signature apart (@peculiar/asn1-cms) to forge a bad one.

function cmsDer(sig: string): Buffer {
  const m = /-----BEGIN [A-Z0-9 ]+-----([\s\S]*?)-----END/.exec(sig);
  return Buffer.from((m ? m[1] : sig).replace(/\s+/g, ''), 'base64');
}

function parseCms(sig: string): asnCms.SignedData {
  const contentInfo = AsnConvert.parse(cmsDer(sig), asnCms.ContentInfo);
  return AsnConvert.parse(contentInfo.content, asnCms.SignedData);
}

function toPem(signedData: asnCms.SignedData): string {
  const ci = new asnCms.ContentInfo({ contentType: asnCms.id_signedData, content: AsnConvert.serialize(signedData) });
  return `-----BEGIN CMS-----\n${Buffer.from(AsnConvert.serialize(ci)).toString('base64')}\n-----END CMS-----\n`;
}

function signerAlgorithm(sig: string): string {
  return parseCms(sig).signerInfos[0].signatureAlgorithm.algorithm;
}

/** Keeps the signer info (signature, signed attributes) but replaces the attached content. */
function replaceContent(sig: string, content: string): string {
  const signedData = parseCms(sig);
  signedData.encapContentInfo.eContent = new asnCms.EncapsulatedContent({
    single: new OctetString(Buffer.from(content, 'utf8')),
  });
  return toPem(signedData);
}

function corruptSignatureValue(sig: string): string {
  const signedData = parseCms(sig);
  const value = Buffer.from(signedData.signerInfos[0].signature.buffer);
  value[Math.floor(value.length / 2)] ^= 0x01;
  signedData.signerInfos[0].signature = new OctetString(value);
  return toPem(signedData);
}
