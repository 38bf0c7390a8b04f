#!/usr/bin/env bash
# Search benchmark (issue 4, "Measured, not assumed"): generates 10,000 articles x ro+ru, imports them into a fresh
# MariaDB database, measures a clean index rebuild of the 20,000 documents and the search API's latency and
# throughput at 1 and 16 concurrent clients. Run from the repository root:
#
#   bash deploy/bench/search-bench.sh
#
# Settings (environment):
#   BENCH_DB_URL       MariaDB server, without a database   (jdbc:mariadb://127.0.0.1:3306)
#   BENCH_DB_USER      user allowed to create/drop databases (root)
#   BENCH_DB_PASSWORD  its password                          (empty)
#   BENCH_ARTICLES     article keys, each in ro and ru        (10000)
#   BENCH_CLIENTS      concurrencies, comma-separated         (1,16)
#   BENCH_RATES        open-loop arrival rates, req/s         (50,200; empty: none)
#   BENCH_WARMUP       warm-up seconds per concurrency        (20)
#   BENCH_DURATION     measured seconds per concurrency       (20)
#   BENCH_HEAP         portal heap                            (512m)
#   BENCH_SEED         corpus seed                            (4)
#   BENCH_OUT          also write the result (Markdown) to this file
#   BENCH_KEEP=1       keep the temp dir (corpus, logs, index) instead of deleting it
# Exit code: 0 when everything ran without an error; non-zero on a failed start, import problems, a rebuild that
# did not index every document, or any failed request.
set -euo pipefail

cd "$(dirname "$0")/../.."
JAR=portal-web/target/portal.jar
DB_SERVER=${BENCH_DB_URL:-jdbc:mariadb://127.0.0.1:3306}
DB_USER=${BENCH_DB_USER:-root}
DB_PASSWORD=${BENCH_DB_PASSWORD:-}
ARTICLES=${BENCH_ARTICLES:-10000}
CLIENTS=${BENCH_CLIENTS:-1,16}
RATES=${BENCH_RATES-50,200}
WARMUP=${BENCH_WARMUP:-20}
DURATION=${BENCH_DURATION:-20}
HEAP=${BENCH_HEAP:-512m}
SEED=${BENCH_SEED:-4}
START_TIMEOUT=${BENCH_START_TIMEOUT:-900}

say() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
fail() { say "FAILED: $*"; exit 1; }

# --- 1. the jar ---------------------------------------------------------------------------------------------------
if [ ! -f "$JAR" ]; then
    say "building $JAR (mvn -B -q -DskipTests package)"
    mvn -B -q -DskipTests package
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/search-bench.XXXXXX")
DB_NAME="search_bench_$(date +%Y%m%d_%H%M%S)_$$"
DB_URL="${DB_SERVER%%\?*}/${DB_NAME}"
case "$DB_SERVER" in *\?*) DB_URL="$DB_URL?${DB_SERVER#*\?}" ;; esac
PID=
DB_CREATED=

db() { java -cp "$JAR" deploy/bench/BenchDb.java "$1" "$DB_SERVER" "$DB_USER" "$DB_PASSWORD" ${2:+"$2"}; }

stop_portal() {
    if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then
        kill -TERM "$PID"
        wait "$PID" 2>/dev/null || true
    fi
    PID=
}

