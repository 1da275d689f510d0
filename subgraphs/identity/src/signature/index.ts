export { verifySignIn, createSignInVerifier } from './verify';
export type { SignInIdentity, SignInInput, TrustConfig, VerifySignInInput } from './verify';
export { SignatureError, isSignatureError, SIGNATURE_REFUSALS } from './errors';
export type { SignatureRefusal } from './errors';
export { validatePin, pinFromCertificate } from './pin';
export type { PinCheck, PinFlag } from './pin';
