#!/usr/bin/env bash
# Live chat benchmark: the packaged portal (-Xmx512m, as the systemd unit runs it) on a fresh database of the local
# MariaDB, open all day, with 500 readers waiting in the long-poll and 50 chats held by counsellors through the
# console's feed, exchanging BENCH_CHAT_RATE messages a second in total; meanwhile a reader's client measures the
# public pages (wrk when it is installed, otherwise Java's HTTP client), against the same pages measured before the
# chat started. The CPU of the portal, of MariaDB and of the driver (with wrk) is reported beside the machine's.
# Run from the repository root:
#
#   bash deploy/bench/chat-bench.sh
#
# Settings (environment):
#   BENCH_CHATS             active chats                                        (50)
#   BENCH_WAITING           readers waiting in the queue                        (500)
#   BENCH_CHAT_RATE         messages a second, all chats together, half each way (20)
#   BENCH_CAPACITY          chats per counsellor (PORTAL_CHAT_CAPACITY, 1-5)    (5)
#   BENCH_DURATION          seconds of the measured windows (public pages alone, then with the chat)  (60)
#   BENCH_WARMUP            seconds of chat load before its window              (15)
#   BENCH_PUBLIC_WARMUP     seconds of public pages before the first window     (30)
#   BENCH_PUBLIC_CONNECTIONS the measuring client's connections                 (4)
#   BENCH_HEAP              portal heap                                         (512m)
#   BENCH_PORTAL_OPTS       more JVM options for the portal, e.g. a GC log      (none)
#   BENCH_DB_URL, BENCH_DB_USER, BENCH_DB_PASSWORD   MariaDB server (jdbc:mariadb://127.0.0.1:3306, root, empty)
#   BENCH_RESULTS           where the run is appended as a dated section (deploy/bench/RESULTS.md; empty: nowhere)
#   BENCH_KEEP=1            keep the temp dir (logs) and the database
# Counsellor accounts are made as an administrator makes them (ChatBenchStaff.java, UserService.create) in the
# benchmark's own database, which is dropped at the end. Everything runs on 127.0.0.1 and is bounded in time.
# Exit code: 0 when the run completed; the targets are judged in the table.
set -euo pipefail

