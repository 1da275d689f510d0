import { Directive, Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { Sex } from '../questionnaire/questionnaire.type';
import { CountryRef, TerritoryRef } from '../references';

export enum EpisodeSource {
  SELF_DECLARED = 'SELF_DECLARED',
  AGENCY_REPORT = 'AGENCY_REPORT',
  PROGRAMME = 'PROGRAMME',
}
registerEnumType(EpisodeSource, { name: 'EpisodeSource', description: 'Who told us about a stay abroad' });

@ObjectType({ description: 'One stay abroad: departure, country, employer, return' })
export class MigrationEpisode {
  @Field(() => ID) id!: string;
  @Field(() => String) pin!: string;
  @Field(() => CountryRef, { nullable: true }) country!: CountryRef | null;
  @Field(() => String) countryCode!: string;
  @Field(() => String, { nullable: true }) city!: string | null;
  @Field(() => String, { nullable: true }) employer!: string | null;
  @Field(() => String, { nullable: true, description: 'ISCO-08 code' }) positionIsco!: string | null;
  @Field(() => String) departureDate!: string;
  @Field(() => String, { nullable: true }) contractEnd!: string | null;
  @Field(() => String, { nullable: true }) returnDate!: string | null;
  @Field(() => EpisodeSource) source!: EpisodeSource;
  @Field(() => ID, { nullable: true }) agencyId!: string | null;
  @Field(() => Date) reportedAt!: Date;
  @Field(() => Boolean, { description: 'Reported later than the deadline after departure' }) late!: boolean;
}

@ObjectType({ description: "A citizen's record, keyed by PIN. Staff reads are logged; analysts never see one" })
@Directive('@key(fields: "pin")')
export class Migrant {
  @Field(() => ID) pin!: string;
  @Field(() => String) lastName!: string;
  @Field(() => String) firstName!: string;
  @Field(() => String, { nullable: true }) patronymic!: string | null;
  @Field(() => String, { nullable: true }) birthDate!: string | null;
  @Field(() => Sex, { nullable: true }) sex!: Sex | null;
  @Field(() => TerritoryRef, { nullable: true, description: 'Where the person lives at home' }) homeTerritory!: TerritoryRef | null;
  @Field(() => String, { nullable: true }) phone!: string | null;
  @Field(() => String, { nullable: true }) email!: string | null;
  @Field(() => String, { nullable: true }) contactAbroad!: string | null;
  @Field(() => CountryRef, { nullable: true }) currentCountry!: CountryRef | null;
  @Field(() => String, { nullable: true }) currentCity!: string | null;
  @Field(() => Boolean, { description: 'An open stay abroad (departed, not returned, contract not ended)' }) isAbroad!: boolean;
  @Field(() => Date) updatedAt!: Date;
}

@InputType({ description: 'What a citizen declares about themselves' })
export class MyRecordInput {
  @Field(() => String, { nullable: true }) phone?: string;
  @Field(() => String, { nullable: true }) email?: string;
  @Field(() => String, { nullable: true }) contactAbroad?: string;
  @Field(() => String, { nullable: true, description: 'ISO alpha-2; empty string clears' }) currentCountry?: string;
  @Field(() => String, { nullable: true }) currentCity?: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: closes the current stay abroad' }) returnDate?: string;
  @Field(() => String, { nullable: true, description: 'СОАТЕ code of home' }) homeTerritoryCode?: string;
}
