import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { errorMessage } from '../api/gql';
import { signInWithPassword } from '../auth/session';
import { useAfterSignIn } from '../auth/useAfterSignIn';
import { useSession } from '../auth/useSession';
import { AlreadySignedIn } from '../components/AlreadySignedIn';
import { Field } from '../components/Field';
import { Page } from '../components/Page';

type Errors = Partial<Record<'login' | 'password' | 'code', string>>;

export function StaffSignInPage() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const session = useSession();
  const done = useAfterSignIn('/staff');
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [refusal, setRefusal] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const refusalRef = useRef<HTMLDivElement>(null);
  // the server's message is in the language of the request; our own are re-checked on the next submit
  useEffect(() => {
    setRefusal(null);
    setErrors({});
  }, [i18n.language]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setRefusal(null);
    const next: Errors = {};
    if (!login.trim()) next.login = t('staffSignIn.loginRequired');
    if (!password) next.password = t('staffSignIn.passwordRequired');
    if (!/^\d{6}$/.test(code.trim())) next.code = t('staffSignIn.codeInvalid');
    setErrors(next);
    if (Object.keys(next).length > 0) {
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    setBusy(true);
    try {
      await signInWithPassword(login.trim(), password, code.trim());
      done();
    } catch (err) {
      setRefusal(err);
      setBusy(false);
      setCode(''); // a code is good once: the next try needs the next one
      refusalRef.current?.focus();
    }
  }

  return (
    <Page title={t('staffSignIn.title')} className="staff-sign-in">
      <p className="lead">{t('staffSignIn.intro')}</p>
      {session.status === 'signedIn' ? <AlreadySignedIn name={session.user.displayName} /> : null}
      <div ref={refusalRef} tabIndex={-1} className="alert-anchor">
        {refusal ? (
          <p className="alert alert-error" role="alert" data-testid="sign-in-error">
            {errorMessage(refusal, t)}
          </p>
        ) : null}
      </div>
      <form ref={formRef} className="form narrow" onSubmit={submit} noValidate>
        <Field id={`${id}-login`} label={t('staffSignIn.login')} error={errors.login}>
          {(props) => (
            <input
              {...props}
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              autoCorrect="off"
              spellCheck={false}
              value={login}
              onChange={(e) => setLogin(e.target.value)}
            />
          )}
        </Field>
        <Field id={`${id}-password`} label={t('staffSignIn.password')} error={errors.password}>
          {(props) => (
            <input
              {...props}
              type="password"
              name="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        <Field id={`${id}-code`} label={t('staffSignIn.code')} hint={t('staffSignIn.codeHint')} error={errors.code}>
          {(props) => (
            <input
              {...props}
              className="code-input"
              name="totp"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9]{6}"
              maxLength={6}
              value={code}
              onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
            />
          )}
        </Field>
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('signIn.signingIn') : t('staffSignIn.submit')}
        </button>
      </form>
      <p className="aside">
        {t('staffSignIn.citizenQuestion')} <Link to="/sign-in">{t('staffSignIn.citizenLink')}</Link>
      </p>
    </Page>
  );
}
