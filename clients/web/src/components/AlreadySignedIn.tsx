import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

/** On a sign-in page while signed in: who, and the way to the account. */
export function AlreadySignedIn({ name }: { name: string }) {
  const { t } = useTranslation();
  return (
    <p className="alert alert-info">
      {t('signIn.already', { name })} <Link to="/me">{t('me.title')}</Link>
    </p>
  );
}
