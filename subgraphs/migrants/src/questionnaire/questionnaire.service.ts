import { createHash, createHmac, randomBytes, randomUUID } from 'node:crypto';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { z } from 'zod';
import { AppError, badInput, conflict, Db, notFound, parseInput, requireRole, RequestContext } from '@kg/platform';
import type { QuestionnaireRow } from '../tables';
import { countryCode, iscoCode, isoDate, personName, phone, soateCode, todayInBishkek } from '../validation';
import type { QuestionnaireStore } from './questionnaire.store';
import { Education, LanguageLevel, Questionnaire, QuestionnaireInput, QuestionnaireReceipt, QuestionnaireStatus, Sex } from './questionnaire.type';

const key = (k: string) => ({ params: { key: k } }) as any;
const ageBetween = (min: number, max: number) => (d: string) => {
  const today = todayInBishkek();
  const age = Number(today.slice(0, 4)) - Number(d.slice(0, 4)) - (today.slice(5) < d.slice(5) ? 1 : 0);
  return age >= min && age <= max;
};

/** Size limits keep an anonymous form from being used to store junk. */
export const questionnaireSchema = z.object({
  lastName: personName,
  firstName: personName,
  patronymic: personName.optional().nullable(),
  birthDate: isoDate.refine(ageBetween(16, 75), { params: { key: 'validation.age' } } as any),
  sex: z.nativeEnum(Sex),
  phone,
  territoryCode: soateCode,
  education: z.nativeEnum(Education),
  occupations: z.array(iscoCode).min(1).max(5),
  skills: z.string().trim().max(1000).optional().nullable(),
  languages: z.array(z.object({ code: z.string().regex(/^[a-z]{2}$/), level: z.nativeEnum(LanguageLevel) })).max(10).optional().nullable(),
  wantedCountries: z.array(countryCode).min(1).max(10),
  experienceYears: z.number().int().min(0).max(60).optional().nullable(),
  experience: z.string().trim().max(2000).optional().nullable(),
  consentProcessing: z.literal(true, key('validation.consent')),
  consentPartnerSharing: z.boolean().optional().nullable(),
});

const ACCESS_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
function formatCode(bytes: Buffer): string {
  let code = '';
  for (let i = 0; i < 10; i++) code += ACCESS_ALPHABET[bytes[i] % ACCESS_ALPHABET.length];
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}
const hash = (s: string) => createHash('sha256').update(s).digest('hex');
const normaliseCode = (c: string) => String(c ?? '').toUpperCase().replace(/[^A-Z0-9]/g, '').replace(/^(.{5})/, '$1-');

export function toQuestionnaire(r: QuestionnaireRow): Questionnaire {
  return Object.assign(new Questionnaire(), {
    id: r.id,
    reference: r.reference,
    status: r.status as QuestionnaireStatus,
    lastName: r.last_name,
    firstName: r.first_name,
    patronymic: r.patronymic,
    birthDate: r.birth_date,
    sex: r.sex as Sex,
    phone: r.phone,
    territoryCode: r.territory_code,
    education: r.education as Education,
    occupations: r.occupations,
    skills: r.skills,
    languages: r.languages ?? [],
    wantedCountries: r.wanted_countries,
    experienceYears: r.experience_years,
    experience: r.experience,
    consentPartnerSharing: r.consent_partner_sharing,
    attached: !!r.attached_pin,
    submittedAt: r.created_at,
    updatedAt: r.updated_at,
  });
}

/**
 * The questionnaire anyone may fill in without an account. The reference and a secret access code
 * (stored only as a hash) open it later. Retries carry an idempotency key: the same key and input give
 * the same reference and code, never a second questionnaire.
 */
export class QuestionnaireService {
  // Per client address; a village's shared connection still gets room for a family's forms.
  private readonly submitLimiter = new RateLimiterMemory({ points: 20, duration: 3600 });
  private readonly lookupLimiter = new RateLimiterMemory({ points: 60, duration: 600 });

  constructor(
    private readonly store: QuestionnaireStore,
    private readonly db: Db,
    /** Fills the citizen's record from an attached questionnaire where the record has nothing yet. */
    private readonly fillRecord?: (pin: string, from: QuestionnaireRow) => Promise<void>,
  ) {}

  private async limit(limiter: RateLimiterMemory, ctx: RequestContext) {
    try {
      await limiter.consume(ctx.ip ?? 'unknown');
    } catch {
      throw new AppError('TOO_MANY_REQUESTS', 'error.tooManyRequests', { reason: 'RATE_LIMITED' });
    }
  }

