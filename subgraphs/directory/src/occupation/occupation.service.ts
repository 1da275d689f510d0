import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { pickName, RequestContext } from '@kg/platform';
import { DATA_DIR } from '../territory/territory.data';
import { normalise } from '../territory/territory.search';
import { Occupation, OccupationLevel } from './occupation.type';

/**
 * ISCO-08 occupations: the 10 major groups and the unit groups most asked for by people working
 * abroad (data/occupations.csv). Small and fixed, so it is served from memory.
 */
export class OccupationService {
  private readonly all: Occupation[];
  constructor(file = path.join(DATA_DIR, 'occupations.csv')) {
    const rows = Papa.parse<Record<string, string>>(fs.readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true }).data;
    this.all = rows.map((r) =>
      Object.assign(new Occupation(), { code: r.code, level: r.level as OccupationLevel, nameKy: r.name_ky, nameRu: r.name_ru, nameEn: r.name_en, majorGroup: r.code[0] }),
    );
  }

  name(o: Occupation, ctx: RequestContext): string {
    return pickName(ctx.locale, { ky: o.nameKy, ru: o.nameRu, en: o.nameEn });
  }

  byCode(code: string): Occupation | null {
    return this.all.find((o) => o.code === code) ?? null;
  }

  list(level: OccupationLevel | undefined, search: string | undefined): Occupation[] {
    const q = search ? normalise(search) : '';
    return this.all.filter(
      (o) => (!level || o.level === level) && (!q || o.code.startsWith(search!.trim()) || [o.nameKy, o.nameRu, o.nameEn].some((n) => normalise(n).includes(q))),
    );
  }
}
