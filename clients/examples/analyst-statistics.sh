#!/usr/bin/env bash
# Aggregates only: an analyst's token never reaches a person's record. Cells under 5 read "<5".
set -euo pipefail
cd "$(dirname "$0")"; source ./lib.sh
TOKEN=$(sign_in "${LOGIN:-analyst}" "${PASSWORD:-demo-password-2026}" "${TOTP:?set TOTP to the current code (npm run totp)}")
gql '{ migrationStatistics(groupBy: [COUNTRY, SEX]) { asOf total { display } rows { country { code name } sex count { display } } } }' '{}' "$TOKEN"; echo
gql '{ migrationStatisticsExport(groupBy: [COUNTRY, AGE_BAND], format: XLSX) }' '{}' "$TOKEN" | json 'data.migrationStatisticsExport' | base64 -d > migrants-by-country-age.xlsx
echo "wrote migrants-by-country-age.xlsx"
