import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CountryRef, TerritoryRef } from '../references';

export enum StatisticsDimension {
  COUNTRY = 'COUNTRY',
  OBLAST = 'OBLAST',
  RAION = 'RAION',
  SEX = 'SEX',
  AGE_BAND = 'AGE_BAND',
  OCCUPATION_GROUP = 'OCCUPATION_GROUP',
  SOURCE = 'SOURCE',
  DEPARTURE_MONTH = 'DEPARTURE_MONTH',
}
registerEnumType(StatisticsDimension, { name: 'StatisticsDimension', description: 'What to break the count down by' });

export enum StatisticsPopulation {
  CURRENTLY_ABROAD = 'CURRENTLY_ABROAD',
  ALL_DEPARTURES = 'ALL_DEPARTURES',
}
registerEnumType(StatisticsPopulation, {
  name: 'StatisticsPopulation',
  description: 'CURRENTLY_ABROAD: persons with an open stay abroad, each once (by their latest departure); ALL_DEPARTURES: every reported departure, for trends',
});

@ObjectType({
  description: 'A count that may be suppressed: fewer than 5 persons shows as "<5"; a cell hidden only so that a "<5" cannot be worked out from the totals shows as "x"; both have no value',
})
export class SuppressedCount {
  @Field(() => Int, { nullable: true }) value!: number | null;
  @Field(() => String) display!: string;
  @Field(() => Boolean) suppressed!: boolean;
}

@ObjectType()
export class StatisticsRow {
  @Field(() => CountryRef, { nullable: true }) country!: CountryRef | null;
  @Field(() => TerritoryRef, { nullable: true, description: 'Oblast or raion of origin (home), when grouped by it' }) territory!: TerritoryRef | null;
  @Field(() => String, { nullable: true }) sex!: string | null;
  @Field(() => String, { nullable: true, description: '18-24, 25-34, … ; "unknown" where no birth date' }) ageBand!: string | null;
  @Field(() => String, { nullable: true, description: 'ISCO-08 major group (first digit); "unknown"' }) occupationGroup!: string | null;
  @Field(() => String, { nullable: true }) source!: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM' }) month!: string | null;
  @Field(() => Boolean, { description: 'Origin (oblast/raion) unknown: agencies do not report it' }) originUnknown!: boolean;
  @Field(() => SuppressedCount) count!: SuppressedCount;
}

@ObjectType()
export class MigrationStatistics {
  @Field(() => String, { description: 'The date the counts are for (Bishkek)' }) asOf!: string;
  @Field(() => SuppressedCount) total!: SuppressedCount;
  @Field(() => [StatisticsRow]) rows!: StatisticsRow[];
}
