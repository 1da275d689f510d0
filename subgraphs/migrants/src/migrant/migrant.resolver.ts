import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '@kg/platform';
import type { DepartureService } from '../departure/departure.service';
import { DepartureReportInput, DepartureReportResult, UploadPreview, UploadResult } from '../departure/departure.type';
import type { MigrantService } from './migrant.service';
import { Migrant, MigrationEpisode, MyRecordInput } from './migrant.type';

const STAFF_READERS = ['ADMINISTRATOR', 'EMPLOYMENT_OFFICER', 'MFA_OFFICER', 'SOCIAL_WORKER', 'DISTRICT_COORDINATOR', 'OBLAST_COORDINATOR', 'AGENCY_OPERATOR', 'CONSULAR_OFFICER'];

@Resolver(() => Migrant)
export class MigrantResolver {
  constructor(
    private readonly service: MigrantService,
    private readonly departures: DepartureService,
  ) {}

  @Authorized(...STAFF_READERS)
  @Query(() => Migrant, { nullable: true, description: 'Staff, within their scope; every read is logged with the purpose given' })
  migrant(@Arg('pin', () => String) pin: string, @Ctx() ctx: RequestContext, @Arg('purpose', () => String, { nullable: true }) purpose?: string): Promise<Migrant | null> {
    return this.service.byPin(pin, ctx, purpose);
  }

  @Authorized(...STAFF_READERS)
  @Query(() => [Migrant], { description: 'By PIN or "Lastname Firstname" prefix, within scope' })
  searchMigrants(
    @Arg('text', () => String) text: string,
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('purpose', () => String, { nullable: true }) purpose?: string,
  ): Promise<Migrant[]> {
    return this.service.search(text, first, ctx, purpose);
  }

  @Authorized('CITIZEN')
  @Query(() => Migrant, { description: "The signed-in citizen's own record" })
  myMigrantRecord(@Ctx() ctx: RequestContext): Promise<Migrant> {
    return this.service.mine(ctx);
  }

  @Authorized('CITIZEN')
  @Mutation(() => Migrant, { description: 'What a citizen declares: contacts, current country and city, return home' })
  updateMyMigrantRecord(@Arg('input', () => MyRecordInput) input: MyRecordInput, @Ctx() ctx: RequestContext): Promise<Migrant> {
    return this.service.updateMine(input, ctx);
  }

  @FieldResolver(() => [MigrationEpisode])
  episodes(@Root() m: Migrant, @Ctx() ctx: RequestContext): Promise<MigrationEpisode[]> {
    return this.service.episodes(m, ctx);
  }

  @Authorized('AGENCY_OPERATOR', 'ADMINISTRATOR', 'EMPLOYMENT_OFFICER')
  @Mutation(() => DepartureReportResult, { description: 'An agency reports one citizen it sent abroad (operators: own agency; officers name it)' })
  reportDeparture(
    @Arg('input', () => DepartureReportInput) input: DepartureReportInput,
    @Ctx() ctx: RequestContext,
    @Arg('agencyId', () => ID, { nullable: true }) agencyId?: string,
  ): Promise<DepartureReportResult> {
    return this.departures.report(input, agencyId, ctx);
  }

  @Authorized('AGENCY_OPERATOR', 'ADMINISTRATOR', 'EMPLOYMENT_OFFICER')
  @Mutation(() => UploadPreview, { description: 'Checks a CSV or XLSX file of departures (base64); writes nothing until commitDepartureUpload' })
  previewDepartureUpload(
    @Arg('fileName', () => String) fileName: string,
    @Arg('contentBase64', () => String) contentBase64: string,
    @Ctx() ctx: RequestContext,
    @Arg('agencyId', () => ID, { nullable: true }) agencyId?: string,
  ): Promise<UploadPreview> {
    return this.departures.preview(fileName, contentBase64, agencyId, ctx);
  }

  @Authorized('AGENCY_OPERATOR', 'ADMINISTRATOR', 'EMPLOYMENT_OFFICER')
  @Mutation(() => UploadResult, { description: 'Writes the valid rows of a previewed upload; safe to retry' })
  commitDepartureUpload(@Arg('uploadId', () => ID) uploadId: string, @Ctx() ctx: RequestContext): Promise<UploadResult> {
    return this.departures.commit(uploadId, ctx);
  }

  @Authorized('AGENCY_OPERATOR', 'ADMINISTRATOR', 'EMPLOYMENT_OFFICER', 'MFA_OFFICER')
  @Query(() => [MigrationEpisode], { description: "Departures reported by an agency, newest first (operators: their own agency's)" })
  departureReports(
    @Ctx() ctx: RequestContext,
    @Arg('agencyId', () => ID, { nullable: true }) agencyId?: string,
    @Arg('first', () => Int, { nullable: true }) first?: number,
  ): Promise<MigrationEpisode[]> {
    return this.departures.list(agencyId, first, ctx);
  }
}
