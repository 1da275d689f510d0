/**
 * CMS SignedData (RFC 5652): parsing and checking the signer's signature.
 *
 * Structure comes from @peculiar/asn1-cms (typed), exact bytes from ./der; the signature
 * arithmetic is node's crypto.verify (OpenSSL). Why not pkijs: pkijs 4 and asn1js 4 are ESM-only,
 * and jest 30 on Node 20 cannot load ESM from CommonJS tests; @peculiar/asn1-cms is the same
 * authors' CommonJS-compatible CMS schema and is already installed with @peculiar/x509.
 */
// @peculiar/x509 resolves its algorithm providers through tsyringe, which needs this polyfill.
import 'reflect-metadata';
import { constants, createHash, verify as nodeVerify, type KeyObject } from 'node:crypto';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import * as asnCms from '@peculiar/asn1-cms';
import * as asnPkcs9 from '@peculiar/asn1-pkcs9';
import * as asnRsa from '@peculiar/asn1-rsa';
import * as asnX509 from '@peculiar/asn1-x509';
import * as x509 from '@peculiar/x509';
import { SignatureError } from './errors';
import { bytesOf, children, DerError, isContext, isUniversal, octetStringValue, readTlv } from './der';
import { type Cert, sameName } from './certificates';

const OID_CONTENT_TYPE = '1.2.840.113549.1.9.3';
const OID_MESSAGE_DIGEST = '1.2.840.113549.1.9.4';

const DIGESTS: Record<string, string> = {
  '2.16.840.1.101.3.4.2.4': 'sha224',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};
/**
 * SHA-1 only when configured (`allowSha1`): deprecated, but the state CA's documentation still
 * lists it, and for a signature over a server-chosen challenge only a second preimage would hurt.
 */
const OID_SHA1 = '1.3.14.3.2.26';

export interface CmsOptions {
  allowSha1?: boolean;
}

type SignatureScheme =
  | { kind: 'rsa-pkcs1'; hash: string }
  | { kind: 'rsa-pss'; hash: string; saltLength: number }
  | { kind: 'ecdsa'; hash: string };

export interface ParsedSignedData {
  signedData: asnCms.SignedData;
  signer: asnCms.SignerInfo;
  /** Attached content, if any. */
  content?: Buffer;
  /** The signed attributes exactly as received, re-tagged as SET (what the signature covers). */
  signedAttrsDer?: Buffer;
  /** DER of every certificate in the CMS certificates set, as received. */
  certificates: Buffer[];
}

function malformed(detail: string): SignatureError {
  return new SignatureError('MALFORMED_SIGNATURE', detail);
}

/** Parses ContentInfo → SignedData with one signer and id-data content. */
export function parseSignedData(der: Buffer): ParsedSignedData {
  let raw: Omit<ParsedSignedData, 'signedData' | 'signer'>;
  try {
    raw = rawParts(der);
  } catch (e) {
    if (e instanceof SignatureError) throw e;
    throw malformed(e instanceof DerError ? `bad encoding (${e.message})` : 'bad encoding');
  }
  let signedData: asnCms.SignedData;
  try {
    const contentInfo = AsnConvert.parse(der, asnCms.ContentInfo);
    if (contentInfo.contentType !== asnCms.id_signedData) throw malformed('not CMS SignedData');
    signedData = AsnConvert.parse(contentInfo.content, asnCms.SignedData);
  } catch (e) {
    if (e instanceof SignatureError) throw e;
    throw malformed('not a CMS SignedData structure');
  }
  // One person signs in: several signers would leave it unclear whose identity this is.
  if (signedData.signerInfos.length !== 1) throw malformed('expected exactly one signer');
  if (signedData.encapContentInfo.eContentType !== asnCms.id_data) throw malformed('signed content is not id-data');
  return { ...raw, signedData, signer: signedData.signerInfos[0] };
}

