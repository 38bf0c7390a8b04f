#!/usr/bin/env bash
# Performance benchmark: the packaged portal on a generated site, loaded with wrk on loopback, side
# by side with the limit (each page's very bytes served as a static file by nginx), a reader's phone on an emulated
# poor link (Chromium), start-up, and the search API at a fixed arrival rate. Run from the repository root:
#
#   bash deploy/bench/perf-bench.sh
#
# Preconditions: Java 17, curl, python3, Maven (only when portal-web/target/portal.jar is missing; the Selenium
# classpath is read from the local Maven repository offline), a MariaDB server on which the user may create and drop
# a database, and from Debian's packages (installed with apt-get when missing, as root or through sudo): wrk,
# nginx-light (nginx), chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver).
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
#   BENCH_SEARCH_RATE  search API arrivals per second         (200)
#   BENCH_HEAP         portal heap                            (512m)
#   BENCH_EMBEDDED=0   skip the embedded database (start-up and the reader's page load then run on the external one)
#   BENCH_RESULTS      where the run is appended as a dated section (deploy/bench/RESULTS.md; empty: nowhere)
#   BENCH_KEEP=1       keep the temp dir (corpus, logs, data)
#   BENCH_JAR          the jar to measure (portal-web/target/portal.jar)
#   BENCH_SELENIUM_CP  classpath with Selenium (default: read with mvn -o from the local repository)
# Exit code: 0 when every step ran and no request failed; the targets are judged in the table, not in the exit code.
set -euo pipefail

