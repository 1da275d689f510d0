import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Page } from '../components/Page';

export function NotFoundPage() {
  const { t } = useTranslation();
  useEffect(() => {
    // keep the (200, SPA fallback) page out of search indexes
    const meta = document.createElement('meta');
    meta.name = 'robots';
    meta.content = 'noindex';
    document.head.appendChild(meta);
    return () => meta.remove();
  }, []);
  return (
    <Page title={t('notFound.title')} className="not-found">
      <p>{t('notFound.text')}</p>
      <p>
        <Link to="/" className="back-link">
          {t('backHome')}
        </Link>
      </p>
    </Page>
  );
}
