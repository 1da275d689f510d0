import { badInput, pickName, RequestContext } from '@kg/platform';
import { loadCountries } from '../territory/territory.data';
import type { CountryStore } from './country.store';
import type { Country } from './country.type';

export class CountryService {
  constructor(private readonly store: CountryStore) {}

  async load(): Promise<void> {
    await this.store.upsert(loadCountries());
  }

  name(c: Country, ctx: RequestContext): string {
    return pickName(ctx.locale, { ky: c.nameKy, ru: c.nameRu, en: c.nameEn });
  }

  byCode(code: string, ctx: RequestContext): Promise<Country | null> {
    if (!/^[A-Za-z]{2}$/.test(code)) throw badInput('country.codeInvalid', 'code');
    return ctx
      .loader<string, Country | null>('country.byCode', async (codes) => {
        const found = new Map((await this.store.byCodes(codes)).map((c) => [c.code, c]));
        return codes.map((c) => found.get(c) ?? null);
      })
      .load(code.toUpperCase());
  }

  /** Programme destinations first, in the ministry's order; then every other country by name in the caller's language. */
  async list(programmeOnly: boolean, ctx: RequestContext): Promise<Country[]> {
    const all = await this.store.all();
    const collator = new Intl.Collator(ctx.locale);
    return all
      .filter((c) => !programmeOnly || c.isProgrammeDestination)
      .sort((a, b) => (a.programmeOrder ?? 99) - (b.programmeOrder ?? 99) || collator.compare(this.name(a, ctx), this.name(b, ctx)));
  }
}