cleanup() {
    local rc=$?
    stop_portal
    if [ -n "$DB_CREATED" ]; then
        db drop "$DB_NAME" || say "could not drop database $DB_NAME: drop it by hand"
    fi
    if [ "${BENCH_KEEP:-0}" = 1 ]; then
        say "kept $WORK"
    else
        rm -rf "$WORK"
    fi
    exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The first field of the first log line matching a pattern, as epoch milliseconds.
log_ms() {
    local line
    line=$(grep -m1 -E "$1" "$2") || return 1
    date -d "${line%% *}" +%s%3N
}

# Starts the portal on the corpus; sets PID, PORT, LAUNCH_MS, READY_MS. $1 names the log.
start_portal() {
    LOG="$WORK/portal-$1.log"
    LAUNCH_MS=$(date +%s%3N)
    PORTAL_CONTENT_DIR="$WORK/content" PORTAL_DATA_DIR="$WORK/data" PORTAL_PORT=0 \
        PORTAL_DB_URL="$DB_URL" PORTAL_DB_USER="$DB_USER" PORTAL_DB_PASSWORD="$DB_PASSWORD" \
        PORTAL_ADMIN_PASSWORD="bench-$RANDOM-$RANDOM-$RANDOM" \
        java -Xmx"$HEAP" -jar "$JAR" >"$LOG" 2>&1 &
    PID=$!
    local waited=0
    until grep -q 'Portal ready on http://localhost:' "$LOG"; do
        kill -0 "$PID" 2>/dev/null || { tail -20 "$LOG" >&2; PID=; fail "the portal stopped during start ($LOG)"; }
        [ "$waited" -lt $((START_TIMEOUT * 10)) ] || { tail -20 "$LOG" >&2; fail "not ready after ${START_TIMEOUT}s"; }
        sleep 0.1
        waited=$((waited + 1))
    done
    READY_MS=$(log_ms 'Portal ready on' "$LOG")
    PORT=$(grep -m1 -o 'Portal ready on http://localhost:[0-9]*' "$LOG" | grep -o '[0-9]*$')
}

# Milliseconds the content import took: from the log line before it (first administrator or schema) to its own.
import_ms() {
    local end before
    end=$(log_ms 'Content import:' "$1")
    before=$(log_ms 'Created the first administrator' "$1" || log_ms 'Database schema at version' "$1")
    echo $((end - before))
}

rebuild_line() { grep -m1 -o 'Search index rebuilt: [0-9]* document(s) in [0-9]* ms' "$1" || true; }
fmt_s() { awk -v ms="$1" 'BEGIN { printf "%.1f s", ms / 1000 }'; }

# --- machine facts --------------------------------------------------------------------------------------------------
MARIADB_VERSION=$(db version) || fail "cannot reach MariaDB at $DB_SERVER as $DB_USER (set BENCH_DB_URL/USER/PASSWORD)"
JAVA_VERSION=$(java -version 2>&1 | head -2 | tr '\n' ' ')
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
say "work dir $WORK, database $DB_NAME on $DB_SERVER (MariaDB $MARIADB_VERSION)"

# --- 2. corpus ------------------------------------------------------------------------------------------------------
say "generating $ARTICLES articles x ro+ru"
CORPUS_LINE=$(java deploy/bench/CorpusGenerator.java content "$WORK/content" "$ARTICLES" "$SEED")
say "$CORPUS_LINE"
CORPUS_MB=$(echo "$CORPUS_LINE" | grep -o '[0-9.]* MB' | head -1)
CORPUS_WORDS=$(echo "$CORPUS_LINE" | grep -o '([0-9]* per file)' | tr -dc '0-9')
EXPECTED_DOCS=$((ARTICLES * 2))

# --- 3. first start: import into a fresh database, then the first index build ---------------------------------------
db create "$DB_NAME"
DB_CREATED=1
say "first start: importing the corpus into $DB_NAME (one transaction per article)"
start_portal first
FIRST_LOG=$LOG
IMPORT_LINE=$(grep -m1 -o 'Content import: .*' "$FIRST_LOG")
IMPORT_MS=$(import_ms "$FIRST_LOG")
IMPORT_END_MS=$(log_ms 'Content import:' "$FIRST_LOG")
FIRST_REBUILD=$(rebuild_line "$FIRST_LOG")
FIRST_START_MS=$((READY_MS - LAUNCH_MS))
say "$IMPORT_LINE in $(fmt_s "$IMPORT_MS"); $FIRST_REBUILD; ready after $(fmt_s "$FIRST_START_MS")"
case "$IMPORT_LINE" in
    "Content import: $ARTICLES article(s) created, 0 already present, 0 problem(s)") ;;
    *) fail "the import did not create exactly $ARTICLES articles: $IMPORT_LINE" ;;
esac

# --- 4. second start: index directory deleted, clean rebuild from the database --------------------------------------
stop_portal
rm -rf "$WORK/data/index"
# The index feeder re-reads every outbox row of the last 30 s at each round; starting later than that keeps the
# first start's import out of the second start's figures.
QUIET_UNTIL=$((IMPORT_END_MS + 31000))
NOW_MS=$(date +%s%3N)
if [ "$NOW_MS" -lt "$QUIET_UNTIL" ]; then
    say "waiting $(( (QUIET_UNTIL - NOW_MS) / 1000 + 1 )) s until the import is older than the feeder's 30 s re-read window"
    sleep $(( (QUIET_UNTIL - NOW_MS) / 1000 + 1 ))
