#!/usr/bin/env bash
# Makes the upgrade fixture: the relational state a deployment of the PREVIOUS release (commit 6ec17e2,
# before per-context pseudonyms and sealed texts) leaves in PostgreSQL, and what that release answered
# over HTTP. UpgradeEndToEndTest loads previous-release.sql into a fresh schema, starts the current
# system on it and checks the answers recorded in previous-release.json.
#
# Regenerate (from the repository root, with this machine's PostgreSQL at 127.0.0.1:5432, database test,
# trust authentication for user postgres; needs curl, jq, psql and pg_dump):
#
#   bash all-in-one/src/test/resources/upgrade/make-fixture.sh
#
# It builds the previous release in a temporary worktree (package only: nothing goes to the shared
# local Maven repository), or uses OLD_JAR=<path to its civic-ledger-exec.jar> if given; runs it in the
# schema civic_upgrade_fixture (dropped first and again at the end), drives the scenario below over HTTP,
# waits until a signed checkpoint covers every event, stops it and dumps the schema as plain SQL
# (INSERT statements, so that JDBC can run it; loads into PostgreSQL 15 and 17 alike).
# The dump names the schema civic_upgrade_fixture; the test renames it.
set -euo pipefail

OLD_COMMIT=${OLD_COMMIT:-6ec17e2}
SCHEMA=civic_upgrade_fixture
PG_HOST=${PG_HOST:-127.0.0.1}
PG_PORT=${PG_PORT:-5432}
PG_DB=${PG_DB:-test}
PG_USER=${PG_USER:-postgres}
HTTP_PORT=${HTTP_PORT:-18091}
MQTT_PORT=${MQTT_PORT:-18893}
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(git -C "$HERE" rev-parse --show-toplevel)
API=http://127.0.0.1:$HTTP_PORT/api/v1

# Test fixtures, never real secrets: SHA-256 of "civic-ledger upgrade fixture, test only: <setting>",
# base64. UpgradeEndToEndTest starts the current release with the same three.
PSEUDONYM_KEY=mbeC771MuzWbo6JGM3kn6fNhVfLImONDHrExWnb9tXA=
MASTER_KEY=MbbCsYgNCFO9amD+ZfupoA+4BJbeYY6O5b93PrINTZA=
SIGNING_KEY=A/RrdUnFo9NgiOXSc4Ydo+zee4QMaw7krWxUKM3gA+U=

WORK=$(mktemp -d /tmp/civic-upgrade-fixture.XXXXXX)
APP_PID=
OLD_TREE=

