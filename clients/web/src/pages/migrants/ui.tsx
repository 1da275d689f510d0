import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../api/gql';
import type { FormErrors } from './lib';
import { useMT } from './lib';

/**
 * At the top of a form after a failed submit: what went wrong, each item moving the focus to its field.
 * The messages are also shown next to each field.
 */
export function ErrorSummary({
  errors,
  idOf = (field) => field,
  id = 'error-summary',
}: {
  errors: FormErrors;
  /** the id of a field's control (or group), by field name */
  idOf?: (field: string) => string;
  id?: string;
}) {
  const { t } = useMT();
  const fields = Object.entries(errors.fields);
  if (!errors.general && fields.length === 0) return null;
  return (
    <div className="alert alert-error mg-summary" role="alert" id={id} tabIndex={-1} data-testid="error-summary">
      {errors.general ? <p>{errors.general}</p> : <p>{t('form.fixErrors')}</p>}
      {fields.length ? (
        <ul>
          {fields.map(([field, message]) => (
            <li key={field}>
              <a
                href={`#${idOf(field)}`}
                onClick={(e) => {
                  const target = document.getElementById(idOf(field));
                  if (!target) return;
                  e.preventDefault();
                  target.scrollIntoView({ block: 'center' });
                  (target.matches('input, select, textarea, button') ? target : target.querySelector<HTMLElement>('input, select, textarea, button'))?.focus();
                }}
              >
                {message}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** A field's error right above its control (as Field does), for groups that are not one control. */
export function FieldError({ id, message }: { id: string; message?: string | null }) {
  if (!message) return null;
  return (
    <p className="error" id={id} data-field-error>
      {message}
    </p>
  );
}

export function LoadError({ error, retry }: { error: unknown; retry?: () => void }) {
  const { t } = useTranslation();
  return (
    <p className="error" role="alert">
      {errorMessage(error, t)}{' '}
      {retry ? (
        <button type="button" className="link-button" onClick={retry}>
          {t('error.retry')}
        </button>
      ) : null}
    </p>
  );
}

export function BackToStaff() {
  const { t } = useTranslation();
  return (
    <p className="mg-back">
      <Link to="/staff" className="back-link">
        {t('staff.backToStaff')}
      </Link>
    </p>
  );
}

/** "ACTIVE" as a coloured badge with its name. */
export function StatusBadge({ status }: { status: string }) {
  const { t } = useMT();
  return <span className={`badge mg-status mg-status-${status.toLowerCase()}`}>{t(`agency.status.${status}`)}</span>;
}
