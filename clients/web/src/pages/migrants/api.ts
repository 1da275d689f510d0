/** The GraphQL operations of the migrants pages and the shapes they return. */

export type Sex = 'F' | 'M';
export type Education =
  | 'NONE'
  | 'PRIMARY'
  | 'BASIC_SECONDARY'
  | 'SECONDARY'
  | 'VOCATIONAL'
  | 'HIGHER_INCOMPLETE'
  | 'HIGHER'
  | 'POSTGRADUATE';
export const EDUCATION: readonly Education[] = [
  'NONE',
  'PRIMARY',
  'BASIC_SECONDARY',
  'SECONDARY',
  'VOCATIONAL',
  'HIGHER_INCOMPLETE',
  'HIGHER',
  'POSTGRADUATE',
];
export type LanguageLevel = 'A1' | 'A2' | 'B1' | 'B2' | 'C1' | 'C2' | 'NATIVE';
export const LANGUAGE_LEVELS: readonly LanguageLevel[] = ['NATIVE', 'C2', 'C1', 'B2', 'B1', 'A2', 'A1'];
/** Languages offered in the questionnaire (ISO 639-1), those most asked for by employers first. */
export const LANGUAGE_CODES = ['ky', 'ru', 'en', 'tr', 'ko', 'de', 'kk', 'uz', 'ar', 'zh', 'ja', 'fr', 'tg', 'pl'] as const;

export interface LanguageSkill {
  code: string;
  level: LanguageLevel;
}

export interface QuestionnaireInput {
  lastName: string;
  firstName: string;
  patronymic: string | null;
  birthDate: string;
  sex: Sex | null;
  phone: string;
  territoryCode: string | null;
  education: Education | null;
  occupations: string[];
  skills: string | null;
  languages: LanguageSkill[];
  wantedCountries: string[];
  experienceYears: number | null;
  experience: string | null;
  consentProcessing: boolean;
  consentPartnerSharing: boolean;
}

export interface Questionnaire extends Omit<QuestionnaireInput, 'consentProcessing'> {
  id: string;
  reference: string;
  status: 'SUBMITTED' | 'WITHDRAWN';
  attached: boolean;
  submittedAt: string;
  updatedAt: string;
}

const Q_FIELDS = `id reference status lastName firstName patronymic birthDate sex phone territoryCode education
  occupations skills languages { code level } wantedCountries experienceYears experience consentPartnerSharing
  attached submittedAt updatedAt`;

export const SUBMIT_QUESTIONNAIRE = `mutation SubmitQuestionnaire($input: QuestionnaireInput!, $key: String) {
  submitQuestionnaire(input: $input, idempotencyKey: $key) { reference accessCode questionnaire { id status } }
}`;
export const OPEN_QUESTIONNAIRE = `query OpenQuestionnaire($reference: String!, $accessCode: String!) {
  questionnaire(reference: $reference, accessCode: $accessCode) { ${Q_FIELDS} }
}`;
export const UPDATE_QUESTIONNAIRE = `mutation UpdateQuestionnaire($reference: String!, $accessCode: String!, $input: QuestionnaireInput!) {
  updateQuestionnaire(reference: $reference, accessCode: $accessCode, input: $input) { ${Q_FIELDS} }
}`;
export const WITHDRAW_QUESTIONNAIRE = `mutation WithdrawQuestionnaire($reference: String!, $accessCode: String!) {
  withdrawQuestionnaire(reference: $reference, accessCode: $accessCode) { ${Q_FIELDS} }
}`;
export const MY_QUESTIONNAIRES = `query MyQuestionnaires { myQuestionnaires { ${Q_FIELDS} } }`;
export const ATTACH_QUESTIONNAIRE = `mutation AttachQuestionnaire($reference: String!, $accessCode: String!) {
  attachQuestionnaire(reference: $reference, accessCode: $accessCode) { ${Q_FIELDS} }
}`;

export interface Country {
  code: string;
  name: string;
  isProgrammeDestination: boolean;
}
export const COUNTRIES = `query Countries { countries { code name isProgrammeDestination } }`;

export interface Occupation {
  code: string;
  name: string;
}
export const OCCUPATIONS = `query Occupations($level: OccupationLevel) { occupations(level: $level) { code name } }`;

export interface Episode {
  id?: string;
  pin?: string;
  countryCode: string;
  country: { name: string } | null;
  city: string | null;
  employer: string | null;
  positionIsco?: string | null;
  departureDate: string;
  contractEnd: string | null;
  returnDate: string | null;
  source: 'SELF_DECLARED' | 'AGENCY_REPORT' | 'PROGRAMME';
  late: boolean;
  reportedAt?: string;
}
const EPISODE_FIELDS = 'id countryCode country { name } city employer positionIsco departureDate contractEnd returnDate source late reportedAt';

export interface Migrant {
  pin: string;
  lastName: string;
  firstName: string;
  patronymic?: string | null;
  birthDate: string | null;
  sex?: Sex | null;
  phone?: string | null;
  email?: string | null;
  contactAbroad?: string | null;
  currentCountry: { code: string; name: string } | null;
  currentCity?: string | null;
  isAbroad: boolean;
  homeTerritory: { code?: string; name: string; pathName?: string } | null;
  updatedAt?: string;
  episodes?: Episode[];
}

const RECORD_FIELDS = `pin lastName firstName patronymic birthDate sex phone email contactAbroad currentCountry { code name } currentCity
  isAbroad homeTerritory { code name pathName } updatedAt episodes { ${EPISODE_FIELDS} }`;

export const MY_RECORD = `query MyMigrantRecord { myMigrantRecord { ${RECORD_FIELDS} } }`;
export const UPDATE_MY_RECORD = `mutation UpdateMyMigrantRecord($input: MyRecordInput!) {
  updateMyMigrantRecord(input: $input) { ${RECORD_FIELDS} }
}`;

