import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '@kg/platform';
import { toAgency } from './agency.service';
import type { AgencyService } from './agency.service';
import { Agency, AgencyInput, AgencyStatus, AgencyStatusChange } from './agency.type';

@Resolver(() => Agency)
export class AgencyResolver {
  constructor(private readonly service: AgencyService) {}

  @Authorized()
  @Query(() => Agency, { nullable: true })
  async agency(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Agency | null> {
    const row = await this.service.byId(id, ctx);
    return row ? toAgency(row) : null;
  }

  @Authorized('ADMINISTRATOR', 'EMPLOYMENT_OFFICER', 'MFA_OFFICER')
  @Query(() => [Agency], { description: 'By name; pass the last id as `after` for the next page' })
  agencies(
    @Ctx() ctx: RequestContext,
    @Arg('status', () => AgencyStatus, { nullable: true }) status?: AgencyStatus,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => ID, { nullable: true }) after?: string,
  ): Promise<Agency[]> {
    return this.service.list(ctx, status, first, after);
  }

  @Authorized('ADMINISTRATOR', 'EMPLOYMENT_OFFICER')
  @Mutation(() => Agency)
  createAgency(@Arg('input', () => AgencyInput) input: AgencyInput, @Ctx() ctx: RequestContext): Promise<Agency> {
    return this.service.create(input, ctx);
  }

  @Authorized('ADMINISTRATOR', 'EMPLOYMENT_OFFICER')
  @Mutation(() => Agency, { description: 'Suspend, revoke or reinstate; kept in the status history' })
  setAgencyStatus(
    @Arg('id', () => ID) id: string,
    @Arg('status', () => AgencyStatus) status: AgencyStatus,
    @Ctx() ctx: RequestContext,
    @Arg('reason', () => String, { nullable: true }) reason?: string,
  ): Promise<Agency> {
    return this.service.setStatus(id, status, reason, ctx);
  }

  @FieldResolver(() => [AgencyStatusChange])
  statusHistory(@Root() a: Agency, @Ctx() ctx: RequestContext): Promise<AgencyStatusChange[]> {
    return this.service.history(a, ctx);
  }
}
