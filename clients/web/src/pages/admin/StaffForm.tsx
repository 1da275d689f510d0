import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, GqlError } from '../../api/gql';
import { ROLES, type Role } from '../../auth/session';
import { Field } from '../../components/Field';
import { TerritoryPicker } from '../../components/TerritoryPicker';

/** Every role but CITIZEN can be given to a staff account. */
export const STAFF_ROLES = ROLES.filter((r) => r !== 'CITIZEN');
const MAX_ROLES = 5;

/** Roles that need a territory, and how deep: aiyl okmotu (3), raion (2), oblast (1). */
const TERRITORY_DEPTH: Partial<Record<Role, 1 | 2 | 3>> = {
  SOCIAL_WORKER: 3,
  DISTRICT_COORDINATOR: 2,
  OBLAST_COORDINATOR: 1,
};

/** The territory depth the roles need (the deepest, when several), or null. */
function territoryDepths(roles: Role[]): (1 | 2 | 3)[] {
  return [...new Set(roles.map((r) => TERRITORY_DEPTH[r]).filter((d): d is 1 | 2 | 3 => d !== undefined))];
}
function depthOf(roles: Role[]): 1 | 2 | 3 | null {
  const depths = territoryDepths(roles);
  return depths.length ? (Math.max(...depths) as 1 | 2 | 3) : null;
}

const LOGIN = /^[a-z0-9._-]{3,40}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MISSION = /^[A-Z]{2}-[A-Z0-9-]{2,20}$/;

export interface StaffAccessInput {
  roles: Role[];
  territoryCodes: string[];
  agencyId: string | null;
  missionCode: string | null;
}

export interface CreateStaffInput extends StaffAccessInput {
  login: string;
  displayName: string;
  pin: string | null;
}

type FieldName = 'login' | 'displayName' | 'pin' | 'roles' | 'territoryCodes' | 'agencyId' | 'missionCode';
type Errors = Partial<Record<FieldName, string>>;

export interface StaffFormProps {
  mode: 'create' | 'edit';
  initial?: Partial<StaffAccessInput>;
  /** Sends the input; a GqlError with field messages is shown next to the fields. */
  onSubmit: (input: CreateStaffInput | StaffAccessInput) => Promise<void>;
  onCancel?: () => void;
  submitLabel: string;
}

/**
 * A staff account's roles and scope (and, when creating, its login, name and optional PIN). The
 * scope fields follow the chosen roles: a territory at the depth the role needs, an agency, a mission.
 */
