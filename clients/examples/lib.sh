# Shared by the example scripts: one GraphQL call; prints the JSON response.
GATEWAY="${GATEWAY:-http://localhost:4000}"
gql() { # gql '<query>' '<variables json>' [token]
  local body
  body=$(node -e 'process.stdout.write(JSON.stringify({query: process.argv[1], variables: JSON.parse(process.argv[2] || "{}")}))' "$1" "${2:-{\}}")
  curl -s "$GATEWAY/graphql" -H 'content-type: application/json' -H "accept-language: ${LANG_CODE:-en}" \
    ${3:+-H "authorization: Bearer $3"} -d "$body"
}
json() { node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const v=eval("("+s+")."+process.argv[1]);process.stdout.write(typeof v==="string"?v:JSON.stringify(v))})' "$1"; }
sign_in() { # sign_in login password totp -> access token
  gql 'mutation($l: String!, $p: String!, $c: String!) { signInWithPassword(login: $l, password: $p, totpCode: $c) { accessToken } }' \
    "{\"l\":\"$1\",\"p\":\"$2\",\"c\":\"$3\"}" | json 'data.signInWithPassword.accessToken'
}
