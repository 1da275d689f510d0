/**
 * Refusals of a digital-signature sign-in. The `reason` codes are stable: the GraphQL layer maps
 * them to client-facing error codes and translated messages, and the audit log stores them.
 */
export type SignatureRefusal =
  | 'MALFORMED_SIGNATURE'
  | 'WRONG_SIGNATURE'
  | 'UNKNOWN_ISSUER'
  | 'CERTIFICATE_EXPIRED'
  | 'CERTIFICATE_NOT_YET_VALID'
  | 'KEY_USAGE'
  | 'REVOKED'
  | 'NO_VALID_PIN';

export const SIGNATURE_REFUSALS: readonly SignatureRefusal[] = [
  'MALFORMED_SIGNATURE',
  'WRONG_SIGNATURE',
  'UNKNOWN_ISSUER',
  'CERTIFICATE_EXPIRED',
  'CERTIFICATE_NOT_YET_VALID',
  'KEY_USAGE',
  'REVOKED',
  'NO_VALID_PIN',
];

/**
 * Thrown when a signature is refused. The message is technical and never contains personal data
 * (no PIN, no names), so it is safe to log; show users a message chosen by `reason` instead.
 */
export class SignatureError extends Error {
  readonly reason: SignatureRefusal;

  constructor(reason: SignatureRefusal, detail?: string) {
    super(detail ? `${reason}: ${detail}` : reason);
    this.name = 'SignatureError';
    this.reason = reason;
  }
}

export function isSignatureError(e: unknown): e is SignatureError {
  return e instanceof SignatureError;
}