/** The bytes that must be taken as received: content, signed attributes, certificates. */
function rawParts(der: Buffer): Omit<ParsedSignedData, 'signedData' | 'signer'> {
  const root = readTlv(der, 0);
  if (root.end !== der.length) throw malformed('trailing bytes after the CMS structure');
  const ci = children(der, root);
  if (!isUniversal(root, 16) || ci.length !== 2 || !isContext(ci[1], 0)) throw malformed('not a ContentInfo');
  const sdTlv = children(der, ci[1])[0];
  if (!sdTlv || !isUniversal(sdTlv, 16)) throw malformed('not a SignedData');
  const sd = children(der, sdTlv);
  if (sd.length < 4) throw malformed('not a SignedData');

  // encapContentInfo ::= SEQUENCE { eContentType, eContent [0] EXPLICIT OCTET STRING OPTIONAL }
  const encap = children(der, sd[2]);
  let content: Buffer | undefined;
  if (encap.length > 1) {
    if (!isContext(encap[1], 0)) throw malformed('bad encapsulated content');
    const inner = children(der, encap[1])[0];
    if (!inner || !isUniversal(inner, 4)) throw malformed('encapsulated content is not an OCTET STRING');
    content = octetStringValue(der, inner);
  }

  // certificates [0] IMPLICIT CertificateSet OPTIONAL: plain certificates are SEQUENCEs.
  const certificates: Buffer[] = [];
  const certSet = sd.slice(3, -1).find((t) => isContext(t, 0) && t.constructed);
  if (certSet) {
    for (const c of children(der, certSet)) if (isUniversal(c, 16)) certificates.push(bytesOf(der, c));
  }

  // signerInfos is the last field; signedAttrs is [0] IMPLICIT at position 3 of a SignerInfo.
  const signerInfos = children(der, sd[sd.length - 1]);
  if (signerInfos.length !== 1) throw malformed('expected exactly one signer');
  const si = children(der, signerInfos[0]);
  let signedAttrsDer: Buffer | undefined;
  if (si[3] && isContext(si[3], 0) && si[3].constructed) {
    if (si[3].contentEnd + 2 === si[3].end) throw malformed('signed attributes must be DER'); // indefinite
    signedAttrsDer = bytesOf(der, si[3]);
    signedAttrsDer[0] = 0x31; // RFC 5652 §5.4: the signature covers the EXPLICIT SET OF encoding
  }
  return { content, signedAttrsDer, certificates };
}

/** The certificate named by the signer identifier, among the CMS certificates. */
export function findSignerCertificate(signer: asnCms.SignerInfo, certs: Cert[]): Cert | undefined {
  const ias = signer.sid.issuerAndSerialNumber;
  if (ias) {
    const issuer = new x509.Name(AsnConvert.serialize(ias.issuer));
    const serial = normaliseSerial(Buffer.from(ias.serialNumber));
    return certs.find(
      (c) => normaliseSerial(Buffer.from(c.parsed.serialNumber, 'hex')) === serial && sameName(c.parsed.issuerName, issuer),
    );
  }
  const ski = signer.sid.subjectKeyIdentifier;
  if (ski) {
    const wanted = Buffer.from(ski.buffer).toString('hex');
    return certs.find((c) => subjectKeyIds(c).includes(wanted));
  }
  return undefined;
}

function normaliseSerial(bytes: Buffer): string {
  let i = 0;
  while (i < bytes.length - 1 && bytes[i] === 0) i++;
  return bytes.subarray(i).toString('hex');
}

function subjectKeyIds(cert: Cert): string[] {
  const ids: string[] = [];
  const ext = cert.parsed.getExtension(x509.SubjectKeyIdentifierExtension);
  if (ext) ids.push(ext.keyId.toLowerCase());
  // RFC 5280 §4.2.1.2 method (1): SHA-1 of the subjectPublicKey bits, for certs without the extension.
  const spki = AsnConvert.parse(cert.parsed.publicKey.rawData, asnX509.SubjectPublicKeyInfo);
  ids.push(createHash('sha1').update(Buffer.from(spki.subjectPublicKey)).digest('hex'));
  return ids;
}

/**
 * Checks the signer's signature over `content` (attached or the detached challenge). With signed
 * attributes, the messageDigest attribute must equal the digest of the content and the signature
 * covers the attributes; without, the signature covers the content itself.
 * Throws WRONG_SIGNATURE when it does not verify, MALFORMED_SIGNATURE when it cannot be checked.
 */
