import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The page's one <h1> (focused after navigation, see Layout) and the document title. */
export function Page({ title, children, className }: { title: string; children?: ReactNode; className?: string }) {
  const { t } = useTranslation();
  const portal = t('portal');
  useEffect(() => {
    document.title = `${title} — ${portal}`;
  }, [title, portal]);
  return (
    <div className={className}>
      <h1 id="page-title" tabIndex={-1}>
        {title}
      </h1>
      {children}
    </div>
  );
}
