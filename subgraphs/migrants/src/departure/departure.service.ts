import { createHash, randomUUID } from 'node:crypto';
import { AppError, badInput, Config, currentLocale, forbidden, hasRole, notFound, pageSize, recordAccess, RequestContext } from '@kg/platform';
import type { AgencyService } from '../agency/agency.service';
import type { DepartureRecord, MigrantStore } from '../migrant/migrant.store';
import { toEpisode } from '../migrant/migrant.service';
import type { MigrationEpisode } from '../migrant/migrant.type';
import { todayInBishkek } from '../validation';
import { errorMessage, importDepartureFile, rowKey, validateDepartureRow, type DepartureReportInput as Valid, type RowError } from './departure.import';
import { DepartureReportInput, DepartureReportResult, UploadPreview, UploadResult, UploadRowError } from './departure.type';
import { migrantsDb, MigrantsDb } from '../tables';
import type { Db } from '@kg/platform';

const MAX_ERRORS_SHOWN = 1000;
const DAY = 86_400_000;

/**
 * Agencies report every citizen they send abroad: one at a time (form or API) or in bulk (CSV/XLSX,
 * previewed, then committed). Same rules for all three. A departure reported again, by the same or
 * another agency, is recognised by its key and stored once, so each person is counted once.
 */
export class DepartureService {
  private readonly db: MigrantsDb;
  constructor(
    private readonly migrants: MigrantStore,
    private readonly agencies: AgencyService,
    private readonly config: Config,
    private readonly rawDb: Db,
  ) {
    this.db = migrantsDb(rawDb);
  }

  private isLate(contractStart: string, today: string): boolean {
    return (Date.parse(today) - Date.parse(contractStart)) / DAY > this.config.DEPARTURE_REPORT_DEADLINE_DAYS;
  }

  private record(v: Valid, key: string, agencyId: string, today: string, uploadId: string | null): DepartureRecord {
    const departed = v.contractStart <= today;
    return {
      migrant: {
        pin: v.pin,
        last_name: v.lastName,
        first_name: v.firstName,
        patronymic: v.patronymic ?? null,
        birth_date: v.birthDate,
        sex: v.pin[0] === '1' ? 'F' : 'M',
        current_country: departed ? v.country : null,
        current_city: departed ? v.city ?? null : null,
      },
      episode: {
        id: randomUUID(),
        pin: v.pin,
        country: v.country,
        city: v.city ?? null,
        employer: v.employer,
        position_isco: v.positionIsco ?? null,
        departure_date: v.contractStart,
        contract_end: v.contractEnd ?? null,
        return_date: null,
        source: 'AGENCY_REPORT',
        agency_id: agencyId,
        report_key: key,
        late: this.isLate(v.contractStart, today),
        upload_id: uploadId,
      },
    };
  }

  async report(input: DepartureReportInput, agencyId: string | undefined, ctx: RequestContext): Promise<DepartureReportResult> {
    const agency = await this.agencies.reportingAgency(agencyId, ctx);
    const today = todayInBishkek();
    // Absent and null mean the same for optional fields; the row validator expects text only.
    const values = Object.fromEntries(Object.entries({ ...input }).filter(([, v]) => v !== null && v !== undefined));
    const checked = validateDepartureRow(values as Record<string, string>, { today });
    if (!checked.ok) {
      const locale = currentLocale();
      const details = checked.errors.map((e) => ({ field: `input.${e.field}`, message: errorMessage(e, locale), reason: e.code }));
      const err = new AppError('BAD_USER_INPUT', 'departure.invalid', { field: details[0].field, details, params: { details: details.map((d) => d.message).join('; ') } });
      throw err;
    }
    const key = rowKey(checked.value);
    const created = await this.migrants.recordDepartures([this.record(checked.value, key, agency.id, today, null)]);
    const duplicate = !created.has(key);
    const episode = duplicate ? null : await this.db.selectFrom('episode').selectAll().where('report_key', '=', key).executeTakeFirstOrThrow();
    return Object.assign(new DepartureReportResult(), { episode: episode ? toEpisode(episode) : null, duplicate, late: this.isLate(checked.value.contractStart, today) });
  }

