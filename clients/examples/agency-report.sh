#!/usr/bin/env bash
# An agency's system reports the citizens it sent abroad. LOGIN/PASSWORD/TOTP of its operator account.
set -euo pipefail
cd "$(dirname "$0")"; source ./lib.sh
TOKEN=$(sign_in "${LOGIN:-agency}" "${PASSWORD:-demo-password-2026}" "${TOTP:?set TOTP to the current code (npm run totp)}")

echo "== one departure (a retry of the same departure reports duplicate: true, nothing new is stored)"
gql 'mutation($i: DepartureReportInput!) { reportDeparture(input: $i) { duplicate late episode { id countryCode departureDate } } }' \
  '{"i":{"pin":"21505199012345","lastName":"Асанов","firstName":"Бакыт","birthDate":"15.05.1990","country":"KR","city":"Ansan","employer":"Hanil Co","positionIsco":"8153","contractStart":"2026-11-20"}}' "$TOKEN"; echo

echo "== bulk: preview a CSV (nothing written), then commit the valid rows"
CSV=$'ПИН;Фамилия;Имя;Дата рождения;Страна;Работодатель;Дата начала контракта\n11203199500456;Токтогулова;Айгүл;12.03.1995;TR;Anadolu AŞ;18.11.2026\n123;Bad;Row;01.01.1990;KG;X;18.11.2026'
B64=$(printf '%s' "$CSV" | base64 -w0)
PREVIEW=$(gql 'mutation($f: String!, $c: String!) { previewDepartureUpload(fileName: $f, contentBase64: $c) { uploadId validRows invalidRows errors { line field message } } }' \
  "{\"f\":\"departures.csv\",\"c\":\"$B64\"}" "$TOKEN")
echo "$PREVIEW"
UPLOAD=$(echo "$PREVIEW" | json 'data.previewDepartureUpload.uploadId')
gql 'mutation($id: ID!) { commitDepartureUpload(uploadId: $id) { created duplicates late } }' "{\"id\":\"$UPLOAD\"}" "$TOKEN"; echo
