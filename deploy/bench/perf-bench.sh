#!/usr/bin/env bash
# Performance benchmark (issue 12): the packaged portal on a generated site, loaded with wrk on loopback, side by side
# with the limit (the same article bytes served as a static file by the same Jetty). Run from the repository root:
#
#   bash deploy/bench/perf-bench.sh
#
# Settings (environment):
#   BENCH_DB_URL       MariaDB server, without a database   (jdbc:mariadb://127.0.0.1:3306)
#   BENCH_DB_USER      user allowed to create/drop databases (root)
#   BENCH_DB_PASSWORD  its password                          (empty)
#   BENCH_ARTICLES     article keys, each in ro and ru        (10000, i.e. 20,000 articles)
#   BENCH_EVENTS       events                                 (2000)
#   BENCH_CONNECTIONS  wrk connections                        (32)
#   BENCH_WARMUP       warm-up seconds per page               (5)
#   BENCH_WARM_ALL     seconds of every page in turn first    (60)
#   BENCH_DURATION     measured seconds per page              (20)
#   BENCH_HEAP         portal heap                            (512m)
#   BENCH_EMBEDDED=0   skip the start-up measurement on the embedded database
#   BENCH_RESULTS      where the run is appended as a dated section (deploy/bench/RESULTS.md; empty: nowhere)
#   BENCH_KEEP=1       keep the temp dir (corpus, logs, data)
# Exit code: 0 when every step ran and no request failed; the targets are judged in the table, not in the exit code.
set -euo pipefail