export function verifySignerSignature(
  parsed: ParsedSignedData,
  content: Buffer,
  signerKey: KeyObject,
  options: CmsOptions = {},
): void {
  const { signer } = parsed;
  const digests = options.allowSha1 ? { ...DIGESTS, [OID_SHA1]: 'sha1' } : DIGESTS;
  const digestName = digests[signer.digestAlgorithm.algorithm];
  if (!digestName) throw malformed('unsupported digest algorithm');
  const scheme = signatureScheme(signer.signatureAlgorithm, digestName);
  if (scheme.hash === 'sha1' && !options.allowSha1) throw malformed('SHA-1 signatures are not accepted');

  let signedBytes = content;
  if (signer.signedAttrs) {
    if (!parsed.signedAttrsDer) throw malformed('signed attributes not found');
    const single = (oid: string): ArrayBuffer => {
      const attrs = signer.signedAttrs!.filter((a) => a.attrType === oid);
      if (attrs.length !== 1 || attrs[0].attrValues.length !== 1) throw malformed(`attribute ${oid} must occur once`);
      return attrs[0].attrValues[0];
    };
    let contentType: string;
    let messageDigest: Buffer;
    try {
      contentType = AsnConvert.parse(single(OID_CONTENT_TYPE), asnPkcs9.ContentType).value;
      messageDigest = Buffer.from(AsnConvert.parse(single(OID_MESSAGE_DIGEST), OctetString).buffer);
    } catch (e) {
      if (e instanceof SignatureError) throw e;
      throw malformed('bad signed attributes');
    }
    if (contentType !== parsed.signedData.encapContentInfo.eContentType) throw malformed('contentType attribute mismatch');
    if (!createHash(digestName).update(content).digest().equals(messageDigest)) {
      throw new SignatureError('WRONG_SIGNATURE', 'message digest does not match the challenge');
    }
    signedBytes = parsed.signedAttrsDer;
  }

  const signature = Buffer.from(signer.signature.buffer);
  let ok: boolean;
  try {
    switch (scheme.kind) {
      case 'rsa-pkcs1':
        ok = nodeVerify(scheme.hash, signedBytes, { key: signerKey, padding: constants.RSA_PKCS1_PADDING }, signature);
        break;
      case 'rsa-pss':
        ok = nodeVerify(
          scheme.hash,
          signedBytes,
          { key: signerKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: scheme.saltLength },
          signature,
        );
        break;
      case 'ecdsa':
        ok = nodeVerify(scheme.hash, signedBytes, { key: signerKey, dsaEncoding: 'der' }, signature);
        break;
    }
  } catch {
    // Key type does not fit the algorithm, or an unsupported curve.
    throw malformed('signature could not be checked with the signer key');
  }
  if (!ok) throw new SignatureError('WRONG_SIGNATURE', 'signature does not verify');
}

function signatureScheme(alg: asnX509.AlgorithmIdentifier, digestName: string): SignatureScheme {
  switch (alg.algorithm) {
    case '1.2.840.113549.1.1.1': // rsaEncryption: hash from digestAlgorithm
      return { kind: 'rsa-pkcs1', hash: digestName };
    case '1.2.840.113549.1.1.5':
      return { kind: 'rsa-pkcs1', hash: 'sha1' };
    case '1.2.840.113549.1.1.14':
      return { kind: 'rsa-pkcs1', hash: 'sha224' };
    case '1.2.840.113549.1.1.11':
      return { kind: 'rsa-pkcs1', hash: 'sha256' };
    case '1.2.840.113549.1.1.12':
      return { kind: 'rsa-pkcs1', hash: 'sha384' };
    case '1.2.840.113549.1.1.13':
      return { kind: 'rsa-pkcs1', hash: 'sha512' };
    case '1.2.840.113549.1.1.10':
      return pssScheme(alg);
    case '1.2.840.10045.2.1': // id-ecPublicKey used as a signature algorithm by some signers
      return { kind: 'ecdsa', hash: digestName };
    case '1.2.840.10045.4.1':
      return { kind: 'ecdsa', hash: 'sha1' };
    case '1.2.840.10045.4.3.1':
      return { kind: 'ecdsa', hash: 'sha224' };
    case '1.2.840.10045.4.3.2':
      return { kind: 'ecdsa', hash: 'sha256' };
    case '1.2.840.10045.4.3.3':
      return { kind: 'ecdsa', hash: 'sha384' };
    case '1.2.840.10045.4.3.4':
      return { kind: 'ecdsa', hash: 'sha512' };
    default:
      // GOST R 34.10 and others: not available in node's crypto.
      throw malformed('unsupported signature algorithm');
  }
}

function pssScheme(alg: asnX509.AlgorithmIdentifier): SignatureScheme {
  if (!alg.parameters) throw malformed('RSASSA-PSS without parameters');
  let params: asnRsa.RsaSaPssParams;
  try {
    params = AsnConvert.parse(alg.parameters, asnRsa.RsaSaPssParams);
  } catch {
    throw malformed('bad RSASSA-PSS parameters');
  }
  const hash = DIGESTS[params.hashAlgorithm.algorithm];
  if (!hash) throw malformed('unsupported RSASSA-PSS hash');
  // node uses the same hash for MGF1; other combinations are not worth supporting.
  if (params.maskGenAlgorithm.algorithm !== asnRsa.id_mgf1 || !params.maskGenAlgorithm.parameters) {
    throw malformed('unsupported RSASSA-PSS mask generation');
  }
  const mgfHash = AsnConvert.parse(params.maskGenAlgorithm.parameters, asnX509.AlgorithmIdentifier).algorithm;
  if (DIGESTS[mgfHash] !== hash) throw malformed('unsupported RSASSA-PSS mask generation hash');
  if (params.trailerField !== 1) throw malformed('unsupported RSASSA-PSS trailer');
  return { kind: 'rsa-pss', hash, saltLength: params.saltLength };
}