cd "$(dirname "$0")/../.."
JAR=portal-web/target/portal.jar
DB_SERVER=${BENCH_DB_URL:-jdbc:mariadb://127.0.0.1:3306}
DB_USER=${BENCH_DB_USER:-root}
DB_PASSWORD=${BENCH_DB_PASSWORD:-}
CHATS=${BENCH_CHATS:-50}
WAITING=${BENCH_WAITING:-500}
RATE=${BENCH_CHAT_RATE:-20}
CAPACITY=${BENCH_CAPACITY:-5}
DURATION=${BENCH_DURATION:-60}
WARMUP=${BENCH_WARMUP:-15}
PUBLIC_WARMUP=${BENCH_PUBLIC_WARMUP:-30}
PUBLIC_CONNECTIONS=${BENCH_PUBLIC_CONNECTIONS:-4}
HEAP=${BENCH_HEAP:-512m}
RESULTS=${BENCH_RESULTS-deploy/bench/RESULTS.md}
ADMIN_EMAIL=bench-admin@portal.test

say() { printf '[chat %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
fail() { say "FAILED: $*"; exit 1; }

for tool in curl python3 timeout; do command -v "$tool" >/dev/null || fail "$tool is needed"; done
if [ ! -f "$JAR" ]; then
    say "building $JAR (mvn -B -q -DskipTests package)"
    mvn -B -q -DskipTests package
fi
COUNSELLORS=$(( (CHATS + CAPACITY - 1) / CAPACITY ))

WORK=$(mktemp -d "${TMPDIR:-/tmp}/chat-bench.XXXXXX")
DB_NAME="chat_bench_$(date +%Y%m%d_%H%M%S)_$$"
DB_URL="${DB_SERVER%%\?*}/${DB_NAME}"
PID=
DB_CREATED=
LOG="$WORK/portal.log"
ADMIN_PASSWORD="bench-$RANDOM-$RANDOM-$RANDOM-$RANDOM"
STAFF_PASSWORD="consultant-$RANDOM-$RANDOM-$RANDOM"

db() { java -cp "$JAR" deploy/bench/BenchDb.java "$@"; }

stop_pid() {
    if [ -n "$1" ] && kill -0 "$1" 2>/dev/null; then
        kill -TERM "$1" 2>/dev/null || true
        wait "$1" 2>/dev/null || true
    fi
}

cleanup() {
    local rc=$?
    stop_pid "$PID"
    if [ -n "$DB_CREATED" ]; then
        if [ "${BENCH_KEEP:-0}" = 1 ]; then
            say "kept database $DB_NAME"
        else
            db drop "$DB_SERVER" "$DB_USER" "$DB_PASSWORD" "$DB_NAME" || say "could not drop database $DB_NAME"
        fi
    fi
    if [ "${BENCH_KEEP:-0}" = 1 ]; then say "kept $WORK"; else rm -rf "$WORK"; fi
    exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# The portal's settings, for the portal and for the accounts' helper (env runs the command itself: $! is java's).
PORTAL_ENV=(PORTAL_DB_URL="$DB_URL" PORTAL_DB_USER="$DB_USER" PORTAL_DB_PASSWORD="$DB_PASSWORD"
    PORTAL_TRUSTED_PROXIES=127.0.0.1/32 PORTAL_ADMIN_EMAIL="$ADMIN_EMAIL" PORTAL_ADMIN_PASSWORD="$ADMIN_PASSWORD"
    PORTAL_CHAT_HOURS=00:00-24:00 PORTAL_CHAT_CAPACITY="$CAPACITY")

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
say "database $DB_NAME"
db create "$DB_SERVER" "$DB_USER" "$DB_PASSWORD" "$DB_NAME"
DB_CREATED=1
MARIADB_VERSION=$(db version "$DB_SERVER" "$DB_USER" "$DB_PASSWORD")
JAVA_VERSION=$(java -version 2>&1 | head -1)

PORT=$(free_port)
BASE="http://127.0.0.1:$PORT"
say "starting the portal (-Xmx$HEAP) on $BASE"
env "${PORTAL_ENV[@]}" PORTAL_DATA_DIR="$WORK/data" PORTAL_PORT="$PORT" \
    java -Xmx"$HEAP" -XX:+ExitOnOutOfMemoryError ${BENCH_PORTAL_OPTS:-} -jar "$JAR" >>"$LOG" 2>&1 &
PID=$!
waited=0
until [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/ro/" 2>/dev/null)" = 200 ]; do
    kill -0 "$PID" 2>/dev/null || { tail -20 "$LOG" >&2; PID=; fail "the portal stopped during start ($LOG)"; }
    [ "$waited" -lt 6000 ] || fail "no page after 600 s"
    sleep 0.1
    waited=$((waited + 1))
done

say "$COUNSELLORS counsellor accounts (capacity $CAPACITY each)"
env "${PORTAL_ENV[@]}" PORTAL_DATA_DIR="$WORK/staff-data" PORTAL_PORT=0 \
    timeout 300 java -cp "$JAR" deploy/bench/ChatBenchStaff.java "$COUNSELLORS" "$STAFF_PASSWORD" "$WORK/counsellors.txt" \
    >"$WORK/staff.log" 2>&1 || { tail -20 "$WORK/staff.log" >&2; fail "could not create the counsellors"; }

ARTICLE_PATH=$(curl -s "$BASE/api/v1/articles?lang=ro&size=1" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["url"])' | sed -E 's#^https?://[^/]+##')

# The MariaDB server the portal uses, when it runs here: its CPU is reported beside the portal's.
DB_PORT=$(echo "$DB_SERVER" | sed -E 's#^jdbc:mariadb://[^:/]+:?([0-9]*).*#\1#'); DB_PORT=${DB_PORT:-3306}
DB_PID=$(ss -ltnpH "sport = :$DB_PORT" 2>/dev/null | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2 || true); DB_PID=${DB_PID:-0}
# The public pages through wrk when it is here (Java's HTTP client spends more than a core on them).
WRK_ARGS=()
command -v wrk >/dev/null && WRK_ARGS=(--wrk-script deploy/bench/wrk-portal.lua)
say "load: $CHATS chats, $WAITING waiting, $RATE messages/s; public pages $PUBLIC_CONNECTIONS connections, ${DURATION}s windows"
RUN_SECONDS=$((PUBLIC_WARMUP + 2 * DURATION + WARMUP + 300))
timeout "$RUN_SECONDS" java -Xmx512m -cp "$JAR" deploy/bench/ChatLoad.java "$BASE" "$WORK/counsellors.txt" \
    "$STAFF_PASSWORD" --chats "$CHATS" --waiting "$WAITING" --rate "$RATE" --warmup "$WARMUP" --duration "$DURATION" \
    --public-warmup "$PUBLIC_WARMUP" --public-connections "$PUBLIC_CONNECTIONS" --article "$ARTICLE_PATH" \
    --server-pid "$PID" --db-pid "$DB_PID" "${WRK_ARGS[@]}" >"$WORK/load.out" || { cat "$WORK/load.out"; tail -30 "$LOG" >&2; fail "the load driver failed"; }

HEAP_USED=$(timeout 60 jcmd "$PID" GC.heap_info 2>/dev/null | grep -o 'used [0-9]*K' | head -1 | tr -dc '0-9' \
    | awk '{ printf "%d", $1 / 1024 } END { if (NR == 0) printf "?" }' || true)
THREADS=$(ls "/proc/$PID/task" 2>/dev/null | wc -l || true)
PORTAL_ERRORS=$(grep -c -E '\[(ERROR)\]|^\s+at |Exception' "$LOG" || true)
stop_pid "$PID"; PID=
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

RESULT="$WORK/result.md"
{
    echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')), $(free -h | awk '/^Mem:/ {print $2 " RAM"}');"
    echo "$JAVA_VERSION; MariaDB $MARIADB_VERSION; the driver (\`ChatLoad.java\`) on the same cores. Portal \`-Xmx$HEAP\`,"
    echo "\`PORTAL_CHAT_HOURS=00:00-24:00\`, \`PORTAL_CHAT_CAPACITY=$CAPACITY\`, $COUNSELLORS counsellors; $CHATS active chats,"
    echo "$WAITING readers waiting in long-poll, $RATE messages/s in total ($WARMUP s warm-up, $DURATION s measured)."
    echo "Load average before / after: $LOAD_BEFORE / $LOAD_AFTER (the run's own load counts in it, and any other work on the machine)."
    echo
    grep -v '^RESULT' "$WORK/load.out"
    echo
    echo "Portal after the run: heap in use $HEAP_USED MB (no GC forced), $THREADS threads; $PORTAL_ERRORS error or exception lines in its log."
} >"$RESULT"
echo
cat "$RESULT"
if [ -n "$RESULTS" ]; then
    {
        echo
        echo "## chat-bench.sh, $(date -u '+%Y-%m-%d %H:%M') UTC, $(nproc) cores, portal commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
        echo
        cat "$RESULT"
    } >>"$RESULTS"
    say "appended to $RESULTS"
fi
say "done"