cd "$(dirname "$0")/../.."
JAR=portal-web/target/portal.jar
DB_SERVER=${BENCH_DB_URL:-jdbc:mariadb://127.0.0.1:3306}
DB_USER=${BENCH_DB_USER:-root}
DB_PASSWORD=${BENCH_DB_PASSWORD:-}
ARTICLES=${BENCH_ARTICLES:-10000}
EVENTS=${BENCH_EVENTS:-2000}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
WARMUP=${BENCH_WARMUP:-5}
WARM_ALL=${BENCH_WARM_ALL:-60}
DURATION=${BENCH_DURATION:-20}
HEAP=${BENCH_HEAP:-512m}
EMBEDDED=${BENCH_EMBEDDED:-1}
RESULTS=${BENCH_RESULTS-deploy/bench/RESULTS.md}
START_TIMEOUT=${BENCH_START_TIMEOUT:-1200}
YEAR=$(date +%Y)

say() { printf '[perf %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
fail() { say "FAILED: $*"; exit 1; }

# --- tools ---------------------------------------------------------------------------------------------------------
if ! command -v wrk >/dev/null; then
    say "installing wrk (Debian package)"
    SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
    $SUDO apt-get install -y -q wrk >/dev/null || { $SUDO apt-get update -q >/dev/null && $SUDO apt-get install -y -q wrk >/dev/null; }
fi
command -v curl >/dev/null || fail "curl is needed"
if [ ! -f "$JAR" ]; then
    say "building $JAR (mvn -B -q -DskipTests package)"
    mvn -B -q -DskipTests package
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/perf-bench.XXXXXX")
DB_NAME="perf_bench_$(date +%Y%m%d_%H%M%S)_$$"
DB_URL="${DB_SERVER%%\?*}/${DB_NAME}"
PID=
STATIC_PID=
DB_CREATED=
ADMIN_PASSWORD="bench-$RANDOM-$RANDOM-$RANDOM"

db() { java -cp "$JAR" deploy/bench/BenchDb.java "$@"; }

stop_pid() {
    if [ -n "$1" ] && kill -0 "$1" 2>/dev/null; then
        kill -TERM "$1"
        wait "$1" 2>/dev/null || true
    fi
}

cleanup() {
    local rc=$?
    stop_pid "$PID"
    stop_pid "$STATIC_PID"
    if [ -n "$DB_CREATED" ]; then
        db drop "$DB_SERVER" "$DB_USER" "$DB_PASSWORD" "$DB_NAME" || say "could not drop database $DB_NAME"
    fi
    if [ "${BENCH_KEEP:-0}" = 1 ]; then say "kept $WORK"; else rm -rf "$WORK"; fi
    exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# Starts the portal; $1 names the log, $2 is "external" or "embedded", further VAR=value pairs are passed on.
# Sets PID, PORT and FIRST_PAGE_MS (launch to the first 200 answer of /ro/).
start_portal() {
    local name=$1 kind=$2
    shift 2
    LOG="$WORK/portal-$name.log"
    PORT=$(free_port)
    local db_env=()
    if [ "$kind" = external ]; then
        db_env=(PORTAL_DB_URL="$DB_URL" PORTAL_DB_USER="$DB_USER" PORTAL_DB_PASSWORD="$DB_PASSWORD" PORTAL_DATA_DIR="$WORK/data")
    else
        db_env=(PORTAL_DATA_DIR="$WORK/embedded")
    fi
    local launch
    launch=$(date +%s%3N)
    env "${db_env[@]}" PORTAL_CONTENT_DIR="$WORK/content" PORTAL_PORT="$PORT" PORTAL_TRUSTED_PROXIES=127.0.0.1/32 \
        PORTAL_ADMIN_PASSWORD="$ADMIN_PASSWORD" "$@" java -Xmx"$HEAP" -jar "$JAR" >"$LOG" 2>&1 &
    PID=$!
    local waited=0
    until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/ro/" 2>/dev/null)" = 200 ]; do
        kill -0 "$PID" 2>/dev/null || { tail -20 "$LOG" >&2; PID=; fail "the portal stopped during start ($LOG)"; }
        [ "$waited" -lt $((START_TIMEOUT * 20)) ] || { tail -20 "$LOG" >&2; fail "no page after ${START_TIMEOUT}s"; }
        sleep 0.05
        waited=$((waited + 1))
    done
    FIRST_PAGE_MS=$(( $(date +%s%3N) - launch ))
}

# Heap in use (MB) as the JVM reports it; "gc" first collects, so that the figure is what stays alive.
heap_mb() {
    [ "${2:-}" = gc ] && jcmd "$1" GC.run >/dev/null 2>&1
    jcmd "$1" GC.heap_info 2>/dev/null | grep -o 'used [0-9]*K' | head -1 | tr -dc '0-9' | awk '{ printf "%d", $1 / 1024 }'
}

# Runs wrk against a list of paths (a file, one per line) on a base URL; prints "rps p50_ms p99_ms max_ms errors".
# While it runs, samples the portal's heap and keeps the highest figure in $WORK/heap.peak.
load() {
    local base=$1 paths=$2 out
    wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -s deploy/bench/wrk-portal.lua "$base" -- "$paths" >/dev/null 2>&1 || true
    ( for _ in $(seq "$DURATION"); do sleep 1; [ -n "$PID" ] && heap_mb "$PID"; echo; done ) >"$WORK/heap.samples" 2>/dev/null &
    local sampler=$!
    out=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s -s deploy/bench/wrk-portal.lua "$base" -- "$paths" 2>&1) \
        || fail "wrk failed on $base: $out"
    wait "$sampler" 2>/dev/null || true
    # load runs in a subshell: the highest heap figure is kept in a file.
    { cat "$WORK/heap.samples"; cat "$WORK/heap.peak" 2>/dev/null || true; } | grep -E '^[0-9]+$' | sort -n | tail -1 \
        >"$WORK/heap.peak.new" || true
    mv "$WORK/heap.peak.new" "$WORK/heap.peak"
    echo "$out" | awk '/^RESULT/ {
        for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
        printf "%.0f %.2f %.2f %.1f %d\n", v["requests"] / (v["duration_us"] / 1e6), v["p50_us"] / 1000,
            v["p99_us"] / 1000, v["max_us"] / 1000, v["errors"] }'
}

one_path() { local f="$WORK/paths-$1.txt"; echo "$2" >"$f"; echo "$f"; }

