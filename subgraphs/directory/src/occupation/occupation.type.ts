import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum OccupationLevel {
  MAJOR = 'MAJOR',
  UNIT = 'UNIT',
}
registerEnumType(OccupationLevel, { name: 'OccupationLevel', description: 'ISCO-08 major group (1 digit) or unit group (4 digits)' });

@ObjectType({ description: 'An occupation of the ISCO-08 classification' })
@Directive('@key(fields: "code")')
export class Occupation {
  @Field(() => ID) code!: string;
  @Field(() => OccupationLevel) level!: OccupationLevel;
  @Field(() => String) nameKy!: string;
  @Field(() => String) nameRu!: string;
  @Field(() => String) nameEn!: string;
  @Field(() => String, { description: 'The major group (first digit)' }) majorGroup!: string;
}
