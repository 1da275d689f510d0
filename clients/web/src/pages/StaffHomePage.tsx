import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { RequireAuth } from '../auth/RequireAuth';
import { hasRole, type Role, type SessionUser } from '../auth/session';
import { Page } from '../components/Page';
import { PEOPLE_READERS, STATISTICS_READERS } from './migrants/roles';

interface StaffItem {
  key: string;
  roles: Role[];
  /** the page, when it is built; otherwise "coming soon" */
  path?: string;
}

/** The back office, by role: each item is shown to the roles that use it. */
const ITEMS: StaffItem[] = [
  { key: 'users', roles: ['ADMINISTRATOR'], path: '/admin/users' },
  { key: 'accessLog', roles: ['ADMINISTRATOR', 'AUDITOR'], path: '/admin/access-log' },
  { key: 'programmes', roles: ['EMPLOYMENT_OFFICER'] },
  { key: 'departures', roles: ['AGENCY_OPERATOR', 'EMPLOYMENT_OFFICER', 'ADMINISTRATOR'], path: '/staff/departures' },
  { key: 'agencies', roles: ['ADMINISTRATOR', 'EMPLOYMENT_OFFICER', 'MFA_OFFICER'], path: '/staff/agencies' },
  { key: 'people', roles: PEOPLE_READERS, path: '/staff/people' },
  { key: 'children', roles: ['SOCIAL_WORKER', 'DISTRICT_COORDINATOR', 'OBLAST_COORDINATOR'] },
  { key: 'compensation', roles: ['CONSULAR_OFFICER', 'MFA_OFFICER'] },
  { key: 'statistics', roles: STATISTICS_READERS, path: '/staff/statistics' },
  { key: 'partners', roles: ['PARTNER_SYSTEM', 'ADMINISTRATOR'] },
];

function StaffHome({ user }: { user: SessionUser }) {
  // the migrants items' texts (agencies, people) are in the `migrants` namespace
  const { t } = useTranslation(['translation', 'migrants'], { nsMode: 'fallback' });
  const items = ITEMS.filter((i) => hasRole(user, ...i.roles));
  return (
    <>
      <p className="lead">{t('staff.welcome', { name: user.displayName })}</p>
      {items.length === 0 ? <p>{t('staff.nothing')}</p> : null}
      <ul className="cards" data-testid="staff-items">
        {items.map((item) => (
          <li key={item.key} className={`card card-staff${item.path ? '' : ' card-soon'}`}>
            <h2 className="card-title">
              {item.path ? (
                <Link to={item.path} className="card-link">
                  {t(`staff.items.${item.key}.title`)}
                </Link>
              ) : (
                t(`staff.items.${item.key}.title`)
              )}
            </h2>
            <p>{t(`staff.items.${item.key}.description`)}</p>
            {item.path ? null : (
              <p>
                <span className="badge">{t('comingSoon.badge')}</span>
              </p>
            )}
          </li>
        ))}
      </ul>
      <p>
        <Link to="/me">{t('me.title')}</Link>
      </p>
    </>
  );
}

export function StaffHomePage() {
  const { t } = useTranslation();
  return (
    <RequireAuth signIn="/staff/sign-in" staffOnly>
      {(user) => (
        <Page title={t('services.staff.title')} className="staff-home">
          <StaffHome user={user} />
        </Page>
      )}
    </RequireAuth>
  );
}