  private columns(v: z.infer<typeof questionnaireSchema>) {
    return {
      last_name: v.lastName,
      first_name: v.firstName,
      patronymic: v.patronymic ?? null,
      birth_date: v.birthDate,
      sex: v.sex,
      phone: v.phone,
      territory_code: v.territoryCode,
      education: v.education,
      occupations: v.occupations,
      skills: v.skills ?? null,
      languages: v.languages ?? [],
      wanted_countries: [...new Set(v.wantedCountries)],
      experience_years: v.experienceYears ?? null,
      experience: v.experience ?? null,
      consent_processing: true,
      consent_partner_sharing: !!v.consentPartnerSharing,
    };
  }

  async submit(input: QuestionnaireInput, idempotencyKey: string | undefined, ctx: RequestContext): Promise<QuestionnaireReceipt> {
    if (idempotencyKey !== undefined && idempotencyKey !== null && !/^[\w-]{16,100}$/.test(idempotencyKey)) throw badInput('validation.invalid', 'idempotencyKey');
    const v = parseInput(questionnaireSchema, input);
    const inputHash = hash(JSON.stringify(this.columns(v)));
    if (idempotencyKey) {
      const earlier = await this.store.byIdempotencyKey(idempotencyKey);
      if (earlier) return this.replay(earlier, idempotencyKey, inputHash);
    }
    await this.limit(this.submitLimiter, ctx);
    const id = randomUUID();
    // With a key, the code is derived from it, so a retry that never saw the first answer gets the same code.
    const accessCode = formatCode(idempotencyKey ? createHmac('sha256', idempotencyKey).update(id).digest() : randomBytes(10));
    const row = await this.store.insert(
      { id, access_code_hash: hash(accessCode), idempotency_key: idempotencyKey ?? null, idempotency_input_hash: idempotencyKey ? inputHash : null, ...this.columns(v) } as any,
      Number(todayInBishkek().slice(0, 4)),
    );
    if (!row) return this.replay((await this.store.byIdempotencyKey(idempotencyKey!))!, idempotencyKey!, inputHash);
    return Object.assign(new QuestionnaireReceipt(), { reference: row.reference, accessCode, questionnaire: toQuestionnaire(row) });
  }

  private replay(row: QuestionnaireRow, idempotencyKey: string, inputHash: string): QuestionnaireReceipt {
    if (row.idempotency_input_hash !== inputHash) throw conflict('questionnaire.idempotencyConflict');
    const accessCode = formatCode(createHmac('sha256', idempotencyKey).update(row.id).digest());
    return Object.assign(new QuestionnaireReceipt(), { reference: row.reference, accessCode, questionnaire: toQuestionnaire(row) });
  }

  /** The questionnaire for its reference and access code; the same answer for a wrong code as for no such reference. */
  async open(reference: string, accessCode: string, ctx: RequestContext): Promise<QuestionnaireRow> {
    await this.limit(this.lookupLimiter, ctx);
    const row = await this.store.byReference(String(reference ?? '').trim().toUpperCase());
    if (!row || row.access_code_hash !== hash(normaliseCode(accessCode))) throw notFound('questionnaire.notFound');
    return row;
  }

  async view(reference: string, accessCode: string, ctx: RequestContext): Promise<Questionnaire> {
    return toQuestionnaire(await this.open(reference, accessCode, ctx));
  }

  async edit(reference: string, accessCode: string, input: QuestionnaireInput, ctx: RequestContext): Promise<Questionnaire> {
    const row = await this.open(reference, accessCode, ctx);
    if (row.status === 'WITHDRAWN') throw conflict('questionnaire.withdrawn');
    const v = parseInput(questionnaireSchema, input);
    return toQuestionnaire(await this.store.update(row.id, this.columns(v) as any));
  }

  async withdraw(reference: string, accessCode: string, ctx: RequestContext): Promise<Questionnaire> {
    const row = await this.open(reference, accessCode, ctx);
    return toQuestionnaire(row.status === 'WITHDRAWN' ? row : await this.store.update(row.id, { status: 'WITHDRAWN' }));
  }

  /** A signed-in citizen claims a questionnaire they submitted anonymously. */
  async attach(reference: string, accessCode: string, ctx: RequestContext): Promise<QuestionnaireRow> {
    const caller = requireRole(ctx, 'CITIZEN');
    const row = await this.open(reference, accessCode, ctx);
    if (row.attached_pin && row.attached_pin !== caller.pin) throw conflict('questionnaire.attachedElsewhere');
    const attached = await this.store.update(row.id, { attached_pin: caller.pin! });
    await this.fillRecord?.(caller.pin!, attached);
    return attached;
  }

  async mine(ctx: RequestContext): Promise<Questionnaire[]> {
    const caller = requireRole(ctx, 'CITIZEN');
    return (await this.store.byPin(caller.pin!)).map(toQuestionnaire);
  }
}
