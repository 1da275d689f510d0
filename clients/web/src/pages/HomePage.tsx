import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Page } from '../components/Page';
import { SERVICES, type Service } from '../services';

function ServiceCard({ service }: { service: Service }) {
  const { t } = useTranslation();
  return (
    <li className={`card card-${service.audience}`}>
      <h3>
        <Link to={service.path} className="card-link">
          {t(`services.${service.key}.title`)}
        </Link>
      </h3>
      <p>{t(`services.${service.key}.description`)}</p>
    </li>
  );
}

export function HomePage() {
  const { t } = useTranslation();
  return (
    <Page title={t('home.title')} className="home">
      <p className="lead">{t('home.intro')}</p>
      <section aria-labelledby="citizens-heading">
        <h2 id="citizens-heading">{t('home.citizensHeading')}</h2>
        <ul className="cards">
          {SERVICES.filter((s) => s.audience === 'citizen').map((s) => (
            <ServiceCard key={s.key} service={s} />
          ))}
        </ul>
      </section>
      <section aria-labelledby="staff-heading">
        <h2 id="staff-heading">{t('home.staffHeading')}</h2>
        <ul className="cards">
          {SERVICES.filter((s) => s.audience === 'staff').map((s) => (
            <ServiceCard key={s.key} service={s} />
          ))}
        </ul>
      </section>
    </Page>
  );
}
