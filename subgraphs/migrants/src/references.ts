import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** A territory of the directory subgraph, referred to by code; the gateway fills in the rest. */
@ObjectType('Territory')
@Directive('@key(fields: "code", resolvable: false)')
export class TerritoryRef {
  @Field(() => ID) code!: string;
}

/** A country of the directory subgraph, referred to by code. */
@ObjectType('Country')
@Directive('@key(fields: "code", resolvable: false)')
export class CountryRef {
  @Field(() => ID) code!: string;
}

export const territoryRef = (code: string | null | undefined) => (code ? Object.assign(new TerritoryRef(), { code }) : null);
export const countryRef = (code: string | null | undefined) => (code ? Object.assign(new CountryRef(), { code }) : null);
