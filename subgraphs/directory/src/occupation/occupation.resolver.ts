import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '@kg/platform';
import type { OccupationService } from './occupation.service';
import { Occupation, OccupationLevel } from './occupation.type';

@Resolver(() => Occupation)
export class OccupationResolver {
  constructor(private readonly service: OccupationService) {}

  @Query(() => [Occupation], { description: 'ISCO-08 occupations (unit groups by default), searchable by name in any language or by code' })
  occupations(
    @Arg('level', () => OccupationLevel, { defaultValue: OccupationLevel.UNIT }) level: OccupationLevel,
    @Arg('search', () => String, { nullable: true }) search?: string,
  ): Occupation[] {
    return this.service.list(level, search);
  }

  @FieldResolver(() => String, { description: "Name in the caller's language" })
  name(@Root() o: Occupation, @Ctx() ctx: RequestContext): string {
    return this.service.name(o, ctx);
  }
}
