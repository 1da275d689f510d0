import fs from 'node:fs';
import path from 'node:path';
import { generateKeyPairSync, createPrivateKey, createPublicKey, createHash, KeyObject } from 'node:crypto';
import { exportJWK, JWK } from 'jose';
import type { Config } from '@kg/platform';

export interface SigningKeys {
  privateKey: KeyObject;
  publicKey: KeyObject;
  kid: string;
  jwks: { keys: JWK[] };
}

/**
 * The ES256 key that signs access tokens: JWT_PRIVATE_KEY_FILE in production; in development one is
 * made once under DATA_DIR/keys and kept, so tokens survive a restart.
 */
export async function loadSigningKeys(config: Config): Promise<SigningKeys> {
  let file = config.JWT_PRIVATE_KEY_FILE;
  if (!file) {
    file = path.join(config.dataDir, 'keys', 'jwt-private.pem');
    if (!fs.existsSync(file)) {
      fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
      fs.writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    }
  }
  const privateKey = createPrivateKey(fs.readFileSync(file));
  const publicKey = createPublicKey(privateKey);
  const der = publicKey.export({ type: 'spki', format: 'der' });
  const kid = createHash('sha256').update(der).digest('base64url').slice(0, 16);
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' };
  return { privateKey, publicKey, kid, jwks: { keys: [jwk] } };
}
