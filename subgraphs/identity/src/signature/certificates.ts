/**
 * Certificate and CRL loading plus the small helpers the verifier needs. Parsing uses
 * @peculiar/x509 (fields, extensions, CRLs); certificate signatures are checked by node's own
 * X509Certificate (OpenSSL), which handles RSA PKCS#1 v1.5, RSA-PSS and ECDSA alike.
 */
// @peculiar/x509 resolves its algorithm providers through tsyringe, which needs this polyfill.
import 'reflect-metadata';
import { createHash, webcrypto, X509Certificate as NodeX509Certificate } from 'node:crypto';
import * as x509 from '@peculiar/x509';

/** node's webcrypto, handed to @peculiar/x509 (which is typed against the DOM's). */
export const peculiarCrypto = webcrypto;

export interface Cert {
  der: Buffer;
  parsed: x509.X509Certificate;
  native: NodeX509Certificate;
  /** SHA-256 of the DER encoding, lowercase hex. */
  fingerprint: string;
}

export function loadCertificate(der: Uint8Array): Cert {
  const buf = Buffer.from(der);
  return {
    der: buf,
    parsed: new x509.X509Certificate(buf),
    native: new NodeX509Certificate(buf),
    fingerprint: createHash('sha256').update(buf).digest('hex'),
  };
}

/** Every PEM block with one of the given labels, decoded. Text outside the blocks is ignored. */
export function pemBlocks(text: string, labels: readonly string[]): Buffer[] {
  const out: Buffer[] = [];
  const re = /-----BEGIN ([A-Z0-9 #]+)-----([\s\S]*?)-----END \1-----/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (labels.includes(m[1])) out.push(Buffer.from(m[2].replace(/\s+/g, ''), 'base64'));
  }
  return out;
}

/**
 * Trusted CA certificates from configuration. A string may hold several PEM certificates (a bundle).
 * A configuration that cannot be read is an operator error, so it throws a plain Error rather than
 * refusing the citizen.
 */
export function loadTrustedCas(pems: readonly string[]): Cert[] {
  const out: Cert[] = [];
  pems.forEach((pem, i) => {
    const blocks = pemBlocks(pem, ['CERTIFICATE', 'TRUSTED CERTIFICATE']);
    if (blocks.length === 0) throw new Error(`trusted CA #${i} holds no PEM certificate`);
    for (const der of blocks) {
      try {
        out.push(loadCertificate(der));
      } catch {
        throw new Error(`trusted CA #${i} could not be parsed`);
      }
    }
  });
  return out;
}

/** CRLs from configuration: PEM text (one or more "X509 CRL" or "CRL" blocks) or a DER Buffer. */
export function loadCrls(inputs: readonly (string | Uint8Array)[]): x509.X509Crl[] {
  const out: x509.X509Crl[] = [];
  inputs.forEach((input, i) => {
    const text =
      typeof input === 'string'
        ? input
        : Buffer.from(input.subarray(0, 11)).toString('latin1') === '-----BEGIN '
          ? Buffer.from(input).toString('latin1')
          : null;
    const ders = text === null ? [Buffer.from(input as Uint8Array)] : pemBlocks(text, ['X509 CRL', 'CRL']);
    if (ders.length === 0) throw new Error(`CRL #${i} holds no PEM CRL`);
    for (const der of ders) {
      try {
        out.push(new x509.X509Crl(der));
      } catch {
        throw new Error(`CRL #${i} could not be parsed`);
      }
    }
  });
  return out;
}

function canonicalName(name: x509.Name): string {
  return name.toString().normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Distinguished-name match for chain building: identical encoding, or the same text after case and
 * whitespace folding (a simplified RFC 5280 §7.1 comparison; the signature check is what secures it).
 */
export function sameName(a: x509.Name, b: x509.Name): boolean {
  if (Buffer.from(a.toArrayBuffer()).equals(Buffer.from(b.toArrayBuffer()))) return true;
  return canonicalName(a) === canonicalName(b);
}

/** True when `child` names `parent` as its issuer and `parent`'s key verifies `child`'s signature. */
export function isIssuedBy(child: Cert, parent: Cert): boolean {
  if (!sameName(child.parsed.issuerName, parent.parsed.subjectName)) return false;
  try {
    return child.native.verify(parent.native.publicKey);
  } catch {
    // Unsupported key or signature algorithm (e.g. GOST): cannot be this issuer as far as we know.
    return false;
  }
}

export function keyUsage(cert: Cert): x509.KeyUsageFlags | null {
  const ext = cert.parsed.getExtension(x509.KeyUsagesExtension);
  return ext ? ext.usages : null;
}

export function basicConstraints(cert: Cert): { ca: boolean; pathLength?: number } | null {
  const ext = cert.parsed.getExtension(x509.BasicConstraintsExtension);
  return ext ? { ca: ext.ca, pathLength: ext.pathLength } : null;
}

/** Subject attribute values by OID, in certificate order. */
export function subjectValues(cert: Cert, oid: string): string[] {
  return cert.parsed.subjectName.getField(oid);
}
