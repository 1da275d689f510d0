import { Arg, Authorized, Ctx, Query, Resolver, registerEnumType } from 'type-graphql';
import type { RequestContext } from '@kg/platform';
import type { StatisticsService } from './statistics.service';
import { MigrationStatistics, StatisticsDimension, StatisticsPopulation } from './statistics.type';

export enum ExportFormat {
  CSV = 'CSV',
  XLSX = 'XLSX',
}
registerEnumType(ExportFormat, { name: 'ExportFormat' });

const ANALYSTS = ['ANALYST', 'ADMINISTRATOR', 'EMPLOYMENT_OFFICER', 'MFA_OFFICER'];

@Resolver()
export class StatisticsResolver {
  constructor(private readonly service: StatisticsService) {}

  @Authorized(...ANALYSTS)
  @Query(() => MigrationStatistics, { description: 'How many citizens are abroad, broken down by up to three dimensions; cells under 5 suppressed' })
  migrationStatistics(
    @Arg('groupBy', () => [StatisticsDimension]) groupBy: StatisticsDimension[],
    @Ctx() ctx: RequestContext,
    @Arg('population', () => StatisticsPopulation, { defaultValue: StatisticsPopulation.CURRENTLY_ABROAD }) population: StatisticsPopulation,
    @Arg('country', () => String, { nullable: true }) country?: string,
  ): Promise<MigrationStatistics> {
    return this.service.compute(groupBy, population, country, ctx);
  }

  @Authorized(...ANALYSTS)
  @Query(() => String, { description: 'The same table as a CSV or XLSX file, base64' })
  migrationStatisticsExport(
    @Arg('groupBy', () => [StatisticsDimension]) groupBy: StatisticsDimension[],
    @Arg('format', () => ExportFormat) format: ExportFormat,
    @Ctx() ctx: RequestContext,
    @Arg('population', () => StatisticsPopulation, { defaultValue: StatisticsPopulation.CURRENTLY_ABROAD }) population: StatisticsPopulation,
  ): Promise<string> {
    return this.service.export(groupBy, population, format, ctx);
  }
}
