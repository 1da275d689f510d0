import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';

@ObjectType()
export class SignatureChallenge {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'The exact text to sign (CMS/PKCS#7, attached or detached)' })
  challenge!: string;

  @Field(() => Date)
  expiresAt!: Date;
}

export enum DemoSigner {
  CITIZEN_RSA = 'CITIZEN_RSA',
  CITIZEN_EC = 'CITIZEN_EC',
  STAFF = 'STAFF',
  REVOKED = 'REVOKED',
}
registerEnumType(DemoSigner, { name: 'DemoSigner', description: 'Development only: demo certificates of the demo CA' });
