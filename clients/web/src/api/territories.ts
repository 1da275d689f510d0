import { currentLanguage } from '../i18n';
import { gql } from './gql';

export type TerritoryLevel = 'OBLAST' | 'DISTRICT' | 'AIYL_OKMOTU' | 'SETTLEMENT';

export interface TerritoryOption {
  code: string;
  name: string;
  level: TerritoryLevel;
}

export interface TerritorySearchHit extends TerritoryOption {
  pathName: string;
}

const OBLASTS = /* GraphQL */ `
  query Oblasts {
    territories(level: OBLAST) { code name level }
  }
`;

const CHILDREN = /* GraphQL */ `
  query TerritoryChildren($code: String!) {
    territory(code: $code) { code children { code name level } }
  }
`;

const PATH = /* GraphQL */ `
  query TerritoryPath($code: String!) {
    territory(code: $code) { code name level path { code name level } }
  }
`;

const SEARCH = /* GraphQL */ `
  query SearchTerritories($text: String!, $level: TerritoryLevel, $limit: Int) {
    searchTerritories(text: $text, level: $level, limit: $limit) { code name level pathName }
  }
`;

/** Lists are small and change rarely: kept per language and parent for the life of the page. */
const cache = new Map<string, Promise<TerritoryOption[]>>();

/** The oblasts (parent '') or the children of a territory, in the current language. */
export function loadTerritoryOptions(parentCode: string): Promise<TerritoryOption[]> {
  const key = `${currentLanguage()}|${parentCode}`;
  let pending = cache.get(key);
  if (!pending) {
    pending = (
      parentCode === ''
        ? gql<{ territories: TerritoryOption[] }>(OBLASTS).then((d) => d.territories)
        : gql<{ territory: { children: TerritoryOption[] } | null }>(CHILDREN, { code: parentCode }).then(
            (d) => d.territory?.children ?? [],
          )
    ).catch((e: unknown) => {
      cache.delete(key); // a failure is not remembered: the next attempt asks again
      throw e;
    });
    cache.set(key, pending);
  }
  return pending;
}

/** The chain of territories from the oblast down to `code` (inclusive); empty when unknown. */
export async function loadTerritoryPath(code: string): Promise<TerritoryOption[]> {
  const d = await gql<{ territory: (TerritoryOption & { path: TerritoryOption[] }) | null }>(PATH, { code });
  const t = d.territory;
  if (!t) return [];
  const { path, ...self } = t;
  // whether `path` ends with the territory itself or stops at its parent, return it included
  return path.length > 0 && path[path.length - 1].code === self.code ? path : [...path, self];
}

export async function searchTerritories(
  text: string,
  level: TerritoryLevel | null,
  limit: number,
  signal?: AbortSignal,
): Promise<TerritorySearchHit[]> {
  const d = await gql<{ searchTerritories: TerritorySearchHit[] }>(
    SEARCH,
    { text, level, limit },
    { signal },
  );
  return d.searchTerritories;
}