export PGOPTIONS='-c client_min_messages=warning'
psql_() { psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$PG_DB" -v ON_ERROR_STOP=1 -qAt "$@"; }

finish() {
    if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
        kill "$APP_PID"; wait "$APP_PID" || true
    fi
    psql_ -c "drop schema if exists $SCHEMA cascade" || true
    if [ -n "$OLD_TREE" ]; then
        git -C "$REPO" worktree remove --force "$OLD_TREE" || true
    fi
    rm -rf "$WORK"
}
trap finish EXIT

if [ -z "${OLD_JAR:-}" ]; then
    OLD_TREE=$WORK/previous-release
    git -C "$REPO" worktree add --detach "$OLD_TREE" "$OLD_COMMIT"
    (cd "$OLD_TREE" && ./mvnw -q -B package -DskipTests -pl all-in-one -am)
    OLD_JAR=$OLD_TREE/all-in-one/target/civic-ledger-exec.jar
fi

psql_ -c "drop schema if exists $SCHEMA cascade"

java -jar "$OLD_JAR" --civic.event-store=postgres \
    --civic.postgres.url="jdbc:postgresql://$PG_HOST:$PG_PORT/$PG_DB" --civic.postgres.user="$PG_USER" \
    --civic.postgres.schema=$SCHEMA --server.port="$HTTP_PORT" \
    --civic.bench.mqtt.host=127.0.0.1 --civic.bench.mqtt.port="$MQTT_PORT" --civic.data-dir="$WORK/data" \
    --civic.privacy.pseudonym-key=$PSEUDONYM_KEY --civic.privacy.master-key=$MASTER_KEY \
    --civic.transparency.signing-key=$SIGNING_KEY \
    --civic.transparency.checkpoint.every-entries=10 --civic.transparency.checkpoint.interval=PT1S \
    > "$WORK/previous-release.log" 2>&1 &
APP_PID=$!

for _ in $(seq 1 120); do
    if curl -sf "$API/municipalities" > /dev/null 2>&1; then break; fi
    kill -0 "$APP_PID" || { cat "$WORK/previous-release.log"; exit 1; }
    sleep 1
done
curl -sf "$API/municipalities" > /dev/null

# call METHOD PATH TOKEN BODY STATUS: the answer's body; fails unless the status is STATUS
call() {
    local method=$1 path=$2 token=$3 body=$4 expected=$5 status
    local args=(-s -o "$WORK/body" -w '%{http_code}' -X "$method" "$API$path" -H 'accept: application/json')
    [ -n "$token" ] && args+=(-H "authorization: Bearer $token")
    [ -n "$body" ] && args+=(-H 'content-type: application/json' -d "$body")
    status=$(curl "${args[@]}")
    if [ "$status" != "$expected" ]; then
        echo "$method $path answered $status, expected $expected: $(cat "$WORK/body")" >&2
        exit 1
    fi
    cat "$WORK/body"
}

# token SUBJECT ROLE [CLAIM VALUE]
token() {
    local claims='{}'
    [ $# -ge 4 ] && claims=$(jq -n --arg k "$3" --arg v "$4" '{($k): $v}')
    call POST /dev/tokens "" "$(jq -n --arg s "$1" --arg r "$2" --argjson c "$claims" '$c + {subject: $s, roles: [$r]}')" 200 \
        | jq -r .token
}

# idea TOKEN MUNICIPALITY LOCAL-COMMUNITY TOPIC TITLE DESCRIPTION: the idea's id
idea() {
    call POST /ideas "$1" "$(jq -n --arg m "$2" --arg l "$3" --arg t "$4" --arg ti "$5" --arg d "$6" \
        '{municipalityId: $m, localCommunity: $l, topic: $t, title: $ti, description: $d, language: "bs"}')" 201 \
        | jq -r .ideaId
}

vote() { call POST "/ideas/$2/votes" "$1" '{}' 201 > /dev/null; }

# --- the people (token subjects; the previous release stores HMAC(pseudonym key, subject) only)
AMRA=$(token amra CITIZEN); EDIN=$(token edin CITIZEN); LEJLA=$(token lejla CITIZEN)
MIRZA=$(token mirza CITIZEN); SELMA=$(token selma CITIZEN); TARIK=$(token tarik CITIZEN)
AMAR=$(token amar CITIZEN); DINO=$(token dino CITIZEN); HANA=$(token hana CITIZEN)
NADA=$(token nada CITIZEN)
COORDINATOR=$(token coordinator-vesna NETWORK_COORDINATOR)
OFFICER=$(token officer-dario MUNICIPAL_OFFICER municipalityId mostar)

# --- ideas in two municipalities
LIGHTING=$(idea "$AMRA" mostar "Donja Mahala" public-lighting "Rasvjeta na šetalištu uz Neretvu" \
    $'Šetalište je noću mračno.\nPredlažemo solarne lampe.')
HIDDEN=$(idea "$MIRZA" mostar "Centar" parks "Park za pse" \
    "Ovo je prijedlog s uvredljivim riječima o komšijama.")
BRIDGE=$(idea "$LEJLA" maglaj "Novi Šeher" roads "Popravak mosta kod škole" \
    $'Most kod škole je oštećen.\nZa više informacija zovite me na 061 555 0123.')
YOUTH=$(idea "$SELMA" maglaj "Centar" youth "Omladinski centar" "Mladima treba prostor.")

# --- a CSO with a contact e-mail, approved; its member asks for changes, the author amends, the member endorses
CSO=$(call POST /csos "$NADA" "$(jq -n '{name: "Udruženje Zeleni Maglaj", registrationNumber: "4218-05/24",
    municipalityIds: ["maglaj", "mostar"], focusAreas: ["youth", "environment"],
    contactEmail: "kontakt@zeleni-maglaj.ba", acceptsProtocol: true}')" 201 | jq -r .csoId)
call POST "/csos/$CSO/approval" "$COORDINATOR" '{}' 204 > /dev/null
MEMBER=$(token member-haris CSO_MEMBER csoId "$CSO")
call POST "/ideas/$YOUTH/validations" "$MEMBER" '{"decision":"REQUEST_CHANGES","reason":"Opišite prostor detaljnije"}' 201 > /dev/null
call POST "/ideas/$YOUTH/amendments" "$SELMA" "$(jq -n '{municipalityId: "maglaj", localCommunity: "Centar",
    topic: "youth", title: "Omladinski centar u Maglaju", description: "Mladima treba prostor za druženje i učenje.",
    language: "bs"}')" 201 > /dev/null
call POST "/ideas/$YOUTH/validations" "$MEMBER" '{"decision":"ENDORSE","reason":"Dobra ideja za mlade"}' 201 > /dev/null

# --- votes: edin withdraws his on the lighting idea (tarik votes on it below, after recording personal data)
vote "$EDIN" "$LIGHTING"; vote "$LEJLA" "$LIGHTING"; vote "$MIRZA" "$LIGHTING"; vote "$SELMA" "$LIGHTING"
vote "$AMAR" "$LIGHTING"; vote "$DINO" "$LIGHTING"; vote "$HANA" "$LIGHTING"
call DELETE "/ideas/$LIGHTING/votes" "$EDIN" "" 204 > /dev/null
vote "$AMRA" "$BRIDGE"; vote "$EDIN" "$BRIDGE"; vote "$MIRZA" "$YOUTH"; vote "$SELMA" "$HIDDEN"

# --- a coordinator hides an idea
call POST "/ideas/$HIDDEN/moderation" "$COORDINATOR" '{"decision":"HIDE","reason":"Uvredljiv jezik"}' 204 > /dev/null

# --- a consultation about the lighting idea with identified answers; open until 2036
CONSULTATION=$(call POST /consultations "$OFFICER" "$(jq -n --arg idea "$LIGHTING" '{
    question: {bs: "Gdje postaviti nove lampe?"},
    options: [{optionId: "setaliste", label: {bs: "Na šetalištu"}}, {optionId: "park", label: {bs: "U parku"}}],
    closesAt: "2036-12-31T00:00:00Z", ideaId: $idea}')" 201 | jq -r .consultationId)
call POST "/consultations/$CONSULTATION/answers" "$AMRA" '{"optionId":"setaliste"}' 201 > /dev/null
call POST "/consultations/$CONSULTATION/answers" "$MIRZA" '{"optionId":"park"}' 201 > /dev/null
call POST "/consultations/$CONSULTATION/answers" "$AMAR" '{"optionId":"setaliste"}' 201 > /dev/null
call POST "/consultations/$CONSULTATION/answers" "$DINO" '{"optionId":"setaliste"}' 201 > /dev/null
call POST "/consultations/$CONSULTATION/answers" "$HANA" '{"optionId":"park"}' 201 > /dev/null

# --- personal data (dino erases his), then acts of the same people
TARIK_DATA='{"name":"Tarik Hodžić","email":"tarik.hodzic@example.ba","gender":"MALE","ageBand":"25_34","localCommunity":"Donja Mahala"}'
AMRA_DATA='{"gender":"FEMALE","ageBand":"35_44"}'
call PUT /people/me/personal-data "$TARIK" "$TARIK_DATA" 204 > /dev/null
call PUT /people/me/personal-data "$AMRA" "$AMRA_DATA" 204 > /dev/null
call PUT /people/me/personal-data "$DINO" '{"gender":"OTHER","ageBand":"18_24"}' 204 > /dev/null
call DELETE /people/me/personal-data "$DINO" "" 204 > /dev/null # dino is erased; his vote and answer stay
vote "$TARIK" "$LIGHTING"
call POST "/consultations/$CONSULTATION/answers" "$TARIK" '{"optionId":"setaliste"}' 201 > /dev/null

# --- what the previous release answers, once its read models show every step
read_until() { # PATH JQ-CONDITION
    for _ in $(seq 1 100); do
        if curl -sf "$API$1" | jq -e "$2" > /dev/null 2>&1; then curl -sf "$API$1"; return; fi
        sleep 0.2
    done
    echo "$API$1 never satisfied $2: $(curl -s "$API$1")" >&2; exit 1
}
LIGHTING_VIEW=$(read_until "/ideas/$LIGHTING" '.votes.identified == 7')
HIDDEN_VIEW=$(read_until "/ideas/$HIDDEN" '.title == null')
BRIDGE_VIEW=$(read_until "/ideas/$BRIDGE" '.votes.identified == 2')
YOUTH_VIEW=$(read_until "/ideas/$YOUTH" '(.validations | length) == 2 and .votes.identified == 1')
CSO_VIEW=$(read_until "/csos/$CSO" '.status == "APPROVED"')
CONSULTATION_VIEW=$(read_until "/consultations/$CONSULTATION" '[.options[].identified] | add == 6')
TARIK_READ=$(call GET /people/me/personal-data "$TARIK" "" 200)
AMRA_READ=$(call GET /people/me/personal-data "$AMRA" "" 200)
DINO_READ=$(call GET /people/me/personal-data "$DINO" "" 200)

# --- the transparency log: wait until a checkpoint covers every stored event
EVENTS=$(psql_ -c "select count(*) from $SCHEMA.domain_event_entry")
for _ in $(seq 1 60); do
    [ "$(curl -s "$API/transparency/checkpoints?limit=1000" | jq --argjson n "$EVENTS" 'map(.treeSize) | index($n)')" != null ] && break
    sleep 1
done
CHECKPOINTS=$(curl -sf "$API/transparency/checkpoints?limit=1000")
[ "$(echo "$CHECKPOINTS" | jq 'map(.treeSize) | max')" = "$EVENTS" ] || { echo "no checkpoint of all $EVENTS events" >&2; exit 1; }
VERIFIER_KEY=$(curl -sf "$API/transparency/verifier-key")
NOTES='[]'
for size in $(echo "$CHECKPOINTS" | jq '.[].treeSize'); do
    NOTES=$(jq -n --argjson notes "$NOTES" --argjson size "$size" --arg note "$(curl -sf "$API/transparency/checkpoints/$size"; echo x)" \
        '$notes + [{treeSize: $size, note: ($note | rtrimstr("x"))}]')
done
ENTRY_DIGESTS='[]'
for i in $(seq 0 $((EVENTS - 1))); do
    ENTRY_DIGESTS=$(jq -n --argjson d "$ENTRY_DIGESTS" --arg h "$(curl -sf "$API/transparency/entries/$i" | sha256sum | cut -d' ' -f1)" '$d + [$h]')
done

kill "$APP_PID"; wait "$APP_PID" || true; APP_PID=

pg_dump -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$PG_DB" --schema=$SCHEMA --no-owner --no-privileges \
    --inserts --rows-per-insert=50 --no-comments \
    | grep -v -e '^-- Dumped from ' -e '^-- Dumped by ' -e '^\\restrict ' -e '^\\unrestrict ' \
    > "$HERE/previous-release.sql"

jq -n --arg commit "$(git -C "$REPO" rev-parse "$OLD_COMMIT")" --arg schema $SCHEMA \
    --arg verifierKey "$VERIFIER_KEY" --argjson events "$EVENTS" --argjson checkpoints "$NOTES" \
    --argjson entryDigests "$ENTRY_DIGESTS" \
    --arg lighting "$LIGHTING" --arg hidden "$HIDDEN" --arg bridge "$BRIDGE" --arg youth "$YOUTH" \
    --arg cso "$CSO" --arg consultation "$CONSULTATION" \
    --argjson lightingView "$LIGHTING_VIEW" --argjson hiddenView "$HIDDEN_VIEW" --argjson bridgeView "$BRIDGE_VIEW" \
    --argjson youthView "$YOUTH_VIEW" --argjson csoView "$CSO_VIEW" --argjson consultationView "$CONSULTATION_VIEW" \
    --argjson tarikData "$TARIK_READ" --argjson amraData "$AMRA_READ" --argjson dinoData "$DINO_READ" '{
  previousRelease: $commit,
  schema: $schema,
  keys: {
    comment: "test fixtures, never real secrets: SHA-256 of \"civic-ledger upgrade fixture, test only: <setting>\"",
    pseudonymKey: "mbeC771MuzWbo6JGM3kn6fNhVfLImONDHrExWnb9tXA=",
    masterKey: "MbbCsYgNCFO9amD+ZfupoA+4BJbeYY6O5b93PrINTZA=",
    signingKey: "A/RrdUnFo9NgiOXSc4Ydo+zee4QMaw7krWxUKM3gA+U="
  },
  ideas: {lighting: $lighting, hidden: $hidden, bridge: $bridge, youth: $youth},
  cso: $cso,
  consultation: $consultation,
  votes: {
    comment: "token subjects whose ballot counts on each idea; edin voted on lighting and withdrew",
    lighting: ["lejla", "mirza", "selma", "amar", "dino", "hana", "tarik"], bridge: ["amra", "edin"], youth: ["mirza"], hidden: ["selma"],
    withdrawn: {lighting: ["edin"]}
  },
  answers: {comment: "identified answers to the consultation, by token subject", amra: "setaliste", mirza: "park", amar: "setaliste",
    dino: "setaliste", hana: "park", tarik: "setaliste"},
  views: {lighting: $lightingView, hidden: $hiddenView, bridge: $bridgeView, youth: $youthView, cso: $csoView,
          consultation: $consultationView},
  personalData: {tarik: $tarikData, amra: $amraData, dino: $dinoData},
  transparency: {verifierKey: $verifierKey, logSize: $events, checkpoints: $checkpoints,
                 entrySha256: $entryDigests}
}' > "$HERE/previous-release.json"

echo "fixture written: $EVENTS events, $(echo "$NOTES" | jq length) checkpoints, $(wc -c < "$HERE/previous-release.sql") bytes of SQL"
