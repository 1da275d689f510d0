import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A country (ISO 3166-1)' })
@Directive('@key(fields: "code")')
export class Country {
  @Field(() => ID, { description: 'ISO 3166-1 alpha-2 code' })
  code!: string;

  @Field(() => String)
  alpha3!: string;

  @Field(() => String)
  nameKy!: string;

  @Field(() => String)
  nameRu!: string;

  @Field(() => String)
  nameEn!: string;

  @Field(() => Boolean, { description: "A destination of the ministry's employment programmes" })
  isProgrammeDestination!: boolean;

  @Field(() => Int, { nullable: true, description: 'Position among the programme destinations' })
  programmeOrder!: number | null;
}
