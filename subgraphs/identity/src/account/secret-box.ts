import fs from 'node:fs';
import path from 'node:path';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Config } from '@kg/platform';

/**
 * Encrypts staff TOTP secrets at rest (AES-256-GCM), so a copy of the database alone does not let
 * anyone generate sign-in codes. The key is TOTP_KEY_FILE (32 random bytes, base64) in production;
 * in development one is made once under DATA_DIR/keys.
 */
export class SecretBox {
  private constructor(private readonly key: Buffer) {}

  static load(config: Config): SecretBox {
    let file = config.TOTP_KEY_FILE;
    if (!file) {
      file = path.join(config.dataDir, 'keys', 'totp.key');
      if (!fs.existsSync(file)) {
        fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
        fs.writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
      }
    }
    const key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
    if (key.length !== 32) throw new Error(`${file}: expected 32 bytes of base64`);
    return new SecretBox(key);
  }

  /** "v1:" + base64(iv | tag | ciphertext). */
  seal(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `v1:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
  }

  open(sealed: string): string {
    if (!sealed.startsWith('v1:')) throw new Error('unknown secret format');
    const raw = Buffer.from(sealed.slice(3), 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }
}
