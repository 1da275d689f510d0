import { Directive, Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { ROLES } from '@kg/platform';

export const Role = Object.fromEntries(ROLES.map((r) => [r, r])) as { [K in (typeof ROLES)[number]]: K };
export type Role = (typeof ROLES)[number];
registerEnumType(Role, { name: 'Role', description: 'What a user may do; staff roles are limited further by scope' });

export enum AccountKind {
  CITIZEN = 'CITIZEN',
  STAFF = 'STAFF',
}
registerEnumType(AccountKind, { name: 'AccountKind' });

export enum AccountStatus {
  ACTIVE = 'ACTIVE',
  LOCKED = 'LOCKED',
  DISABLED = 'DISABLED',
}
registerEnumType(AccountStatus, { name: 'AccountStatus' });

@ObjectType({ description: 'A citizen or staff account' })
@Directive('@key(fields: "id")')
export class User {
  @Field(() => ID)
  id!: string;

  @Field(() => AccountKind)
  kind!: AccountKind;

  @Field(() => String, { nullable: true, description: 'The PIN (citizens; staff who sign with a signature)' })
  pin!: string | null;

  @Field(() => Boolean, { description: 'The PIN from the certificate failed the date check and waits for staff review' })
  pinNeedsReview!: boolean;

  @Field(() => String)
  displayName!: string;

  @Field(() => [Role])
  roles!: Role[];

  @Field(() => [String], { description: 'СОАТЕ codes of the territorial scope' })
  territoryCodes!: string[];

  @Field(() => String, { nullable: true })
  agencyId!: string | null;

  @Field(() => String, { nullable: true })
  missionCode!: string | null;

  @Field(() => AccountStatus)
  status!: AccountStatus;

  @Field(() => String, { nullable: true, description: 'Staff login (administrators only)' })
  login!: string | null;

  @Field(() => Date, { nullable: true })
  lastSignInAt!: Date | null;
}

@ObjectType()
export class AuthPayload {
  @Field(() => String, { description: 'Send as "Authorization: Bearer <accessToken>"' })
  accessToken!: string;

  @Field(() => Date)
  expiresAt!: Date;

  @Field(() => String, {
    nullable: true,
    description: 'For non-browser clients only; browsers get it as an httpOnly cookie and this is null',
  })
  refreshToken!: string | null;

  @Field(() => User)
  user!: User;
}

@ObjectType({ description: 'Shown once to the administrator: hand it to the staff member over a safe channel' })
export class StaffCredentials {
  @Field(() => User)
  user!: User;

  @Field(() => String)
  login!: string;

  @Field(() => String)
  temporaryPassword!: string;

  @Field(() => String, { description: 'TOTP secret (base32) for the authenticator app' })
  totpSecret!: string;

  @Field(() => String, { description: 'otpauth:// URI, for a QR code' })
  totpUri!: string;
}

@InputType()
export class StaffAccessInput {
  @Field(() => [Role])
  roles!: Role[];

  @Field(() => [String], { nullable: true, description: 'СОАТЕ codes: a social worker\'s aiyl okmotu, a coordinator\'s raion or oblast' })
  territoryCodes?: string[];

  @Field(() => String, { nullable: true })
  agencyId?: string;

  @Field(() => String, { nullable: true })
  missionCode?: string;
}

@InputType()
export class CreateStaffInput extends StaffAccessInput {
  @Field(() => String)
  login!: string;

  @Field(() => String)
  displayName!: string;

  @Field(() => String, { nullable: true, description: 'Lets the staff member also sign in with a signature' })
  pin?: string;
}