fi
say "second start: index deleted, rebuilding from the database"
start_portal rebuild
REBUILD_LOG=$LOG
REBUILD=$(rebuild_line "$REBUILD_LOG")
[ -n "$REBUILD" ] || fail "no 'Search index rebuilt' line in $REBUILD_LOG"
REBUILD_DOCS=$(echo "$REBUILD" | awk '{print $4}')
REBUILD_MS=$(echo "$REBUILD" | awk '{print $7}')
RESCAN_MS=$(import_ms "$REBUILD_LOG")
RESCAN_LINE=$(grep -m1 -o 'Content import: .*' "$REBUILD_LOG")
SECOND_START_MS=$((READY_MS - LAUNCH_MS))
say "$REBUILD; ready after $(fmt_s "$SECOND_START_MS") (content re-scan $(fmt_s "$RESCAN_MS"))"
[ "$REBUILD_DOCS" = "$EXPECTED_DOCS" ] || fail "the rebuild indexed $REBUILD_DOCS documents, expected $EXPECTED_DOCS"

# --- 5. load ----------------------------------------------------------------------------------------------------------
say "load: clients $CLIENTS, open-loop rates ${RATES:-none}, ${WARMUP}s warm-up + ${DURATION}s measured each, on http://127.0.0.1:$PORT"
LOAD_RC=0
java deploy/bench/SearchLoad.java "http://127.0.0.1:$PORT" --clients "$CLIENTS" --rates "$RATES" --warmup "$WARMUP" \
    --duration "$DURATION" --server-pid "$PID" --out "$WORK/load.md" >"$WORK/load.out" 2>&1 || LOAD_RC=$?
[ -f "$WORK/load.md" ] || { cat "$WORK/load.out" >&2; fail "the load generator did not finish"; }
RSS_MB=$(awk '/VmHWM/ { printf "%d", $2 / 1024 }' "/proc/$PID/status" 2>/dev/null || echo "?")

# --- 6. stop, drop ---------------------------------------------------------------------------------------------------
stop_portal
PORTAL_ERRORS=$(grep -c -E '\[(ERROR|WARN)\]' "$REBUILD_LOG" || true)
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

RESULT="$WORK/result.md"
{
    echo "## Search benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo
    echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')), $(free -h | awk '/^Mem:/ {print $2 " RAM, " $7 " available"}');"
    echo "$JAVA_VERSION; MariaDB $MARIADB_VERSION; portal heap -Xmx$HEAP. Load average before / after: $LOAD_BEFORE / $LOAD_AFTER."
    echo
    echo "| step | figure |"
    echo "| --- | --- |"
    echo "| corpus | $ARTICLES article keys x ro+ru = $EXPECTED_DOCS documents, $CORPUS_MB of Markdown, $CORPUS_WORDS body words per document on average |"
    echo "| content import, first start (fresh database) | $(fmt_s "$IMPORT_MS") — $IMPORT_LINE |"
    echo "| index build, first start (right after the import) | ${FIRST_REBUILD#Search index rebuilt: } |"
    echo "| first start, launch to ready | $(fmt_s "$FIRST_START_MS") |"
    echo "| **clean index rebuild** (index deleted, from the database) | **$REBUILD_DOCS documents in $(fmt_s "$REBUILD_MS")** |"
    echo "| second start, launch to ready | $(fmt_s "$SECOND_START_MS"), of which content re-scan $(fmt_s "$RESCAN_MS") ($RESCAN_LINE) |"
    echo "| portal peak resident memory (VmHWM) | ${RSS_MB} MB |"
    echo "| warnings/errors in the portal log during the load run | $PORTAL_ERRORS |"
    echo
    cat "$WORK/load.md"
} >"$RESULT"
echo
cat "$RESULT"
if [ -n "${BENCH_OUT:-}" ]; then
    cp "$RESULT" "$BENCH_OUT"
fi
[ "$LOAD_RC" = 0 ] || fail "the load generator reported errors (exit $LOAD_RC); see the table above"
[ "$PORTAL_ERRORS" = 0 ] || say "note: the portal log has $PORTAL_ERRORS warning/error line(s)"
say "done"