export function StaffForm({ mode, initial, onSubmit, onCancel, submitLabel }: StaffFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [login, setLogin] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [pin, setPin] = useState('');
  const [roles, setRoles] = useState<Role[]>(initial?.roles ?? []);
  // the territory we started from (editing), offered again while the roles need the same depth
  const initialDepth = depthOf(initial?.roles ?? []);
  const initialCode = initial?.territoryCodes?.[0] ?? null;
  const [territory, setTerritory] = useState<{ code: string | null; levels: number | null }>({
    code: initialCode,
    levels: null, // not known for a code we started from: the server checks it
  });
  const [agencyId, setAgencyId] = useState(initial?.agencyId ?? '');
  const [missionCode, setMissionCode] = useState(initial?.missionCode ?? '');
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const depths = territoryDepths(roles);
  const depth = depthOf(roles);
  const startCode = depth === initialDepth ? initialCode : null;
  const needsAgency = roles.includes('AGENCY_OPERATOR');
  const needsMission = roles.includes('CONSULAR_OFFICER');

  function toggleRole(role: Role, on: boolean) {
    const next = on ? [...roles, role] : roles.filter((r) => r !== role);
    const nextDepth = depthOf(next);
    if (nextDepth !== depth) setTerritory({ code: nextDepth === initialDepth ? initialCode : null, levels: null });
    setRoles(next);
  }

  function validate(): Errors {
    const e: Errors = {};
    if (mode === 'create') {
      if (!LOGIN.test(login.trim().toLowerCase())) e.login = t('staffForm.loginInvalid');
      if (!displayName.trim()) e.displayName = t('staffForm.nameRequired');
      if (pin.trim() && !/^\d{14}$/.test(pin.trim())) e.pin = t('staffForm.pinInvalid');
    }
    if (roles.length === 0) e.roles = t('staffForm.rolesRequired');
    else if (roles.length > MAX_ROLES) e.roles = t('staffForm.rolesTooMany', { max: MAX_ROLES });
    else if (depths.length > 1) e.roles = t('staffForm.rolesConflict');
    if (depth && !e.roles) {
      if (!territory.code || (territory.levels !== null && territory.levels < depth)) e.territoryCodes = t(`staffForm.territoryRequired${depth}`);
    }
    if (needsAgency && !UUID.test(agencyId.trim())) e.agencyId = t('staffForm.agencyInvalid');
    if (needsMission && !MISSION.test(missionCode.trim())) e.missionCode = t('staffForm.missionInvalid');
    return e;
  }

  function focusFirstError() {
    // after React has shown the messages
    setTimeout(() => {
      const el = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-invalid="true"] select, [data-invalid="true"] input');
      el?.focus();
    }, 0);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFormError(null);
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusFirstError();
      return;
    }
    const access: StaffAccessInput = {
      roles,
      territoryCodes: depth && territory.code ? [territory.code] : [],
      agencyId: needsAgency ? agencyId.trim() : null,
      missionCode: needsMission ? missionCode.trim() : null,
    };
    const input =
      mode === 'create'
        ? { login: login.trim().toLowerCase(), displayName: displayName.trim(), pin: pin.trim() || null, ...access }
        : access;
    setBusy(true);
    try {
      await onSubmit(input);
    } catch (err) {
      const byField = err instanceof GqlError ? (err.fieldMessages() as Errors) : {};
      if (err instanceof GqlError && err.code === 'CONFLICT' && mode === 'create') byField.login = err.message;
      const known = Object.keys(byField).filter((k) => FIELD_NAMES.includes(k as FieldName));
      setErrors(byField);
      if (known.length > 0) focusFirstError();
      else setFormError(err);
    } finally {
      setBusy(false);
    }
  }

  const fid = (name: string) => `${id}-${name}`;
  return (
    <form ref={formRef} className="form staff-form" onSubmit={submit} noValidate>
      {formError ? (
        <p className="alert alert-error" role="alert">
          {errorMessage(formError, t)}
        </p>
      ) : null}
      {mode === 'create' ? (
        <>
          <Field id={fid('login')} label={t('staffForm.login')} hint={t('staffForm.loginHint')} error={errors.login}>
            {(p) => (
              <input
                {...p}
                name="login"
                autoComplete="off"
                autoCapitalize="none"
                autoCorrect="off"
                spellCheck={false}
                value={login}
                onChange={(e) => setLogin(e.target.value)}
              />
            )}
          </Field>
          <Field id={fid('name')} label={t('staffForm.displayName')} error={errors.displayName}>
            {(p) => <input {...p} name="displayName" autoComplete="off" value={displayName} onChange={(e) => setDisplayName(e.target.value)} />}
          </Field>
        </>
      ) : null}

      <fieldset className="roles" aria-describedby={errors.roles ? fid('roles-error') : undefined} data-invalid={errors.roles ? 'true' : undefined}>
        <legend>{t('staffForm.roles')}</legend>
        {errors.roles ? (
          <p className="error" id={fid('roles-error')} data-field-error>
            {errors.roles}
          </p>
        ) : null}
        <div className="choices">
          {STAFF_ROLES.map((r) => (
            <label key={r} className="choice">
              <input type="checkbox" name="roles" value={r} checked={roles.includes(r)} onChange={(e) => toggleRole(r, e.target.checked)} />
              <span>{t(`role.${r}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>

      {depth ? (
        <div className="field scope-field" data-invalid={errors.territoryCodes ? 'true' : undefined}>
          {errors.territoryCodes ? (
            <p className="error" id={fid('territory-error')} data-field-error>
              {errors.territoryCodes}
            </p>
          ) : null}
          <TerritoryPicker
            key={depth}
            depth={depth}
            legend={t(`staffForm.territory${depth}`)}
            defaultValue={startCode}
            onChange={(code, path) => setTerritory({ code, levels: path.length })}
          />
        </div>
      ) : null}

      {needsAgency ? (
        <Field id={fid('agency')} label={t('staffForm.agencyId')} hint={t('staffForm.agencyHint')} error={errors.agencyId}>
          {(p) => (
            <input
              {...p}
              name="agencyId"
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              value={agencyId}
              onChange={(e) => setAgencyId(e.target.value)}
            />
          )}
        </Field>
      ) : null}

      {needsMission ? (
        <Field id={fid('mission')} label={t('staffForm.missionCode')} hint={t('staffForm.missionHint')} error={errors.missionCode}>
          {(p) => (
            <input
              {...p}
              name="missionCode"
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              value={missionCode}
              onChange={(e) => setMissionCode(e.target.value.toUpperCase())}
            />
          )}
        </Field>
      ) : null}

      {mode === 'create' ? (
        <Field id={fid('pin')} label={t('staffForm.pin')} hint={t('staffForm.pinHint')} error={errors.pin}>
          {(p) => (
            <input
              {...p}
              name="pin"
              inputMode="numeric"
              autoComplete="off"
              maxLength={14}
              value={pin}
              onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
            />
          )}
        </Field>
      ) : null}

      <div className="actions">
        <button type="submit" className="button" disabled={busy}>
          {submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="button button-secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}

const FIELD_NAMES: FieldName[] = ['login', 'displayName', 'pin', 'roles', 'territoryCodes', 'agencyId', 'missionCode'];
