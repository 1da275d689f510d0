import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '@kg/platform';
import type { CountryService } from './country.service';
import { Country } from './country.type';

@Resolver(() => Country)
export class CountryResolver {
  constructor(private readonly service: CountryService) {}

  @Query(() => Country, { nullable: true })
  country(@Arg('code', () => String) code: string, @Ctx() ctx: RequestContext): Promise<Country | null> {
    return this.service.byCode(code, ctx);
  }

  @Query(() => [Country], { description: 'Programme destinations first (Turkey, Russia, Kazakhstan, UAE, Korea, UK, Germany), then all others' })
  countries(@Arg('programmeOnly', () => Boolean, { defaultValue: false }) programmeOnly: boolean, @Ctx() ctx: RequestContext): Promise<Country[]> {
    return this.service.list(programmeOnly, ctx);
  }

  @FieldResolver(() => String, { description: "Name in the caller's language" })
  name(@Root() c: Country, @Ctx() ctx: RequestContext): string {
    return this.service.name(c, ctx);
  }
}
