import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '@kg/platform';
import type { TerritoryService } from './territory.service';
import { Territory, TerritoryLevel } from './territory.type';

@Resolver(() => Territory)
export class TerritoryResolver {
  constructor(private readonly service: TerritoryService) {}

  @Query(() => Territory, { nullable: true, description: 'One unit by its СОАТЕ code' })
  territory(@Arg('code', () => String) code: string, @Ctx() ctx: RequestContext): Promise<Territory | null> {
    return this.service.byCode(code, ctx);
  }

  @Query(() => [Territory], { description: 'Units of one level, or the children of one unit, in classifier order' })
  territories(
    @Arg('level', () => TerritoryLevel, { nullable: true }) level?: TerritoryLevel,
    @Arg('parentCode', () => String, { nullable: true }) parentCode?: string,
  ): Promise<Territory[]> {
    return this.service.list({ level, parentCode });
  }

  @Query(() => [Territory], { description: 'Units whose name in any language resembles the text (typos tolerated), best first' })
  searchTerritories(
    @Arg('text', () => String) text: string,
    @Arg('level', () => TerritoryLevel, { nullable: true }) level?: TerritoryLevel,
    @Arg('limit', () => Int, { defaultValue: 20 }) limit = 20,
  ): Territory[] {
    return this.service.search(text, level, limit);
  }

  @FieldResolver(() => String, { description: "Name in the caller's language (Accept-Language), Russian where no other is known" })
  name(@Root() t: Territory, @Ctx() ctx: RequestContext): string {
    return this.service.name(t, ctx);
  }

  @FieldResolver(() => Territory, { nullable: true })
  parent(@Root() t: Territory, @Ctx() ctx: RequestContext): Promise<Territory | null> {
    return this.service.parent(t, ctx);
  }

  @FieldResolver(() => [Territory])
  children(@Root() t: Territory, @Ctx() ctx: RequestContext): Promise<Territory[]> {
    return this.service.children(t, ctx);
  }

  @FieldResolver(() => [Territory], { description: 'From the top-level unit down to this one' })
  path(@Root() t: Territory, @Ctx() ctx: RequestContext): Promise<Territory[]> {
    return this.service.path(t, ctx);
  }

  @FieldResolver(() => String, { description: 'The path as one line: "Чүй облусу › Аламүдүн району › …"' })
  pathName(@Root() t: Territory, @Ctx() ctx: RequestContext): Promise<string> {
    return this.service.pathName(t, ctx);
  }
}