# --- machine facts --------------------------------------------------------------------------------------------------
MARIADB_VERSION=$(db version "$DB_SERVER" "$DB_USER" "$DB_PASSWORD") || fail "cannot reach MariaDB at $DB_SERVER"
JAVA_VERSION=$(java -version 2>&1 | head -1)
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
say "work dir $WORK, database $DB_NAME (MariaDB $MARIADB_VERSION)"

# --- the site -------------------------------------------------------------------------------------------------------
say "generating $ARTICLES articles x ro+ru and $EVENTS events"
java deploy/bench/CorpusGenerator.java content "$WORK/content" "$ARTICLES" 4 >&2
java deploy/bench/EventGenerator.java "$WORK/content" "$EVENTS" 4 >&2
cp -r content/risk-check "$WORK/content/" 2>/dev/null || true
[ -d content/report ] && cp -r content/report "$WORK/content/"

db create "$DB_SERVER" "$DB_USER" "$DB_PASSWORD" "$DB_NAME"
DB_CREATED=1
say "first start on the external database: importing the site"
start_portal import external
IMPORT_LINES=$(grep -o 'Content import: .*\|Event import: .*\|[0-9]* event(s) created.*' "$LOG" | tr '\n' ';' || true)
FIRST_START_MS=$FIRST_PAGE_MS
IMPORT_DONE_MS=$(date +%s%3N)
stop_pid "$PID"; PID=
db visits "$DB_SERVER" "$DB_USER" "$DB_PASSWORD" "$DB_NAME" "$YEAR" >&2
# The index feeder re-reads the outbox rows of the last 30 s at its first rounds (and moves the content version,
# emptying the page cache): start the measured run once the import is older than that.
QUIET_UNTIL=$((IMPORT_DONE_MS + 31000))
NOW_MS=$(date +%s%3N)
if [ "$NOW_MS" -lt "$QUIET_UNTIL" ]; then
    say "waiting $(( (QUIET_UNTIL - NOW_MS) / 1000 + 1 )) s for the import to leave the index feeder's 30 s window"
    sleep $(( (QUIET_UNTIL - NOW_MS) / 1000 + 1 ))
fi

say "second start on the external database (measured)"
start_portal external external
EXTERNAL_START_MS=$FIRST_PAGE_MS
HEAP_AFTER_START=$(heap_mb "$PID" gc)
BASE="http://127.0.0.1:$PORT"

