#!/usr/bin/env bash
# A job seeker's questionnaire, no account. The same idempotency key makes a retry safe.
set -euo pipefail
cd "$(dirname "$0")"; source ./lib.sh
KEY="example-$(node -e 'console.log(require("crypto").randomUUID())')"
INPUT='{"lastName":"Мамытов","firstName":"Нурлан","birthDate":"1992-04-01","sex":"M","phone":"+996 700 123 456","territoryCode":"41708203807000","education":"VOCATIONAL","occupations":["7212"],"wantedCountries":["KR","DE"],"consentProcessing":true}'
Q='mutation($i: QuestionnaireInput!, $k: String) { submitQuestionnaire(input: $i, idempotencyKey: $k) { reference accessCode } }'
FIRST=$(gql "$Q" "{\"i\":$INPUT,\"k\":\"$KEY\"}"); echo "$FIRST"
echo "== retry (same key): same reference and code"
gql "$Q" "{\"i\":$INPUT,\"k\":\"$KEY\"}"; echo
REF=$(echo "$FIRST" | json 'data.submitQuestionnaire.reference'); CODE=$(echo "$FIRST" | json 'data.submitQuestionnaire.accessCode')
gql 'query($r: String!, $c: String!) { questionnaire(reference: $r, accessCode: $c) { reference status wantedCountries } }' "{\"r\":\"$REF\",\"c\":\"$CODE\"}"; echo
