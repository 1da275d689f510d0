import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

/** A throw-away test PKI run by the OpenSSL command line (see fixtures/openssl-test-ca.cnf). */
export class OpensslPki {
  readonly dir = mkdtempSync(path.join(os.tmpdir(), 'kg-pki-'));
  private readonly config = path.join(__dirname, 'fixtures', 'openssl-test-ca.cnf');

  run(args: string[], cadir?: string): Buffer {
    return execFileSync('openssl', args, { env: { ...process.env, CADIR: cadir ?? this.dir, OPENSSL_CONF: this.config }, stdio: ['pipe', 'pipe', 'pipe'] });
  }
  file(name: string) {
    return path.join(this.dir, name);
  }

  /** A root CA with its own `openssl ca` directory; returns the directory. */
  root(name: string, subject: string): string {
    const cadir = this.file(name);
    mkdirSync(path.join(cadir, 'newcerts'), { recursive: true });
    writeFileSync(path.join(cadir, 'index.txt'), '');
    writeFileSync(path.join(cadir, 'serial'), randomBytes(8).toString('hex').toUpperCase() + '\n');
    writeFileSync(path.join(cadir, 'crlnumber'), '01\n');
    this.run(['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', path.join(cadir, 'ca.key')]);
    this.run(['req', '-x509', '-new', '-utf8', '-key', path.join(cadir, 'ca.key'), '-subj', subject, '-days', '3650', '-extensions', 'v3_root', '-out', path.join(cadir, 'ca.pem')]);
    return cadir;
  }

  /** Issues a citizen certificate (RSA or EC P-256 key); returns the base name (name.pem, name.key). */
  issue(name: string, ca: string, subject: string, o: { key?: 'rsa' | 'ec'; keyFile?: string; startdate?: string; enddate?: string } = {}): string {
    const key = o.keyFile ?? this.file(`${name}.key`);
    if (!o.keyFile) {
      const alg = o.key === 'rsa' ? ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048'] : ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256'];
      this.run(['genpkey', ...alg, '-out', key]);
    }
    this.run(['req', '-new', '-utf8', '-key', key, '-subj', subject, '-out', this.file(`${name}.csr`)]);
    const dates = o.startdate ? ['-startdate', o.startdate, '-enddate', o.enddate!] : ['-days', '365'];
    this.run(['ca', '-batch', '-utf8', '-notext', '-extensions', 'v3_citizen', ...dates, '-in', this.file(`${name}.csr`), '-out', this.file(`${name}.pem`)], ca);
    if (o.keyFile) writeFileSync(this.file(`${name}.key`), readFileSync(o.keyFile));
    return name;
  }

  revoke(ca: string, name: string): string {
    this.run(['ca', '-revoke', this.file(`${name}.pem`)], ca);
    const out = this.file(`crl-${randomBytes(3).toString('hex')}.pem`);
    this.run(['ca', '-gencrl', '-out', out], ca);
    return out;
  }

  /** `openssl cms -sign` over the text, attached unless detached; PEM. */
  sign(name: string, content: string, detached = false): string {
    const msg = this.file(`msg-${randomBytes(4).toString('hex')}.txt`);
    writeFileSync(msg, content);
    const args = ['cms', '-sign', '-binary', '-in', msg, '-signer', this.file(`${name}.pem`), '-inkey', this.file(`${name}.key`), '-md', 'sha256', '-outform', 'PEM', '-out', `${msg}.sig`];
    if (!detached) args.push('-nodetach');
    this.run(args);
    return readFileSync(`${msg}.sig`, 'utf8');
  }
}
