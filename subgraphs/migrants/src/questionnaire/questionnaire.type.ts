import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum Sex {
  F = 'F',
  M = 'M',
}
registerEnumType(Sex, { name: 'Sex', description: 'F female, M male (as in the PIN)' });

export enum Education {
  NONE = 'NONE',
  PRIMARY = 'PRIMARY',
  BASIC_SECONDARY = 'BASIC_SECONDARY',
  SECONDARY = 'SECONDARY',
  VOCATIONAL = 'VOCATIONAL',
  HIGHER_INCOMPLETE = 'HIGHER_INCOMPLETE',
  HIGHER = 'HIGHER',
  POSTGRADUATE = 'POSTGRADUATE',
}
registerEnumType(Education, { name: 'Education' });

export enum LanguageLevel {
  A1 = 'A1',
  A2 = 'A2',
  B1 = 'B1',
  B2 = 'B2',
  C1 = 'C1',
  C2 = 'C2',
  NATIVE = 'NATIVE',
}
registerEnumType(LanguageLevel, { name: 'LanguageLevel', description: 'CEFR level, or native' });

export enum QuestionnaireStatus {
  SUBMITTED = 'SUBMITTED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(QuestionnaireStatus, { name: 'QuestionnaireStatus' });

@ObjectType()
@InputType('LanguageSkillInput')
export class LanguageSkill {
  @Field(() => String, { description: 'ISO 639-1 code: ky, ru, en, tr, ko, de, ar, kk, …' })
  code!: string;

  @Field(() => LanguageLevel)
  level!: LanguageLevel;
}

@InputType({ description: "A job seeker's questionnaire (анкета); no account needed" })
export class QuestionnaireInput {
  @Field(() => String) lastName!: string;
  @Field(() => String) firstName!: string;
  @Field(() => String, { nullable: true }) patronymic?: string;
  @Field(() => String, { description: 'YYYY-MM-DD' }) birthDate!: string;
  @Field(() => Sex) sex!: Sex;
  @Field(() => String, { description: 'International format: +996 555 123 456' }) phone!: string;
  @Field(() => String, { description: 'СОАТЕ code of where the person lives, down to the aiyl okmotu' }) territoryCode!: string;
  @Field(() => Education) education!: Education;
  @Field(() => [String], { description: 'ISCO-08 codes (4 digits), most relevant first' }) occupations!: string[];
  @Field(() => String, { nullable: true }) skills?: string;
  @Field(() => [LanguageSkill], { nullable: true }) languages?: LanguageSkill[];
  @Field(() => [String], { description: 'ISO 3166-1 alpha-2 codes of the countries the person would work in' }) wantedCountries!: string[];
  @Field(() => Int, { nullable: true }) experienceYears?: number;
  @Field(() => String, { nullable: true }) experience?: string;
  @Field(() => Boolean, { description: 'Required: consent to processing of personal data' }) consentProcessing!: boolean;
  @Field(() => Boolean, { nullable: true, description: 'Optional: share with partner job-matching systems (EAEU "Work without borders")' })
  consentPartnerSharing?: boolean;
}

@ObjectType({ description: "A job seeker's questionnaire" })
@Directive('@key(fields: "id")')
export class Questionnaire {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'Public reference, e.g. AN-2026-000123' }) reference!: string;
  @Field(() => QuestionnaireStatus) status!: QuestionnaireStatus;
  @Field(() => String) lastName!: string;
  @Field(() => String) firstName!: string;
  @Field(() => String, { nullable: true }) patronymic!: string | null;
  @Field(() => String) birthDate!: string;
  @Field(() => Sex) sex!: Sex;
  @Field(() => String) phone!: string;
  @Field(() => String) territoryCode!: string;
  @Field(() => Education) education!: Education;
  @Field(() => [String]) occupations!: string[];
  @Field(() => String, { nullable: true }) skills!: string | null;
  @Field(() => [LanguageSkill]) languages!: LanguageSkill[];
  @Field(() => [String]) wantedCountries!: string[];
  @Field(() => Int, { nullable: true }) experienceYears!: number | null;
  @Field(() => String, { nullable: true }) experience!: string | null;
  @Field(() => Boolean) consentPartnerSharing!: boolean;
  @Field(() => Boolean, { description: 'Attached to a signed-in citizen\'s record' }) attached!: boolean;
  @Field(() => Date) submittedAt!: Date;
  @Field(() => Date) updatedAt!: Date;
}

@ObjectType()
export class QuestionnaireReceipt {
  @Field(() => String) reference!: string;
  @Field(() => String, { description: 'Shown once: with the reference it opens, edits or withdraws the questionnaire' }) accessCode!: string;
  @Field(() => Questionnaire) questionnaire!: Questionnaire;
}
