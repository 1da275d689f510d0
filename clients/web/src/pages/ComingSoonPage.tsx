import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Page } from '../components/Page';
import type { Service } from '../services';

/** Stands in for a service that is not built yet. */
export function ComingSoonPage({ service }: { service: Service }) {
  const { t } = useTranslation();
  return (
    <Page title={t(`services.${service.key}.title`)} className="coming-soon">
      <p>
        <span className="badge">{t('comingSoon.badge')}</span>
      </p>
      <p>{t('comingSoon.text')}</p>
      <p>
        <Link to="/" className="back-link">
          {t('backHome')}
        </Link>
      </p>
    </Page>
  );
}
