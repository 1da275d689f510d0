import { badInput, pickName, RequestContext } from '@kg/platform';
import { loadTerritories } from './territory.data';
import { TerritorySearchIndex } from './territory.search';
import type { TerritoryStore } from './territory.store';
import { Territory, TerritoryLevel } from './territory.type';

const CODE = /^[0-9]{14}$/;
export const MAX_SEARCH_RESULTS = 50;

export class TerritoryService {
  private index = new TerritorySearchIndex([]);
  constructor(private readonly store: TerritoryStore) {}

  /** Loads the shipped classifier (idempotent) and builds the search index. */
  async load(): Promise<Record<string, number>> {
    await this.store.upsert(loadTerritories());
    this.index = new TerritorySearchIndex(await this.store.all());
    return this.store.countByLevel();
  }

  name(t: Territory, ctx: RequestContext): string {
    return pickName(ctx.locale, { ky: t.nameKy, ru: t.nameRu, en: t.nameEn });
  }

  /** One unit by code; batched and de-duplicated per request (entity references arrive by the dozen). */
  async byCode(code: string, ctx: RequestContext): Promise<Territory | null> {
    if (!CODE.test(code)) throw badInput('territory.codeInvalid', 'code');
    return this.loader(ctx).load(code);
  }

  private loader(ctx: RequestContext) {
    return ctx.loader<string, Territory | null>('territory.byCode', async (codes) => {
      const found = new Map((await this.store.byCodes(codes)).map((t) => [t.code, t]));
      return codes.map((c) => found.get(c) ?? null);
    });
  }

  async children(t: Territory, ctx: RequestContext): Promise<Territory[]> {
    const loader = ctx.loader<string, Territory[]>('territory.children', async (codes) => {
      const rows = await this.store.childrenOf(codes);
      return codes.map((c) => rows.filter((r) => r.parentCode === c));
    });
    return loader.load(t.code);
  }

  async parent(t: Territory, ctx: RequestContext): Promise<Territory | null> {
    return t.parentCode ? this.loader(ctx).load(t.parentCode) : null;
  }

  /** The unit's path from the top level down to itself. */
  async path(t: Territory, ctx: RequestContext): Promise<Territory[]> {
    const path = [t];
    let current: Territory | null = t;
    while (current?.parentCode) {
      current = await this.loader(ctx).load(current.parentCode);
      if (current) path.unshift(current);
    }
    return path;
  }

  async pathName(t: Territory, ctx: RequestContext): Promise<string> {
    return (await this.path(t, ctx)).map((p) => this.name(p, ctx)).join(' › ');
  }

  list(filter: { level?: TerritoryLevel; parentCode?: string }): Promise<Territory[]> {
    if (filter.parentCode && !CODE.test(filter.parentCode)) throw badInput('territory.codeInvalid', 'parentCode');
    return this.store.list(filter);
  }

  search(text: string, level: TerritoryLevel | undefined, limit: number): Territory[] {
    if (text.trim().length < 2) throw badInput('validation.tooShort', 'text', { min: 2 });
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_SEARCH_RESULTS) throw badInput('validation.pageSize', 'limit', { max: MAX_SEARCH_RESULTS });
    return this.index.search(text, { level, limit });
  }
}