export const SEARCH_MIGRANTS = `query SearchMigrants($text: String!, $purpose: String, $first: Int) {
  searchMigrants(text: $text, purpose: $purpose, first: $first) {
    pin lastName firstName birthDate homeTerritory { name } currentCountry { code name } isAbroad
  }
}`;
export const MIGRANT = `query Migrant($pin: String!, $purpose: String) { migrant(pin: $pin, purpose: $purpose) { ${RECORD_FIELDS} } }`;

export type AgencyStatus = 'ACTIVE' | 'SUSPENDED' | 'REVOKED';
export const AGENCY_STATUSES: readonly AgencyStatus[] = ['ACTIVE', 'SUSPENDED', 'REVOKED'];
export interface Agency {
  id: string;
  licenceNumber: string;
  legalName: string;
  inn: string;
  licenceValidFrom: string;
  licenceValidTo: string;
  status: AgencyStatus;
  createdAt?: string;
  statusHistory?: { status: AgencyStatus; reason: string | null; changedBy: string; changedAt: string }[];
}
const AGENCY_FIELDS = 'id licenceNumber legalName inn licenceValidFrom licenceValidTo status createdAt';
export const AGENCIES = `query Agencies($status: AgencyStatus, $first: Int, $after: ID) {
  agencies(status: $status, first: $first, after: $after) { ${AGENCY_FIELDS} }
}`;
export const AGENCY = `query Agency($id: ID!) {
  agency(id: $id) { ${AGENCY_FIELDS} statusHistory { status reason changedBy changedAt } }
}`;
export const AGENCY_NAME = `query AgencyName($id: ID!) { agency(id: $id) { id legalName licenceNumber status } }`;
export const CREATE_AGENCY = `mutation CreateAgency($input: AgencyInput!) { createAgency(input: $input) { ${AGENCY_FIELDS} } }`;
export const SET_AGENCY_STATUS = `mutation SetAgencyStatus($id: ID!, $status: AgencyStatus!, $reason: String) {
  setAgencyStatus(id: $id, status: $status, reason: $reason) {
    ${AGENCY_FIELDS} statusHistory { status reason changedBy changedAt }
  }
}`;

export interface DepartureInput {
  pin: string;
  lastName: string;
  firstName: string;
  patronymic: string;
  birthDate: string;
  country: string;
  city: string;
  employer: string;
  positionIsco: string;
  contractStart: string;
  contractEnd: string;
}
export const REPORT_DEPARTURE = `mutation ReportDeparture($input: DepartureReportInput!, $agencyId: ID) {
  reportDeparture(input: $input, agencyId: $agencyId) { duplicate late episode { id } }
}`;
export const DEPARTURE_REPORTS = `query DepartureReports($agencyId: ID, $first: Int) {
  departureReports(agencyId: $agencyId, first: $first) {
    id pin countryCode country { name } city employer departureDate contractEnd returnDate source late reportedAt
  }
}`;
export interface UploadPreview {
  uploadId: string | null;
  format: string;
  totalRows: number;
  validRows: number;
  invalidRows: number;
  alreadyReported: number;
  errorCount: number;
  errors: { line: number; field: string; code: string; message: string }[];
}
export const PREVIEW_UPLOAD = `mutation PreviewDepartureUpload($fileName: String!, $contentBase64: String!, $agencyId: ID) {
  previewDepartureUpload(fileName: $fileName, contentBase64: $contentBase64, agencyId: $agencyId) {
    uploadId format totalRows validRows invalidRows alreadyReported errorCount errors { line field code message }
  }
}`;
export interface UploadResult {
  created: number;
  duplicates: number;
  late: number;
}
export const COMMIT_UPLOAD = `mutation CommitDepartureUpload($uploadId: ID!) {
  commitDepartureUpload(uploadId: $uploadId) { created duplicates late }
}`;

export type Dimension =
  | 'COUNTRY'
  | 'OBLAST'
  | 'RAION'
  | 'SEX'
  | 'AGE_BAND'
  | 'OCCUPATION_GROUP'
  | 'SOURCE'
  | 'DEPARTURE_MONTH';
export const DIMENSIONS: readonly Dimension[] = [
  'COUNTRY',
  'OBLAST',
  'RAION',
  'SEX',
  'AGE_BAND',
  'OCCUPATION_GROUP',
  'SOURCE',
  'DEPARTURE_MONTH',
];
export type Population = 'CURRENTLY_ABROAD' | 'ALL_DEPARTURES';
export interface Count {
  value: number | null;
  display: string;
  suppressed: boolean;
}
export interface StatisticsRow {
  country: { code: string; name: string } | null;
  territory: { code: string; name: string } | null;
  sex: string | null;
  ageBand: string | null;
  occupationGroup: string | null;
  source: string | null;
  month: string | null;
  originUnknown: boolean;
  count: Count;
}
export interface Statistics {
  asOf: string;
  total: Count;
  rows: StatisticsRow[];
}
export const STATISTICS = `query MigrationStatistics($groupBy: [StatisticsDimension!]!, $population: StatisticsPopulation!) {
  migrationStatistics(groupBy: $groupBy, population: $population) {
    asOf total { value display suppressed }
    rows {
      country { code name } territory { code name } sex ageBand occupationGroup source month originUnknown
      count { value display suppressed }
    }
  }
}`;
export const STATISTICS_EXPORT = `query MigrationStatisticsExport($groupBy: [StatisticsDimension!]!, $format: ExportFormat!, $population: StatisticsPopulation!) {
  migrationStatisticsExport(groupBy: $groupBy, format: $format, population: $population)
}`;
