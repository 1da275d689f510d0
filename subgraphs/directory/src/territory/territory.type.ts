import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum TerritoryLevel {
  OBLAST = 'OBLAST',
  DISTRICT = 'DISTRICT',
  AIYL_OKMOTU = 'AIYL_OKMOTU',
  SETTLEMENT = 'SETTLEMENT',
}
registerEnumType(TerritoryLevel, {
  name: 'TerritoryLevel',
  description: 'Level in the СОАТЕ tree: oblast (and the cities of Bishkek and Osh), raion or city, aiyl okmotu or town, village',
});

export enum KyrgyzNameSource {
  SOURCE = 'SOURCE',
  DERIVED = 'DERIVED',
  NONE = 'NONE',
}
registerEnumType(KyrgyzNameSource, {
  name: 'KyrgyzNameSource',
  description: 'Where the Kyrgyz name came from: the source data, derived from the Russian name, or none (Russian shown)',
});

@ObjectType({ description: 'An administrative-territorial unit of the Kyrgyz Republic (СОАТЕ)' })
@Directive('@key(fields: "code")')
export class Territory {
  @Field(() => ID, { description: '14-digit СОАТЕ code' })
  code!: string;

  @Field(() => TerritoryLevel)
  level!: TerritoryLevel;

  @Field(() => String, { nullable: true })
  parentCode!: string | null;

  @Field(() => String, { nullable: true, description: 'Kyrgyz name; null where no Kyrgyz form is known' })
  nameKy!: string | null;

  @Field(() => KyrgyzNameSource)
  nameKySource!: KyrgyzNameSource;

  @Field(() => String)
  nameRu!: string;

  @Field(() => String, { description: 'English name (transliterated below raion level)' })
  nameEn!: string;

  @Field(() => String, { description: 'Latin transliteration of the Kyrgyz (or Russian) name' })
  nameLatin!: string;

  sortOrder!: number;
}