ARTICLE_PATH=$(curl -s "$BASE/api/v1/articles?lang=ro&size=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["url"])' \
    | sed -E 's#^https?://[^/]+##')
CATEGORY_PATH=/ro/categorie/$(curl -s "$BASE/api/v1/articles?lang=ro&size=1" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["category"])')
EVENTS_ON_SITE=$(curl -s "$BASE/api/v1/events?lang=ro" | python3 -c 'import json,sys
try: print(len(json.load(sys.stdin)["items"]))
except Exception: print("no events API")')

# Real queries, as people type them (the search benchmark's list, both languages).
SEARCH_PATHS="$WORK/paths-search.txt"
API_PATHS="$WORK/paths-api.txt"
python3 - "$SEARCH_PATHS" "$API_PATHS" <<'PY'
import sys, urllib.parse
queries = [("ro", q) for q in ["pașaport", "pasaport", "pașaportul", "contract de muncă", "contract de munca",
    "contractului", '"contract de muncă"', "agenție de recrutare", "agentie recrutare", "agențiile licențiate",
    "licența agenției", "viză", "fara viza", '"fără viză"', "permis de muncă", "muncă în străinătate",
    "munca in strainatate", "trafic de persoane", "exploatare prin muncă", "servitute pentru datorii",
    "linia fierbinte", "ambasada Republicii Moldova", "salariul angajatorului", "cazare și transport",
    "întoarcere acasă", "Germania", "Italia îngrijire", "Israel construcții", "pasapotr", "contarct munca"]]
queries += [("ru", q) for q in ["паспорт", "паспорта", "трудовой договор", "договора", '"трудовой договор"', "виза",
    "работа за рубежом", "лицензия агентства", "торговля людьми", "зарплата и жильё", "агенство", "pasport",
    "rabota za granitsey"]]
page = {"ro": "/ro/cautare?q=", "ru": "/ru/poisk?q="}
with open(sys.argv[1], "w") as pages, open(sys.argv[2], "w") as api:
    for lang, q in queries:
        encoded = urllib.parse.quote(q)
        pages.write(page[lang] + encoded + "\n")
        api.write("/api/v1/search?lang=" + lang + "&q=" + encoded + "\n")
PY

# --- the limit: the article's very bytes as a static file through Jetty's ResourceHandler -------------------------
mkdir -p "$WORK/static"
curl -s "$BASE$ARTICLE_PATH" -o "$WORK/static/article.html"
ARTICLE_BYTES=$(stat -c %s "$WORK/static/article.html")
STATIC_PORT=$(free_port)
java -cp "$JAR" deploy/bench/StaticServer.java "$WORK/static" "$STATIC_PORT" >"$WORK/static.log" 2>&1 &
STATIC_PID=$!
until grep -q 'static server ready' "$WORK/static.log"; do
    kill -0 "$STATIC_PID" 2>/dev/null || fail "the static server did not start: $(cat "$WORK/static.log")"
    sleep 0.1
done

# --- load -----------------------------------------------------------------------------------------------------------
# A fresh JVM runs at about half speed for its first minute or two of load, while the JIT compiler still works (it
# keeps a core busy): every page is requested in turn for WARM_ALL seconds first, so that the figures are those of
# a portal that has been up for a while, whichever page comes first.
warm_all() {
    local mixed="$WORK/paths-mixed.txt"
    printf '%s\n' "$@" >"$mixed"
    cat "$SEARCH_PATHS" "$API_PATHS" >>"$mixed"
    say "warming the portal up: every page in turn for ${WARM_ALL}s"
    wrk -t2 -c"$CONNECTIONS" -d"${WARM_ALL}s" -s deploy/bench/wrk-portal.lua "$BASE" -- "$mixed" >/dev/null 2>&1 || true
}
declare -A FIG
run() {
    local name=$1 base=$2 paths=$3
    say "wrk: $name (${WARMUP}s warm-up, ${DURATION}s measured, $CONNECTIONS connections)"
    FIG[$name]=$(load "$base" "$paths")
    say "  $name: ${FIG[$name]} (req/s p50 p99 max errors)"
}
warm_all "$ARTICLE_PATH" /ro/ "$CATEGORY_PATH" /ro/verifica-oferta "/ro/raport/$YEAR"
run static "http://127.0.0.1:$STATIC_PORT" "$(one_path static /article.html)"
run article "$BASE" "$(one_path article "$ARTICLE_PATH")"
run home "$BASE" "$(one_path home /ro/)"
run category "$BASE" "$(one_path category "$CATEGORY_PATH")"
run search "$BASE" "$SEARCH_PATHS"
run api "$BASE" "$API_PATHS"
run check "$BASE" "$(one_path check /ro/verifica-oferta)"
run report "$BASE" "$(one_path report "/ro/raport/$YEAR")"
HEAP_UNDER_LOAD=$(cat "$WORK/heap.peak" 2>/dev/null || echo "?")
PORTAL_ERRORS=$(grep -c -E '\[(ERROR)\]' "$LOG" || true)
ERROR_LINES=$(grep -m3 -E '\[(ERROR)\]' "$LOG" | cut -c1-240 || true)
stop_pid "$PID"; PID=

say "visit counting off (PORTAL_VISIT_COUNTING=off), for the comparison"
start_portal nocount external PORTAL_VISIT_COUNTING=off
BASE="http://127.0.0.1:$PORT"
warm_all "$ARTICLE_PATH" /ro/
run article_nocount "$BASE" "$(one_path article "$ARTICLE_PATH")"
run home_nocount "$BASE" "$(one_path home /ro/)"
stop_pid "$PID"; PID=
stop_pid "$STATIC_PID"; STATIC_PID=

# --- start-up on the embedded database ------------------------------------------------------------------------------
EMBEDDED_FIRST_MS=; EMBEDDED_START_MS=
if [ "$EMBEDDED" = 1 ]; then
    say "embedded database: first run (unpacks MariaDB, imports the site)"
    start_portal embedded-first embedded
    EMBEDDED_FIRST_MS=$FIRST_PAGE_MS
    IMPORT_DONE_MS=$(date +%s%3N)
    stop_pid "$PID"; PID=
    # As above: a restart within 30 s of the import would re-index it (see "second start").
    sleep 31
    say "embedded database: second run (measured)"
    start_portal embedded embedded
    EMBEDDED_START_MS=$FIRST_PAGE_MS
    WEIGHTS=$(java deploy/bench/PageWeight.java "http://127.0.0.1:$PORT" /ro/ "$ARTICLE_PATH")
    stop_pid "$PID"; PID=
else
    start_portal weight external
    WEIGHTS=$(java deploy/bench/PageWeight.java "http://127.0.0.1:$PORT" /ro/ "$ARTICLE_PATH")
    stop_pid "$PID"; PID=
fi
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

# --- the table ------------------------------------------------------------------------------------------------------
f() { echo "${FIG[$1]}" | awk -v i="$2" '{ print $i }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.0f %%", 100 * a / b; else print "?" }'; }
mark() { awk -v ok="$1" 'BEGIN { print (ok ? "met" : "**not met**") }'; }
weight() { echo "$WEIGHTS" | awk -v p="$1" -v k="$2" '$2 == p { for (i = 3; i <= NF; i++) { split($i, kv, "="); if (kv[1] == k) print kv[2] } }'; }
kb() { awk -v b="$1" 'BEGIN { printf "%.1f KB", b / 1024 }'; }
s() { awk -v ms="$1" 'BEGIN { printf "%.1f s", ms / 1000 }'; }

RESULT="$WORK/result.md"
{
    echo "## Performance benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo
    echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')), $(free -h | awk '/^Mem:/ {print $2 " RAM"}');"
    echo "$JAVA_VERSION; MariaDB $MARIADB_VERSION; wrk $(wrk -v 2>&1 | head -1 | awk '{print $2}') on the same cores, $CONNECTIONS connections,"
    echo "${WARMUP} s warm-up + ${DURATION} s per page; portal \`-Xmx$HEAP\`. Load average before / after: $LOAD_BEFORE / $LOAD_AFTER."
    echo
    echo "Site: $ARTICLES article keys x ro+ru = $((ARTICLES * 2)) articles, $EVENTS event files ($EVENTS_ON_SITE events listed by the API),"
    echo "a year of visit figures ($YEAR). Import: $IMPORT_LINES"
    echo
    echo "| page | req/s | p50 ms | p99 ms | max ms | errors |"
    echo "| --- | ---: | ---: | ---: | ---: | ---: |"
    for k in static article home category search api check report article_nocount home_nocount; do
        case $k in
            static) label="**limit**: the article's bytes ($ARTICLE_BYTES B) as a static file, Jetty ResourceHandler" ;;
            article) label="article \`$ARTICLE_PATH\`" ;;
            home) label="home \`/ro/\`" ;;
            category) label="category \`$CATEGORY_PATH\`" ;;
            search) label="search page, 43 real queries in rotation" ;;
            api) label="search API \`/api/v1/search\`, same queries" ;;
            check) label="job-offer check \`/ro/verifica-oferta\`" ;;
            report) label="annual report \`/ro/raport/$YEAR\`" ;;
            article_nocount) label="article, visit counting off" ;;
            home_nocount) label="home, visit counting off" ;;
        esac
        echo "| $label | $(f $k 1) | $(f $k 2) | $(f $k 3) | $(f $k 4) | $(f $k 5) |"
    done
    echo
    echo "| figure | measured | target | |"
    echo "| --- | --- | --- | --- |"
    echo "| article page / static file, throughput | $(ratio "$(f article 1)" "$(f static 1)") | at least 50 % | $(mark "$(awk -v a="$(f article 1)" -v b="$(f static 1)" 'BEGIN { print (a * 2 >= b) }')") |"
    echo "| article page p99 at $CONNECTIONS connections | $(f article 3) ms | under 10 ms | $(mark "$(awk -v a="$(f article 3)" 'BEGIN { print (a < 10) }')") |"
    echo "| search page p99 | $(f search 3) ms | under 20 ms | $(mark "$(awk -v a="$(f search 3)" 'BEGIN { print (a < 20) }')") |"
    echo "| search API p99 | $(f api 3) ms | under 20 ms | $(mark "$(awk -v a="$(f api 3)" 'BEGIN { print (a < 20) }')") |"
    echo "| home page weight, everything it loads | $(kb "$(weight /ro/ bytes)"), $(kb "$(weight /ro/ gzip)") gzip ($(weight /ro/ files) files) | under 30 KB compressed | $(mark "$(awk -v a="$(weight /ro/ gzip)" 'BEGIN { print (a < 30720) }')") |"
    echo "| article page weight | $(kb "$(weight "$ARTICLE_PATH" bytes)"), $(kb "$(weight "$ARTICLE_PATH" gzip)") gzip ($(weight "$ARTICLE_PATH" files) files) | under 30 KB compressed | $(mark "$(awk -v a="$(weight "$ARTICLE_PATH" gzip)" 'BEGIN { print (a < 30720) }')") |"
    if [ -n "$EMBEDDED_START_MS" ]; then
        echo "| start-up to first page, embedded database, after the first run | $(s "$EMBEDDED_START_MS") (first run: $(s "$EMBEDDED_FIRST_MS")) | under 20 s | $(mark "$(awk -v a="$EMBEDDED_START_MS" 'BEGIN { print (a < 20000) }')") |"
    fi
    echo "| start-up to first page, external database | $(s "$EXTERNAL_START_MS") (first start with the import: $(s "$FIRST_START_MS")) | under 8 s | $(mark "$(awk -v a="$EXTERNAL_START_MS" 'BEGIN { print (a < 8000) }')") |"
    echo "| heap after start (after a GC) / highest seen under load | $HEAP_AFTER_START MB / $HEAP_UNDER_LOAD MB of $HEAP | within \`-Xmx512m\`, no errors | $(mark "$([ "$PORTAL_ERRORS" = 0 ] && echo 1 || echo 0)") ($PORTAL_ERRORS error lines in the log) |"
    echo "| visit counting on / off, article page | $(ratio "$(f article 1)" "$(f article_nocount 1)") | at least 95 % | $(mark "$(awk -v a="$(f article 1)" -v b="$(f article_nocount 1)" 'BEGIN { print (a * 100 >= b * 95) }')") |"
    echo "| visit counting on / off, home page | $(ratio "$(f home 1)" "$(f home_nocount 1)") | at least 95 % | $(mark "$(awk -v a="$(f home 1)" -v b="$(f home_nocount 1)" 'BEGIN { print (a * 100 >= b * 95) }')") |"
    if [ -n "$ERROR_LINES" ]; then
        echo
        echo "Errors in the portal's log during the load (first three):"
        echo
        echo '```'
        echo "$ERROR_LINES"
        echo '```'
    fi
} >"$RESULT"
echo
cat "$RESULT"
if [ -n "$RESULTS" ]; then
    {
        echo
        echo "## perf-bench.sh, $(date -u '+%Y-%m-%d %H:%M') UTC, $(nproc) cores, portal commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
        echo
        cat "$RESULT"
    } >>"$RESULTS"
    say "appended to $RESULTS"
fi
ERRORS=0
for k in "${!FIG[@]}"; do ERRORS=$((ERRORS + $(f "$k" 5))); done
[ "$ERRORS" = 0 ] || fail "$ERRORS request(s) failed; see the table"
say "done"
