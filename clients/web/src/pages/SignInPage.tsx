import { useCallback, useEffect, useId, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { errorMessage, gql, GqlError } from '../api/gql';
import { signInWithSignature } from '../auth/session';
import { useAfterSignIn } from '../auth/useAfterSignIn';
import { useSession } from '../auth/useSession';
import { AlreadySignedIn } from '../components/AlreadySignedIn';
import { CopyButton } from '../components/CopyButton';
import { Page } from '../components/Page';
import { formatTime } from '../format';

const CHALLENGE = 'mutation SignatureChallenge { signatureChallenge { id challenge expiresAt } }';
const DEMO_SIGN = 'mutation DemoSign($c: String!, $s: DemoSigner!) { demoSignChallenge(challenge: $c, signer: $s) }';

const DEMO_SIGNERS = ['CITIZEN_RSA', 'CITIZEN_EC', 'STAFF', 'REVOKED'] as const;
type DemoSigner = (typeof DEMO_SIGNERS)[number];

/** A signature file is a few kilobytes; anything far bigger is not one. */
const MAX_SIGNATURE_BYTES = 256 * 1024;

interface Challenge {
  id: string;
  challenge: string;
  expiresAt: string;
}

function newChallenge(): Promise<Challenge> {
  return gql<{ signatureChallenge: Challenge }>(CHALLENGE).then((d) => d.signatureChallenge);
}

/** PEM or base64 text as it is; binary DER as base64 (the server takes both). */
async function readSignatureFile(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const isText = bytes.every((b) => b === 9 || b === 10 || b === 13 || (b >= 32 && b < 127));
  if (isText) return new TextDecoder().decode(bytes).trim();
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}


function SignatureForm() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const done = useAfterSignIn('/me');
  const [challenge, setChallenge] = useState<Challenge | null>(null);
  const [challengeError, setChallengeError] = useState<unknown>(null);
  const [expired, setExpired] = useState(false);
  const [renewed, setRenewed] = useState(false);
  const [signature, setSignature] = useState('');
  const [fileName, setFileName] = useState('');
  const [fieldError, setFieldError] = useState('');
  const [refusal, setRefusal] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const signatureRef = useRef<HTMLTextAreaElement>(null);
  const refusalRef = useRef<HTMLDivElement>(null);

  const fetchChallenge = useCallback(async () => {
    setChallengeError(null);
    try {
      const c = await newChallenge();
      setChallenge(c);
      setExpired(false);
      return c;
    } catch (e) {
      setChallengeError(e);
      return null;
    }
  }, []);

  useEffect(() => {
    void fetchChallenge();
  }, [fetchChallenge]);

  // the server's message is in the language of the request: gone when the language changes
  useEffect(() => {
    setRefusal(null);
    setRenewed(false);
  }, [i18n.language]);

  useEffect(() => {
    if (!challenge) return;
    const timer = setTimeout(() => setExpired(true), Math.max(new Date(challenge.expiresAt).getTime() - Date.now(), 0));
    return () => clearTimeout(timer);
  }, [challenge]);

  async function onFile(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    if (!file) return;
    setFieldError('');
    if (file.size > MAX_SIGNATURE_BYTES) {
      setFieldError(t('signIn.fileTooBig'));
      return;
    }
    setSignature(await readSignatureFile(file));
    setFileName(file.name);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setRefusal(null);
    setRenewed(false);
    if (!signature.trim()) {
      setFieldError(t('signIn.signatureRequired'));
      signatureRef.current?.focus();
      return;
    }
    if (!challenge) return;
    setFieldError('');
    setBusy(true);
    try {
      await signInWithSignature(challenge.id, signature.trim());
      done();
    } catch (err) {
      setRefusal(err);
      setBusy(false);
      // every attempt spends the text: a new one is needed for the next try
      if (err instanceof GqlError && err.code === 'UNAUTHENTICATED' && (await fetchChallenge())) {
        setSignature('');
        setFileName('');
        setRenewed(true);
      }
      refusalRef.current?.focus();
    }
  }

  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <>
      <section aria-labelledby={`${id}-step1`} className="step">
        <h2 id={`${id}-step1`}>{t('signIn.step1')}</h2>
        <p>{t('signIn.step1Text')}</p>
        {challenge ? (
          <>
            <pre className="challenge" data-testid="challenge" aria-label={t('signIn.challengeLabel')}>
              {challenge.challenge}
            </pre>
            <p className="challenge-actions">
              <CopyButton text={challenge.challenge} />
              <span className={expired ? 'error' : 'hint'}>
                {expired ? t('signIn.expired') : t('signIn.validUntil', { time: formatTime(challenge.expiresAt, i18n.language) })}
              </span>{' '}
              <button type="button" className="link-button" onClick={() => void fetchChallenge()}>
                {t('signIn.newChallenge')}
              </button>
            </p>
          </>
        ) : challengeError ? (
          <p className="error" role="alert">
            {errorMessage(challengeError, t)}{' '}
            <button type="button" className="link-button" onClick={() => void fetchChallenge()}>
              {t('error.retry')}
            </button>
          </p>
        ) : (
          <p role="status">{t('picker.loading')}</p>
        )}
      </section>

      <section aria-labelledby={`${id}-step2`} className="step">
        <h2 id={`${id}-step2`}>{t('signIn.step2')}</h2>
        <div ref={refusalRef} tabIndex={-1} className="alert-anchor">
          {refusal ? (
            <div className="alert alert-error" role="alert" data-testid="sign-in-error">
              <p>{errorMessage(refusal, t)}</p>
              {renewed ? <p>{t('signIn.renewed')}</p> : null}
            </div>
          ) : null}
        </div>
        <form className="form" onSubmit={submit} noValidate>
          <div className="field">
            <label htmlFor={`${id}-signature`}>{t('signIn.signatureLabel')}</label>
            <p className="hint" id={hintId}>
              {t('signIn.signatureHint')}
            </p>
            {fieldError ? (
              <p className="error" id={errorId}>
                {fieldError}
              </p>
            ) : null}
            <textarea
              ref={signatureRef}
              id={`${id}-signature`}
              name="signature"
              rows={5}
              spellCheck={false}
              autoCapitalize="off"
              autoCorrect="off"
              value={signature}
              aria-describedby={fieldError ? `${hintId} ${errorId}` : hintId}
              aria-invalid={fieldError ? true : undefined}
              onChange={(e) => {
                setSignature(e.target.value);
                setFileName('');
              }}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-file`}>{t('signIn.fileLabel')}</label>
            <input
              id={`${id}-file`}
              type="file"
              name="signatureFile"
              accept=".p7s,.p7m,.p7b,.pem,.sig,.cms,.der,.txt,application/pkcs7-signature,application/pkcs7-mime"
              onChange={(e) => void onFile(e)}
            />
            {fileName ? (
              <p className="hint" role="status">
                {t('signIn.fileLoaded', { name: fileName })}
              </p>
            ) : null}
          </div>
          <button type="submit" className="button" disabled={busy || !challenge}>
            {busy ? t('signIn.signingIn') : t('signIn.submit')}
          </button>
        </form>
      </section>
    </>
  );
}

/** Development only: the server signs with a demo certificate; production refuses (FORBIDDEN). */
/** Shows the demo signer only where the server has it on (development); production never offers it. */
function DemoSignInIfEnabled() {
  const [enabled, setEnabled] = useState(false);
  useEffect(() => {
    gql<{ demoSignerEnabled: boolean }>('query DemoSignerEnabled { demoSignerEnabled }', {})
      .then((d) => setEnabled(d.demoSignerEnabled))
      .catch(() => setEnabled(false));
  }, []);
  return enabled ? <DemoSignIn /> : null;
}

function DemoSignIn() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const done = useAfterSignIn('/me');
  const [signer, setSigner] = useState<DemoSigner>('CITIZEN_RSA');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setError(null), [i18n.language]);

  async function signIn(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setBusy(true);
    try {
      const c = await newChallenge();
      const d = await gql<{ demoSignChallenge: string }>(DEMO_SIGN, { c: c.challenge, s: signer });
      await signInWithSignature(c.id, d.demoSignChallenge);
      done();
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby={`${id}-heading`} className="demo">
      <h2 id={`${id}-heading`}>
        <span className="badge badge-demo">{t('demo.badge')}</span> {t('demo.heading')}
      </h2>
      <p>{t('demo.text')}</p>
      <form onSubmit={signIn}>
        <fieldset>
          <legend>{t('demo.person')}</legend>
          {DEMO_SIGNERS.map((s) => (
            <label key={s} className="choice">
              <input type="radio" name="demo-signer" value={s} checked={signer === s} onChange={() => setSigner(s)} />
              <span>{t(`demo.signer.${s}`)}</span>
            </label>
          ))}
        </fieldset>
        {error ? (
          <p className="error" role="alert" data-testid="demo-error">
            {errorMessage(error, t)}
          </p>
        ) : null}
        <button type="submit" className="button button-secondary" disabled={busy}>
          {busy ? t('signIn.signingIn') : t('demo.submit')}
        </button>
      </form>
    </section>
  );
}

export function SignInPage() {
  const { t } = useTranslation();
  const session = useSession();
  return (
    <Page title={t('services.signIn.title')} className="sign-in">
      <p className="lead">{t('signIn.intro')}</p>
      {session.status === 'signedIn' ? <AlreadySignedIn name={session.user.displayName} /> : null}
      <SignatureForm />
      <p className="aside">
        {t('signIn.staffQuestion')} <Link to="/staff/sign-in">{t('signIn.staffLink')}</Link>
      </p>
      <DemoSignInIfEnabled />
    </Page>
  );
}