cd "$(dirname "$0")/../.."
JAR=${BENCH_JAR:-portal-web/target/portal.jar}
DB_SERVER=${BENCH_DB_URL:-jdbc:mariadb://127.0.0.1:3306}
DB_USER=${BENCH_DB_USER:-root}
DB_PASSWORD=${BENCH_DB_PASSWORD:-}
ARTICLES=${BENCH_ARTICLES:-10000}
EVENTS=${BENCH_EVENTS:-2000}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
WARMUP=${BENCH_WARMUP:-5}
WARM_ALL=${BENCH_WARM_ALL:-60}
DURATION=${BENCH_DURATION:-20}
SEARCH_RATE=${BENCH_SEARCH_RATE:-200}
HEAP=${BENCH_HEAP:-512m}
EMBEDDED=${BENCH_EMBEDDED:-1}
RESULTS=${BENCH_RESULTS-deploy/bench/RESULTS.md}
START_TIMEOUT=${BENCH_START_TIMEOUT:-1200}
YEAR=$(date +%Y)

say() { printf '[perf %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
fail() { say "FAILED: $*"; exit 1; }

# --- tools (Debian packages when missing) ---------------------------------------------------------------------------
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
MISSING=()
command -v wrk >/dev/null || MISSING+=(wrk)
[ -x "$NGINX" ] || MISSING+=(nginx-light)
[ -x /usr/bin/chromium ] || MISSING+=(chromium)
[ -x /usr/bin/chromedriver ] || MISSING+=(chromium-driver)
if [ ${#MISSING[@]} -gt 0 ]; then
    say "installing ${MISSING[*]} (Debian packages)"
    SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
    $SUDO apt-get install -y -q "${MISSING[@]}" >/dev/null \
        || { $SUDO apt-get update -q >/dev/null && $SUDO apt-get install -y -q "${MISSING[@]}" >/dev/null; }
fi
command -v curl >/dev/null || fail "curl is needed"
if [ ! -f "$JAR" ]; then
    say "building $JAR (mvn -B -q -DskipTests package)"
    mvn -B -q -DskipTests package
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/perf-bench.XXXXXX")
chmod 755 "$WORK"   # nginx's workers read the static copies
DB_NAME="perf_bench_$(date +%Y%m%d_%H%M%S)_$$"
DB_URL="${DB_SERVER%%\?*}/${DB_NAME}"
PID=
ON_PID=
OFF_PID=
NGINX_STARTED=
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
    stop_pid "$ON_PID"
    stop_pid "$OFF_PID"
    if [ -n "$NGINX_STARTED" ] && [ -f "$WORK/nginx/nginx.pid" ]; then
        kill -QUIT "$(cat "$WORK/nginx/nginx.pid")" 2>/dev/null || true
    fi
    if [ -n "$DB_CREATED" ]; then
        db drop "$DB_SERVER" "$DB_USER" "$DB_PASSWORD" "$DB_NAME" || say "could not drop database $DB_NAME"
    fi
    if [ "${BENCH_KEEP:-0}" = 1 ]; then say "kept $WORK"; else rm -rf "$WORK"; fi
    exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# Starts the portal; $1 names the log and data dir, $2 is "external" or "embedded", further VAR=value pairs are passed
# on. Sets PID, PORT, LOG and FIRST_PAGE_MS (launch to the first 200 answer of /ro/).
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
        [ "$waited" -lt $((START_TIMEOUT * 50)) ] || { tail -20 "$LOG" >&2; fail "no page after ${START_TIMEOUT}s"; }
        sleep 0.02
        waited=$((waited + 1))
    done
    FIRST_PAGE_MS=$(( $(date +%s%3N) - launch ))
}

# Waits until the portal's search finds something (its index is built).
wait_for_index() {
    local base=$1 waited=0
    until curl -s "$base/api/v1/search?lang=ro&q=pasaport" | grep -q '"total":[1-9]'; do
        [ "$waited" -lt 600 ] || fail "the search index of $base is still empty after 300 s"
        sleep 0.5
        waited=$((waited + 1))
    done
}

# Heap in use (MB) as the JVM reports it; "gc" first collects, so that the figure is what stays alive.
heap_mb() {
    [ "${2:-}" = gc ] && jcmd "$1" GC.run >/dev/null 2>&1
    jcmd "$1" GC.heap_info 2>/dev/null | grep -o 'used [0-9]*K' | head -1 | tr -dc '0-9' | awk '{ printf "%d", $1 / 1024 }'
}

# Runs wrk against a list of paths (a file, one per line) on a base URL; prints "rps p50_ms p99_ms max_ms errors".
# While it runs, samples the heap of $HEAP_PID and keeps the highest figure in $WORK/heap.peak.
HEAP_PID=
load() {
    local base=$1 paths=$2 out
    wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -s deploy/bench/wrk-portal.lua "$base" -- "$paths" >/dev/null 2>&1 || true
    ( for _ in $(seq "$DURATION"); do sleep 1; [ -n "$HEAP_PID" ] && heap_mb "$HEAP_PID"; echo; done ) >"$WORK/heap.samples" 2>/dev/null &
    local sampler=$!
    out=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s -s deploy/bench/wrk-portal.lua "$base" -- "$paths" 2>&1) \
        || fail "wrk failed on $base: $out"
    # Stop sampling with wrk: on a loaded machine jcmd is slow, and waiting for every sample would add minutes.
    kill "$sampler" 2>/dev/null || true
    wait "$sampler" 2>/dev/null || true
    # A sample cut short by the kill ends without a newline: echo one, so it is not glued to the peak figure.
    { cat "$WORK/heap.samples"; echo; cat "$WORK/heap.peak" 2>/dev/null || true; } | grep -E '^[0-9]+$' | sort -n | tail -1 \
        >"$WORK/heap.peak.new" || true
    mv "$WORK/heap.peak.new" "$WORK/heap.peak"
    cut -d' ' -f1 /proc/loadavg >>"$WORK/load.samples"
    echo "$out" | awk '/^RESULT/ {
        for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
        printf "%.0f %.2f %.2f %.1f %d\n", v["requests"] / (v["duration_us"] / 1e6), v["p50_us"] / 1000,
            v["p99_us"] / 1000, v["max_us"] / 1000, v["errors"] }'
}

one_path() { local f="$WORK/paths-$1.txt"; echo "$2" >"$f"; echo "$f"; }

# Selenium for the reader's page load (ReaderDcl.java), from the local Maven repository.
selenium_classpath() {
    local cp="$WORK/selenium.classpath"
    # In one reactor with test-compile, so that portal-web's own module resolves; the last module written wins.
    # The plugin's version is named: a fresh local repository holds no default one. Offline first; online once when
    # the local repository lacks the plugin.
    local goal=org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath
    mvn -o -q -B -pl portal-web -am test-compile "$goal" -Dmdep.includeScope=test \
        -Dmdep.outputFile="$cp" >"$WORK/classpath.log" 2>&1 \
        || mvn -q -B -pl portal-web -am test-compile "$goal" -Dmdep.includeScope=test \
            -Dmdep.outputFile="$cp" >>"$WORK/classpath.log" 2>&1 || true
    [ -s "$cp" ] && tr ':' '\n' <"$cp" | grep -v '/portal-core' | paste -sd: -
}
SELENIUM_CP=${BENCH_SELENIUM_CP:-$(selenium_classpath || true)}
[ -n "$SELENIUM_CP" ] || say "no Selenium classpath (see $WORK/classpath.log): the reader's page load is not measured"

# --- machine facts --------------------------------------------------------------------------------------------------
MARIADB_VERSION=$(db version "$DB_SERVER" "$DB_USER" "$DB_PASSWORD") || fail "cannot reach MariaDB at $DB_SERVER"
JAVA_VERSION=$(java -version 2>&1 | head -1)
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
say "work dir $WORK, database $DB_NAME (MariaDB $MARIADB_VERSION)"

# --- the site -------------------------------------------------------------------------------------------------------
say "generating $ARTICLES articles x ro+ru and $EVENTS events"
java deploy/bench/CorpusGenerator.java content "$WORK/content" "$ARTICLES" 4 >&2
java deploy/bench/EventGenerator.java "$WORK/content" "$EVENTS" 4 >&2
for extra in risk-check report pages; do
    [ -d "content/$extra" ] && cp -r "content/$extra" "$WORK/content/"
done

db create "$DB_SERVER" "$DB_USER" "$DB_PASSWORD" "$DB_NAME"
DB_CREATED=1
say "first start on the external database: importing the site"
start_portal import external
IMPORT_LINES=$(grep -o 'Content import: .*\|Event import: .*\|[0-9]* event(s) created.*' "$LOG" | tr '\n' ';' || true)
FIRST_START_MS=$FIRST_PAGE_MS
wait_for_index "http://127.0.0.1:$PORT"
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

say "second start on the external database (measured), visit counting on"
start_portal external external
EXTERNAL_START_MS=$FIRST_PAGE_MS
EXTERNAL_LOG=$LOG
ON_PID=$PID; PID=; ON="http://127.0.0.1:$PORT"
HEAP_AFTER_START=$(heap_mb "$ON_PID" gc)
# A second portal on the same database, with its own data dir (it builds its own index), counting off: on and off
# are then measured alternately on the same machine minutes apart, rather than in two runs.
say "a second portal on the same database, visit counting off (PORTAL_VISIT_COUNTING=off)"
start_portal nocount external PORTAL_VISIT_COUNTING=off PORTAL_DATA_DIR="$WORK/data-nocount"
OFF_PID=$PID; PID=; OFF="http://127.0.0.1:$PORT"
wait_for_index "$ON"
wait_for_index "$OFF"

first_url() {  # $1: API path; prints the path of the first item's url
    curl -s "$ON$1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["url"])' | sed -E 's#^https?://[^/]+##'
}
ARTICLE_PATH=$(first_url "/api/v1/articles?lang=ro&size=1")
CATEGORY_PATH=/ro/categorie/$(curl -s "$ON/api/v1/articles?lang=ro&size=1" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["category"])')
EVENT_PATH=$(first_url "/api/v1/events?lang=ro")
PAGE_PATH=$(first_url "/api/v1/pages?lang=ro")
EVENTS_ON_SITE=$(curl -s "$ON/api/v1/events?lang=ro" | python3 -c 'import json,sys
try: print(len(json.load(sys.stdin)["items"]))
except Exception: print("no events API")')
PAGE_NAMES=(home article category event check report page)
declare -A PATH_OF=([home]=/ro/ [article]="$ARTICLE_PATH" [category]="$CATEGORY_PATH" [event]="$EVENT_PATH"
    [check]=/ro/verifica-oferta [report]="/ro/raport/$YEAR" [page]="$PAGE_PATH")

# Real queries, as people type them (the search benchmark's list, both languages), for the warm-up.
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

# --- the limit: each page's very bytes (as wrk receives them: no Accept-Encoding) as static files served by nginx ----
mkdir -p "$WORK/static" "$WORK/nginx"
PHONE_UA="Mozilla/5.0 (Linux; Android 13; SM-A536B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36"
declare -A BYTES_OF
for name in "${PAGE_NAMES[@]}"; do
    curl -sf -A "$PHONE_UA" "$ON${PATH_OF[$name]}" -o "$WORK/static/$name.html" || fail "$name ${PATH_OF[$name]} did not answer 200"
    BYTES_OF[$name]=$(stat -c %s "$WORK/static/$name.html")
done
chmod -R a+rX "$WORK/static"
NGINX_PORT=$(free_port)
cat >"$WORK/nginx/nginx.conf" <<NGINX
worker_processes $(nproc);
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log;
events { worker_connections 1024; }
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 1000000;
    keepalive_timeout 60s;
    default_type text/html;
    client_body_temp_path $WORK/nginx/tmp;
    server {
        listen 127.0.0.1:$NGINX_PORT;
        root $WORK/static;
    }
}
NGINX
"$NGINX" -e "$WORK/nginx/error.log" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" || fail "nginx did not start"
NGINX_STARTED=1
STATIC="http://127.0.0.1:$NGINX_PORT"
curl -sf "$STATIC/home.html" -o /dev/null || fail "nginx does not serve the static copies"
NGINX_VERSION=$("$NGINX" -v 2>&1 | sed 's#.*/##')

# --- load -----------------------------------------------------------------------------------------------------------
# A fresh JVM runs at about half speed for its first minute or two of load, while the JIT compiler still works (it
# keeps a core busy): every page is requested in turn for WARM_ALL seconds first, on each portal.
warm_all() {
    local base=$1 mixed="$WORK/paths-mixed.txt"
    for name in "${PAGE_NAMES[@]}"; do echo "${PATH_OF[$name]}"; done >"$mixed"
    cat "$SEARCH_PATHS" "$API_PATHS" >>"$mixed"
    say "warming $base up: every page in turn for ${WARM_ALL}s"
    wrk -t2 -c"$CONNECTIONS" -d"${WARM_ALL}s" -s deploy/bench/wrk-portal.lua "$base" -- "$mixed" >/dev/null 2>&1 || true
}
declare -A FIG
run() {
    local name=$1 base=$2 paths=$3
    say "wrk: $name (${WARMUP}s warm-up, ${DURATION}s measured, $CONNECTIONS connections)"
    FIG[$name]=$(load "$base" "$paths")
    say "  $name: ${FIG[$name]} (req/s p50 p99 max errors)"
}
warm_all "$ON"
warm_all "$OFF"
HEAP_PID=$ON_PID
for name in "${PAGE_NAMES[@]}"; do
    run "static_$name" "$STATIC" "$(one_path "static_$name" "/$name.html")"
    run "$name" "$ON" "$(one_path "$name" "${PATH_OF[$name]}")"
done
# Visit counting on and off, alternated, three times each; the median of each side is compared.
for name in article home; do
    for i in 1 2 3; do
        HEAP_PID=$ON_PID; run "${name}_on$i" "$ON" "$WORK/paths-$name.txt"
        HEAP_PID=$OFF_PID; run "${name}_off$i" "$OFF" "$WORK/paths-$name.txt"
    done
done
HEAP_PID=$ON_PID
stop_pid "$OFF_PID"; OFF_PID=
say "search API: $SEARCH_RATE searches a second arriving (open loop), 10 s warm-up, ${DURATION} s measured"
SEARCH_OUT=$(java deploy/bench/SearchLoad.java "$ON" --clients "" --rates "$SEARCH_RATE" --warmup 10 \
    --duration "$DURATION" --server-pid "$ON_PID" 2>&1) || say "the search load reported errors"
# | rate | requests | req/s | p50 | p90 | p99 | max | errors | cpu server / self / rest |
SEARCH_ROW=$(echo "$SEARCH_OUT" | grep -E "^\| $SEARCH_RATE \|" | tail -1)
SEARCH_P99=$(echo "$SEARCH_ROW" | awk -F'|' '{ gsub(/ /, "", $7); print $7 }')
SEARCH_TPUT=$(echo "$SEARCH_ROW" | awk -F'|' '{ gsub(/ /, "", $4); print $4 }')
SEARCH_ERRORS=$(echo "$SEARCH_ROW" | awk -F'|' '{ gsub(/ /, "", $9); print $9 }')
SEARCH_CPU=$(echo "$SEARCH_ROW" | awk -F'|' '{ split($10, c, "/"); gsub(/ /, "", c[1]); print c[1] }')
HEAP_UNDER_LOAD=$(cat "$WORK/heap.peak" 2>/dev/null || echo "?")
PORTAL_ERRORS=$(grep -c -E '\[(ERROR)\]|ERROR ' "$EXTERNAL_LOG" || true)
ERROR_LINES=$(grep -m3 -E '\[(ERROR)\]|ERROR ' "$EXTERNAL_LOG" | cut -c1-240 || true)
DROPPED_LINE=$(curl -s "$ON/health" | head -c 400 || true)
stop_pid "$ON_PID"; ON_PID=
kill -QUIT "$(cat "$WORK/nginx/nginx.pid")" 2>/dev/null || true; NGINX_STARTED=

# --- start-up on the embedded database, and the reader's page load straight from java -jar ---------------------------
reader() {  # measures the reader's page load on $1 (base URL)
    if [ -n "$SELENIUM_CP" ]; then
        java -cp "$SELENIUM_CP" deploy/bench/ReaderDcl.java "$1" /ro/ "$ARTICLE_PATH" 2>"$WORK/reader.log" || true
    fi
}
EMBEDDED_FIRST_MS=; EMBEDDED_START_MS=
if [ "$EMBEDDED" = 1 ]; then
    say "embedded database: first run (unpacks MariaDB, imports the site)"
    start_portal embedded-first embedded
    EMBEDDED_FIRST_MS=$FIRST_PAGE_MS
    wait_for_index "http://127.0.0.1:$PORT"
    stop_pid "$PID"; PID=
    # As above: a restart within 30 s of the import would re-index it (see "second start").
    sleep 31
    say "embedded database: second run (measured)"
    start_portal embedded embedded
    EMBEDDED_START_MS=$FIRST_PAGE_MS
else
    start_portal weight external
fi
wait_for_index "http://127.0.0.1:$PORT"
say "reader: Chromium on 400 ms / 400 kbit/s, cold cache, three loads per page"
READER=$(reader "http://127.0.0.1:$PORT")
WEIGHTS=$(java deploy/bench/PageWeight.java "http://127.0.0.1:$PORT" /ro/ "$ARTICLE_PATH" || true)
stop_pid "$PID"; PID=
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
LOAD_DURING=$(sort -n "$WORK/load.samples" | awk '{ v[NR] = $1 } END { printf "%s–%s", v[1], v[NR] }')

# --- the table ------------------------------------------------------------------------------------------------------
f() { echo "${FIG[$1]:-}" | awk -v i="$2" '{ print $i }'; }
median3() { printf '%s\n' "$@" | sort -n | sed -n 2p; }
mark() { awk -v ok="$1" 'BEGIN { print (ok ? "met" : "**not met**") }'; }
reader_field() { echo "$READER" | awk -v p="$1" -v k="$2" '$2 == p { for (i = 3; i <= NF; i++) { split($i, kv, "="); if (kv[1] == k) print kv[2] } }'; }
weight() { echo "$WEIGHTS" | awk -v p="$1" -v k="$2" '$2 == p { for (i = 3; i <= NF; i++) { split($i, kv, "="); if (kv[1] == k) print kv[2] } }'; }
kb() { awk -v b="$1" 'BEGIN { if (b == "") print "?"; else printf "%.1f KB", b / 1024 }'; }
s() { awk -v ms="$1" 'BEGIN { printf "%.1f s", ms / 1000 }'; }
n() { awk -v x="$1" 'BEGIN { printf "%\047d", x }'; }

RESULT="$WORK/result.md"
{
    echo "## Performance benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo
    echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')), $(free -h | awk '/^Mem:/ {print $2 " RAM"}');"
    echo "$JAVA_VERSION; MariaDB $MARIADB_VERSION; nginx $NGINX_VERSION; wrk $(wrk -v 2>&1 | head -1 | awk '{print $2}') on the same cores,"
    echo "$CONNECTIONS connections, a phone's user agent, ${WARMUP} s warm-up + ${DURATION} s per row; portal \`-Xmx$HEAP\`."
    echo "Load average before / after: $LOAD_BEFORE / $LOAD_AFTER; 1-minute load after each wrk row: $LOAD_DURING (other work on the machine counts in it)."
    echo
    echo "Site: $ARTICLES article keys x ro+ru = $((ARTICLES * 2)) articles, $EVENTS event files ($EVENTS_ON_SITE events listed by the API),"
    echo "a year of visit figures ($YEAR). Import: $IMPORT_LINES"
    echo
    echo "| figure | measured | target | |"
    echo "| --- | --- | --- | --- |"
    for name in "${PAGE_NAMES[@]}"; do
        ratio=$(awk -v a="$(f "$name" 1)" -v b="$(f "static_$name" 1)" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print 0 }')
        echo "| $name \`${PATH_OF[$name]}\` ($(n "${BYTES_OF[$name]}") B), counting on: portal / nginx static | $ratio ($(n "$(f "$name" 1)") / $(n "$(f "static_$name" 1)") req/s) | at least 0.80 | $(mark "$(awk -v r="$ratio" 'BEGIN { print (r >= 0.8) }')") |"
        echo "| $name p99 at $CONNECTIONS connections (nginx) | $(f "$name" 3) ms ($(f "static_$name" 3) ms) | under 5 ms | $(mark "$(awk -v a="$(f "$name" 3)" 'BEGIN { print (a < 5) }')") |"
    done
    for name in article home; do
        on=$(median3 "$(f "${name}_on1" 1)" "$(f "${name}_on2" 1)" "$(f "${name}_on3" 1)")
        off=$(median3 "$(f "${name}_off1" 1)" "$(f "${name}_off2" 1)" "$(f "${name}_off3" 1)")
        cost=$(awk -v a="$on" -v b="$off" 'BEGIN { if (b > 0) printf "%.1f", 100 * (1 - a / b); else print "?" }')
        echo "| visit counting cost, $name (median of 3 on / 3 off, alternated) | $cost % ($(n "$on") / $(n "$off") req/s; on $(f "${name}_on1" 1), $(f "${name}_on2" 1), $(f "${name}_on3" 1); off $(f "${name}_off1" 1), $(f "${name}_off2" 1), $(f "${name}_off3" 1)) | at most 5 % | $(mark "$(awk -v c="$cost" 'BEGIN { print (c <= 5) }')") |"
    done
    for p in /ro/ "$ARTICLE_PATH"; do
        ms=$(reader_field "$p" ms)
        echo "| reader: DOMContentLoaded of \`$p\`, 400 ms RTT / 400 kbit/s, cold cache, straight from \`java -jar\` (median of $(reader_field "$p" loads)) | ${ms:-?} ms | at most 1,000 ms | $(mark "$(awk -v a="${ms:-99999}" 'BEGIN { print (a <= 1000) }')") |"
        bytes=$(reader_field "$p" bytes)
        echo "| page weight of \`$p\` with everything it loads, as Chromium received it ($(reader_field "$p" requests) requests, $(reader_field "$p" encoding)) | $(kb "$bytes") ($(kb "$(weight "$p" bytes)") uncompressed) | under 15 KB | $(mark "$(awk -v a="${bytes:-999999}" 'BEGIN { print (a < 15360) }')") |"
    done
    if [ -n "$EMBEDDED_START_MS" ]; then
        echo "| start-up to first page, embedded database, after the first run | $(s "$EMBEDDED_START_MS") (first run: $(s "$EMBEDDED_FIRST_MS")) | under 8 s | $(mark "$(awk -v a="$EMBEDDED_START_MS" 'BEGIN { print (a < 8000) }')") |"
    fi
    echo "| start-up to first page, external database | $(s "$EXTERNAL_START_MS") (first start with the import: $(s "$FIRST_START_MS")) | under 4 s | $(mark "$(awk -v a="$EXTERNAL_START_MS" 'BEGIN { print (a < 4000) }')") |"
    cpu_ms=$(awk -v c="$SEARCH_CPU" -v t="$SEARCH_TPUT" 'BEGIN { if (t > 0) printf "%.2f", 1000 * c / t; else print "?" }')
    echo "| search API p99, $SEARCH_RATE searches/s arriving (open loop; $SEARCH_TPUT answered/s, $SEARCH_ERRORS errors) | ${SEARCH_P99:-?} ms; CPU $cpu_ms ms per search ($SEARCH_CPU cores) | under 20 ms | $(mark "$(awk -v a="${SEARCH_P99:-99999}" 'BEGIN { print (a < 20) }')") |"
    echo "| heap after start (after a GC) / highest seen under load | $HEAP_AFTER_START MB / $HEAP_UNDER_LOAD MB of $HEAP | within \`-Xmx$HEAP\`, no errors | $(mark "$([ "$PORTAL_ERRORS" = 0 ] && echo 1 || echo 0)") ($PORTAL_ERRORS error lines in the log) |"
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
