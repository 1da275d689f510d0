import { Directive, Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';

export enum AgencyStatus {
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
  REVOKED = 'REVOKED',
}
registerEnumType(AgencyStatus, { name: 'AgencyStatus' });

@ObjectType()
export class AgencyStatusChange {
  @Field(() => AgencyStatus) status!: AgencyStatus;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field(() => String) changedBy!: string;
  @Field(() => Date) changedAt!: Date;
}

@ObjectType({ description: 'A licensed private employment agency' })
@Directive('@key(fields: "id")')
export class Agency {
  @Field(() => ID) id!: string;
  @Field(() => String) licenceNumber!: string;
  @Field(() => String) legalName!: string;
  @Field(() => String, { description: 'Tax number (ИНН), 14 digits' }) inn!: string;
  @Field(() => String) licenceValidFrom!: string;
  @Field(() => String) licenceValidTo!: string;
  @Field(() => AgencyStatus) status!: AgencyStatus;
  @Field(() => Date) createdAt!: Date;
}

@InputType()
export class AgencyInput {
  @Field(() => String) licenceNumber!: string;
  @Field(() => String) legalName!: string;
  @Field(() => String) inn!: string;
  @Field(() => String) licenceValidFrom!: string;
  @Field(() => String) licenceValidTo!: string;
}
