import { foldAscii, toLatin } from './territory.data';
import type { Territory } from './territory.type';

// Generic words are left out of matching, so "Аламүдүн" finds "Аламүдүн району" and "Аламудунский район".
const GENERIC = /\b(oblusu|oblast|oblasti|oblast'|region|rayonu|rayon|district|shaary|city|town|ayyl aymagy|ayylnyy aymak|aiyl aimak|g\.)\b/g;

/** Lower-case ASCII Latin: Cyrillic in either language and Latin input meet in one alphabet. */
export function normalise(text: string): string {
  return foldAscii(toLatin(text.toLowerCase().replace(/ё/g, 'е')))
    .replace(/skiy|skii|skaya|skoy|tskiy/g, '') // Russian adjective endings: Аламудунский → alamudun
    .replace(GENERIC, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function trigrams(s: string): Set<string> {
  const padded = `  ${s} `;
  const set = new Set<string>();
  for (let i = 0; i < padded.length - 2; i++) set.add(padded.slice(i, i + 3));
  return set;
}

function similarity(a: Set<string>, b: Set<string>): number {
  let common = 0;
  for (const t of a) if (b.has(t)) common++;
  return (2 * common) / (a.size + b.size);
}

interface Entry {
  territory: Territory;
  keys: { text: string; grams: Set<string> }[];
}

/**
 * Search by name in Kyrgyz, Russian, English or Latin, tolerant of typos (trigram similarity).
 * The classifier has a few thousand units, so the index lives in memory.
 */
export class TerritorySearchIndex {
  private readonly entries: Entry[];
  constructor(territories: Territory[]) {
    this.entries = territories.map((t) => {
      const names = new Set([t.nameRu, t.nameKy, t.nameEn, t.nameLatin].filter((n): n is string => !!n).map(normalise));
      return { territory: t, keys: [...names].map((text) => ({ text, grams: trigrams(text) })) };
    });
  }

  search(text: string, opts: { level?: string; limit: number }): Territory[] {
    const q = normalise(text);
    if (!q) return [];
    const qGrams = trigrams(q);
    const scored: { t: Territory; score: number }[] = [];
    for (const e of this.entries) {
      if (opts.level && e.territory.level !== opts.level) continue;
      let best = 0;
      for (const k of e.keys) {
        let s: number;
        if (k.text === q) s = 3;
        else if (k.text.startsWith(q)) s = 2 + q.length / k.text.length / 10;
        else if (k.text.includes(q)) s = 1.5;
        else s = similarity(qGrams, k.grams);
        if (s > best) best = s;
      }
      if (best >= 0.45) scored.push({ t: e.territory, score: best });
    }
    const levelRank = { OBLAST: 0, DISTRICT: 1, AIYL_OKMOTU: 2, SETTLEMENT: 3 } as Record<string, number>;
    scored.sort((a, b) => b.score - a.score || levelRank[a.t.level] - levelRank[b.t.level] || a.t.sortOrder - b.t.sortOrder);
    return scored.slice(0, opts.limit).map((s) => s.t);
  }
}