  async preview(fileName: string, contentBase64: string, agencyId: string | undefined, ctx: RequestContext): Promise<UploadPreview> {
    const agency = await this.agencies.reportingAgency(agencyId, ctx);
    if (!/^[A-Za-z0-9+/=\s]+$/.test(contentBase64 ?? '')) throw badInput('upload.base64', 'contentBase64');
    const bytes = Buffer.from(contentBase64, 'base64');
    const result = await importDepartureFile(bytes, String(fileName ?? 'upload'), { today: todayInBishkek() });
    const locale = currentLocale();
    const toError = (e: RowError) => Object.assign(new UploadRowError(), { line: e.line, field: e.field, code: e.code, message: errorMessage(e, locale) });
    const errors = [...result.headerErrors, ...result.rowErrors];
    const preview = Object.assign(new UploadPreview(), {
      uploadId: null as string | null,
      format: result.format,
      totalRows: result.totalRows,
      validRows: result.valid.length,
      invalidRows: result.invalidRowCount,
      alreadyReported: 0,
      errors: errors.slice(0, MAX_ERRORS_SHOWN).map(toError),
      errorCount: errors.length,
    });
    if (result.headerErrors.length || result.valid.length === 0) return preview;
    preview.alreadyReported = (await this.migrants.existingKeys(result.valid.map((r) => r.key))).size;
    const id = randomUUID();
    await this.db
      .insertInto('departure_upload')
      .values({
        id,
        agency_id: agency.id,
        file_name: String(fileName).slice(0, 200),
        file_sha256: createHash('sha256').update(bytes).digest('hex'),
        total_rows: result.totalRows,
        valid_rows: JSON.stringify(result.valid.map((r) => [r.key, r.value])),
        invalid_rows: result.invalidRowCount,
        created_by: ctx.caller!.userId,
      })
      .execute();
    preview.uploadId = id;
    return preview;
  }

  /** Writes the valid rows of a previewed upload. Committing twice returns the first result. */
  async commit(uploadId: string, ctx: RequestContext): Promise<UploadResult> {
    const upload = await this.db.selectFrom('departure_upload').selectAll().where('id', '=', String(uploadId)).executeTakeFirst().catch(() => undefined);
    if (!upload) throw notFound('upload.notFound');
    const caller = ctx.caller!;
    if (!hasRole(caller, 'ADMINISTRATOR', 'EMPLOYMENT_OFFICER') && caller.agencyId !== upload.agency_id) throw forbidden();
    await this.agencies.reportingAgency(upload.agency_id, ctx);
    const result = (u: typeof upload) => Object.assign(new UploadResult(), { uploadId: u.id, created: u.created_count ?? 0, duplicates: u.duplicate_count ?? 0, late: u.late_count ?? 0 });
    if (upload.status === 'COMMITTED') return result(upload);
    const today = todayInBishkek();
    const rows = (typeof upload.valid_rows === 'string' ? JSON.parse(upload.valid_rows) : upload.valid_rows) as [string, Valid][];
    const records = rows.map(([key, v]) => this.record(v, key, upload.agency_id, today, upload.id));
    const created = await this.migrants.recordDepartures(records);
    const late = records.filter((r) => created.has(r.episode.report_key!) && r.episode.late).length;
    // Only the first commit marks the upload; a concurrent second one finds it committed.
    const marked = await this.db
      .updateTable('departure_upload')
      .set({ status: 'COMMITTED', committed_at: new Date(), created_count: created.size, duplicate_count: records.length - created.size, late_count: late, valid_rows: '[]' })
      .where('id', '=', upload.id)
      .where('status', '=', 'PREVIEWED')
      .returningAll()
      .executeTakeFirst();
    return result(marked ?? (await this.db.selectFrom('departure_upload').selectAll().where('id', '=', upload.id).executeTakeFirstOrThrow()));
  }

  async list(agencyId: string | undefined, first: number | undefined, ctx: RequestContext): Promise<MigrationEpisode[]> {
    const caller = ctx.caller!;
    const managers = hasRole(caller, 'ADMINISTRATOR', 'EMPLOYMENT_OFFICER', 'MFA_OFFICER');
    if (!managers && !hasRole(caller, 'AGENCY_OPERATOR')) throw forbidden();
    const id = managers ? agencyId : caller.agencyId;
    if (!managers && agencyId && agencyId !== caller.agencyId) throw forbidden();
    const rows = await this.migrants.agencyEpisodes(id, pageSize(first));
    await recordAccess(this.rawDb, ctx, rows.map((r) => ({ entity: 'Migrant', entityId: r.pin, action: 'SEARCH' as const })));
    return rows.map(toEpisode);
  }
}

