import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '@kg/platform';
import type { AccountService } from './account.service';
import { AccountKind, CreateStaffInput, StaffAccessInput, StaffCredentials, User } from './account.type';

@Resolver(() => User)
export class AccountResolver {
  constructor(private readonly service: AccountService) {}

  @Authorized()
  @Query(() => User, { description: 'The signed-in user' })
  me(@Ctx() ctx: RequestContext): Promise<User> {
    return this.service.me(ctx);
  }

  @Authorized('ADMINISTRATOR', 'AUDITOR')
  @Query(() => User, { nullable: true })
  user(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<User | null> {
    return this.service.byId(id, ctx);
  }

  @Authorized('ADMINISTRATOR')
  @Query(() => [User], { description: 'Accounts in id order; pass the last id as `after` for the next page' })
  users(
    @Ctx() ctx: RequestContext,
    @Arg('kind', () => AccountKind, { nullable: true }) kind?: AccountKind,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => ID, { nullable: true }) after?: string,
  ): Promise<User[]> {
    return this.service.list(ctx, kind, first, after);
  }

  @Authorized('ADMINISTRATOR')
  @Mutation(() => StaffCredentials, { description: 'Creates a staff account with a role and scope; the password and TOTP secret are shown once' })
  createStaffAccount(@Arg('input', () => CreateStaffInput) input: CreateStaffInput, @Ctx() ctx: RequestContext): Promise<StaffCredentials> {
    return this.service.createStaff(input, ctx);
  }

  @Authorized('ADMINISTRATOR')
  @Mutation(() => User)
  updateStaffAccess(@Arg('id', () => ID) id: string, @Arg('input', () => StaffAccessInput) input: StaffAccessInput, @Ctx() ctx: RequestContext): Promise<User> {
    return this.service.updateAccess(id, input, ctx);
  }

  @Authorized('ADMINISTRATOR')
  @Mutation(() => User, { description: 'Lifts a lock after repeated failed sign-ins' })
  unlockAccount(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<User> {
    return this.service.unlock(id, ctx);
  }

  @Authorized('ADMINISTRATOR')
  @Mutation(() => StaffCredentials, { description: 'Unlocks and issues a new password and TOTP secret' })
  resetStaffCredentials(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<StaffCredentials> {
    return this.service.resetCredentials(id, ctx);
  }
}
