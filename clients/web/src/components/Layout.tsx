import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { LanguageSwitch } from './LanguageSwitch';
import { UserMenu } from './UserMenu';

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const firstRender = useRef(true);

  // After client-side navigation, move focus to the new page's heading so that screen readers
  // and keyboard users start from the top of the new content (not on the first load).
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    window.scrollTo(0, 0);
    document.getElementById('page-title')?.focus();
  }, [pathname]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="site-header">
        <div className="wrap header-inner">
          <Link to="/" className="brand">
            <svg className="brand-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
              <circle cx="16" cy="16" r="9" fill="#ffd200" />
              <circle cx="16" cy="16" r="5" fill="#b3121f" />
            </svg>
            <span className="brand-text">
              <span className="brand-ministry">{t('ministry')}</span>
              <span className="brand-portal">{t('portal')}</span>
            </span>
          </Link>
          <LanguageSwitch />
        </div>
        <UserMenu />
      </header>
      <main id="main" className="wrap" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <div className="wrap">
          <nav>
            <ul className="footer-links">
              <li>
                <Link to="/territories">{t('footer.territories')}</Link>
              </li>
            </ul>
          </nav>
          <p>{t('footer.partners')}</p>
          <p>© {t('ministry')}</p>
        </div>
      </footer>
    </>
  );
}
