import { DEMO, logger } from '@kg/platform';
import type { AgencyStore } from './agency/agency.store';
import type { MigrantStore } from './migrant/migrant.store';
import { rowKey } from './departure/departure.import';
import { randomUUID } from 'node:crypto';

/** Development only: two agencies and a few hundred reported departures, so the pages and statistics show something. */
export async function seedDemo(agencies: AgencyStore, migrants: MigrantStore): Promise<void> {
  if ((await agencies.byIds([DEMO.agencyId])).length) return;
  await agencies.insert({ id: DEMO.agencyId, licence_number: 'DEMO-001', legal_name: 'Demo Jumush Agency LLC', inn: '01234567890123', licence_valid_from: '2025-01-01', licence_valid_to: '2028-12-31' }, 'seed');
  await agencies.insert({ id: DEMO.otherAgencyId, licence_number: 'DEMO-002', legal_name: 'Demo Ak-Jol Recruitment', inn: '01234567890124', licence_valid_from: '2024-06-01', licence_valid_to: '2027-05-31' }, 'seed');
  const countries = ['RU', 'RU', 'RU', 'KZ', 'KZ', 'TR', 'KR', 'AE', 'GB', 'DE'];
  const homes = ['41708203807000', '41708203813000', '41706242832000', '41703211610010', '41702205805000', '41704220808000', null];
  const iscos = ['9313', '7112', '8322', '5120', '9112', '9211', '5322', '7212'];
  const names = [['Асанов', 'Бакыт'], ['Токтогулова', 'Айгүл'], ['Мамытов', 'Нурлан'], ['Сыдыкова', 'Жазгүл'], ['Осмонов', 'Эрлан'], ['Бекова', 'Гүлнара']];
  const records = [];
  for (let i = 0; i < 300; i++) {
    const sex = i % 3 === 0 ? 1 : 2;
    const year = 1965 + (i % 40);
    const pin = `${sex}${String((i % 28) + 1).padStart(2, '0')}${String((i % 12) + 1).padStart(2, '0')}${year}${String(10000 + i).padStart(5, '0')}`;
    const [last, first] = names[i % names.length];
    const month = String((i % 11) + 1).padStart(2, '0');
    const v = { pin, country: countries[i % countries.length], contractStart: `2026-${month}-0${(i % 9) + 1}`, employer: `Employer ${i % 17}` };
    records.push({
      migrant: { pin, last_name: last, first_name: first, patronymic: null, birth_date: `${year}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`, sex: sex === 1 ? 'F' : 'M', home_territory_code: homes[i % homes.length], current_country: v.country, current_city: null },
      episode: { id: randomUUID(), pin, country: v.country, city: null, employer: v.employer, position_isco: iscos[i % iscos.length], departure_date: v.contractStart, contract_end: null, return_date: null, source: 'AGENCY_REPORT' as const, agency_id: i % 4 === 0 ? DEMO.otherAgencyId : DEMO.agencyId, report_key: rowKey(v), late: i % 10 === 0, upload_id: null },
    });
  }
  await migrants.recordDepartures(records as any);
  // Home territory is not in agency reports; the demo people declared it themselves.
  for (const r of records) if (r.migrant.home_territory_code) await migrants.update(r.migrant.pin, { home_territory_code: r.migrant.home_territory_code });
  logger.info({ departures: records.length }, 'migrants demo data loaded');
}
