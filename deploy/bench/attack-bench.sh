#!/usr/bin/env bash
# Attack benchmark: the public site measured while it is attacked. The packaged portal runs on loopback on a fresh
# database with the bundled content; for each attack in turn a reader's client measures the home page and an
# article for BENCH_ATTACK_SECONDS without attack (the baseline), then for as long again while wrk attacks at full
# rate. Run from the repository root:
#
#   bash deploy/bench/attack-bench.sh
#
# Attacks (BENCH_ATTACKS, in this order by default):
#   session  GET /admin/login?-1.-languageSwitch and /admin/login?lang=ru (Sec-Fetch-Site: same-origin); counts the
#            answers that set a cookie
#   bust     the article's address in random spellings: percent-encoded letters, random query strings
#   pdf      the annual report's PDF, every report year, both languages
#   search   the search page and the search API with 1-3 random words of the bundled articles
#   consult  the consultation form: fetched, then posted 5-6 s later (its minimum fill time is 4 s) with random text
#   answer   random ticket codes and phrases posted to the consultation answer page
#   login    wrong passwords posted to the back-office login form (half for the administrator's address)
#
# Settings (environment):
#   BENCH_ATTACK_SECONDS      seconds of baseline and of attack, each           (60)
#   BENCH_ATTACKS             which attacks, space-separated                    (all, in the order above)
#   BENCH_ATTACK_CONNECTIONS  the attacker's connections (one wrk thread each)  (32)
#   BENCH_ATTACK_ADDRESSES    client addresses the attacker spreads over in X-Forwarded-For; 0: none, all
#                             from 127.0.0.1                                    (4096)
#   BENCH_PUBLIC_CONNECTIONS  the measuring client's connections                (4)
#   BENCH_RECOVERY_SECONDS    after an attack, when the heap is read again       (60)
#   BENCH_WARMUP              seconds of public pages before the first baseline  (30)
#   BENCH_HEAP                portal heap                                       (512m)
#   BENCH_DB_URL, BENCH_DB_USER, BENCH_DB_PASSWORD   MariaDB server (jdbc:mariadb://127.0.0.1:3306, root, empty)
#   BENCH_RESULTS             where the run is appended as a dated section (deploy/bench/RESULTS.md; empty: nowhere)
#   BENCH_KEEP=1              keep the temp dir (logs, wrk output) and the database
# Everything runs on 127.0.0.1 and stops by itself: every wrk run is bounded by its duration (and by `timeout`).
# Exit code: 0 when every step ran; the targets are judged in the table, not in the exit code.
set -euo pipefail

cd "$(dirname "$0")/../.."
JAR=portal-web/target/portal.jar
DB_SERVER=${BENCH_DB_URL:-jdbc:mariadb://127.0.0.1:3306}
DB_USER=${BENCH_DB_USER:-root}
DB_PASSWORD=${BENCH_DB_PASSWORD:-}
SECONDS_EACH=${BENCH_ATTACK_SECONDS:-60}
ATTACKS=${BENCH_ATTACKS:-session bust pdf search consult answer login}
ATTACK_CONNECTIONS=${BENCH_ATTACK_CONNECTIONS:-32}
ADDRESSES=${BENCH_ATTACK_ADDRESSES:-4096}
PUBLIC_CONNECTIONS=${BENCH_PUBLIC_CONNECTIONS:-4}
RECOVERY=${BENCH_RECOVERY_SECONDS:-60}
WARMUP=${BENCH_WARMUP:-30}
HEAP=${BENCH_HEAP:-512m}
RESULTS=${BENCH_RESULTS-deploy/bench/RESULTS.md}
START_TIMEOUT=${BENCH_START_TIMEOUT:-600}
# The portal's months are Chisinau's.
YEAR=$(TZ=Europe/Chisinau date +%Y)
MONTH=$(TZ=Europe/Chisinau date +%-m)
ADMIN_EMAIL=bench-admin@portal.test

say() { printf '[attack %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
fail() { say "FAILED: $*"; exit 1; }

for a in $ATTACKS; do
    case $a in session | bust | pdf | search | consult | answer | login) ;; *) fail "unknown attack '$a'" ;; esac
done
[[ "$SECONDS_EACH" =~ ^[0-9]+$ ]] && [ "$SECONDS_EACH" -ge 1 ] || fail "BENCH_ATTACK_SECONDS must be a number of seconds"

# --- tools ---------------------------------------------------------------------------------------------------------
if ! command -v wrk >/dev/null; then
    say "installing wrk (Debian package)"
    SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
    $SUDO apt-get install -y -q wrk >/dev/null || { $SUDO apt-get update -q >/dev/null && $SUDO apt-get install -y -q wrk >/dev/null; }
fi
for tool in curl python3 jcmd timeout; do command -v "$tool" >/dev/null || fail "$tool is needed"; done
if [ ! -f "$JAR" ]; then
    say "building $JAR (mvn -B -q -DskipTests package)"
    mvn -B -q -DskipTests package
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/attack-bench.XXXXXX")
DB_NAME="attack_bench_$(date +%Y%m%d_%H%M%S)_$$"
DB_URL="${DB_SERVER%%\?*}/${DB_NAME}"
PID=
ATTACK_PID=
DB_CREATED=
LOG="$WORK/portal.log"
ADMIN_PASSWORD="bench-$RANDOM-$RANDOM-$RANDOM-$RANDOM"

db() { java -cp "$JAR" deploy/bench/BenchDb.java "$@"; }

stop_pid() {
    if [ -n "$1" ] && kill -0 "$1" 2>/dev/null; then
        kill -TERM "$1" 2>/dev/null || true
        wait "$1" 2>/dev/null || true
    fi
}

cleanup() {
    local rc=$?
    stop_pid "$ATTACK_PID"
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

# Starts the portal as in production (deploy/systemd/portal.service: -Xmx512m, exit on OutOfMemoryError), with the
# bundled content; appends to $LOG. Sets PID, PORT and BASE.
start_portal() {
    PORT=$(free_port)
    BASE="http://127.0.0.1:$PORT"
    echo "--- start $(date -u +%FT%TZ)" >>"$LOG"
    env PORTAL_DB_URL="$DB_URL" PORTAL_DB_USER="$DB_USER" PORTAL_DB_PASSWORD="$DB_PASSWORD" PORTAL_DATA_DIR="$WORK/data" \
        PORTAL_PORT="$PORT" PORTAL_TRUSTED_PROXIES=127.0.0.1/32 PORTAL_ADMIN_EMAIL="$ADMIN_EMAIL" \
        PORTAL_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
        java -Xmx"$HEAP" -XX:+ExitOnOutOfMemoryError -jar "$JAR" >>"$LOG" 2>&1 &
    PID=$!
    local waited=0
    until [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/ro/" 2>/dev/null)" = 200 ]; do
        kill -0 "$PID" 2>/dev/null || { tail -20 "$LOG" >&2; PID=; fail "the portal stopped during start ($LOG)"; }
        [ "$waited" -lt $((START_TIMEOUT * 10)) ] || { tail -20 "$LOG" >&2; fail "no page after ${START_TIMEOUT}s"; }
        sleep 0.1
        waited=$((waited + 1))
    done
}

# Heap in use (MB) after a full GC: what stays alive.
heap_mb() {
    kill -0 "$PID" 2>/dev/null || { echo "?"; return; }
    timeout 120 jcmd "$PID" GC.run >/dev/null 2>&1 || true
    timeout 60 jcmd "$PID" GC.heap_info 2>/dev/null | grep -o 'used [0-9]*K' | head -1 | tr -dc '0-9' \
        | awk '{ printf "%d", $1 / 1024 } END { if (NR == 0) printf "?" }'
}

# The month's pageviews on the report API, as "pageviews visits" (the measuring client's pages are counted there).
pageviews() {
    curl -s --max-time 30 "$BASE/api/v1/report/$YEAR" | python3 -c '
import json, sys
try:
    m = json.load(sys.stdin)["months"][int(sys.argv[1]) - 1]
    print(m["pageviews"], m["visits"])
except Exception:
    print("? ?")' "$MONTH"
}

# CPU seconds the portal has used so far (user + system, from /proc).
portal_cpu() {
    awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15) / hz }' "/proc/$PID/stat" 2>/dev/null || echo 0
}

# CPU seconds used so far by the whole machine (busy jiffies of /proc/stat) and by this script's finished children
# (bash's `times`: the load generators, once waited for).
machine_cpu() {
    awk -v hz="$(getconf CLK_TCK)" '/^cpu / { printf "%.1f", ($2 + $3 + $4 + $7 + $8 + $9) / hz }' /proc/stat
}
# Called as is, not in $( ): `times` must run in this shell. Sets CHILDREN_CPU.
children_cpu() {
    times >"$WORK/times"
    CHILDREN_CPU=$(awk 'NR == 2 { t = 0; for (i = 1; i <= 2; i++) { split($i, p, "m"); t += p[1] * 60 + p[2] } printf "%.1f", t }' "$WORK/times")
}
cores() { awk -v a="$1" -v b="$2" -v s="$3" 'BEGIN { printf "%.2f", (b - a) / s }'; }

# The reader's client: the home page and the article in turn, a phone browser's User-Agent and 256 client addresses
# (wrk-portal.lua). Prints "req/s p99_ms answered_2xx errors".
measure() {
    local out
    out=$(timeout $((SECONDS_EACH + 60)) wrk -t1 -c"$PUBLIC_CONNECTIONS" -d"${SECONDS_EACH}s" --timeout 10s \
        -s deploy/bench/wrk-portal.lua "$BASE" -- "$WORK/public.txt" 2>&1) || true
    echo "$out" | awk '/^RESULT/ {
        for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
        printf "%.0f %.1f %d %d\n", v["requests"] / (v["duration_us"] / 1e6), v["p99_us"] / 1000,
            v["requests"] - v["errors"], v["errors"]; found = 1 }
        END { if (!found) print "0 ? 0 ?" }'
}

# --- machine facts --------------------------------------------------------------------------------------------------
MARIADB_VERSION=$(db version "$DB_SERVER" "$DB_USER" "$DB_PASSWORD") || fail "cannot reach MariaDB at $DB_SERVER"
JAVA_VERSION=$(java -version 2>&1 | head -1)
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
COMMIT=$(git rev-parse --short HEAD 2>/dev/null || echo '?')
[ -z "$(git status --porcelain 2>/dev/null)" ] || COMMIT="$COMMIT (with uncommitted changes)"
COMMAND="$(env | grep -E '^BENCH_' | sort | tr '\n' ' ')bash deploy/bench/attack-bench.sh"
say "work dir $WORK, database $DB_NAME (MariaDB $MARIADB_VERSION), load average $LOAD_BEFORE on $(nproc) cores"

db create "$DB_SERVER" "$DB_USER" "$DB_PASSWORD" "$DB_NAME"
DB_CREATED=1
say "starting the portal (bundled content, import on first start)"
start_portal
say "portal on $BASE (pid $PID)"

# --- what the attacks aim at, read from the site ---------------------------------------------------------------------
python3 - "$BASE" "$YEAR" "$WORK" content/articles >"$WORK/discovered.sh" <<'PY'
import glob, html, re, shlex, sys, urllib.parse, urllib.request
base, year, work, articles = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]

def get(path, **headers):
    request = urllib.request.Request(base + path, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=60) as r:
            return r.status, r.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        return e.code, ""

def local(url, page):
    """An href of the page at `page`, as a path with its query."""
    u = urllib.parse.urlsplit(urllib.parse.urljoin(base + page, html.unescape(url)))
    return u.path + ("?" + u.query if u.query else "")

def form_action(page, field, **headers):
    status, body = get(page, **headers)
    for form in re.findall(r"<form\b[^>]*>.*?</form>", body, re.S):
        if re.search(r'name="%s"' % field, form):
            return local(re.search(r'action="([^"]*)"', form).group(1), page)
    sys.exit("no form with a field '%s' on %s (status %s)" % (field, page, status))

out = {}
_, sitemap = get("/sitemap.xml")
pages = [urllib.parse.urlsplit(u).path for u in re.findall(r"<loc>([^<]+)</loc>", sitemap)]
articles_ro = [p for p in pages if re.match(r"^/ro/articole/[^/]+$", p)] or [p for p in pages if re.match(r"^/ro/[^/]+/[^/]+$", p)]
if not articles_ro:
    sys.exit("no Romanian article in /sitemap.xml")
out["ARTICLE_PATH"] = articles_ro[0]

# The report's PDF: its link on the report page, in both languages, for every year the site has a report for.
status, report = get("/ro/raport/%d" % year)
if status != 200:
    sys.exit("/ro/raport/%d answers %d" % (year, status))
pdf_ro = local(re.search(r'href="([^"]*\.pdf)"', report).group(1), "/ro/raport/%d" % year)
ru_pages = [local(h, "/ro/raport/%d" % year) for h in re.findall(r'href="([^"]*)"', report)]
ru_page = next(p for p in ru_pages if re.match(r"^/ru/[^/]+/%d$" % year, p))
_, report_ru = get(ru_page)
pdf_ru = local(re.search(r'href="([^"]*\.pdf)"', report_ru).group(1), ru_page)
years = [y for y in range(year, year - 30, -1) if get("/ro/raport/%d" % y)[0] == 200]
with open(work + "/pdf.txt", "w") as f:
    for y in years:
        for p in (pdf_ro, pdf_ru):
            f.write(p.replace("/%d/" % year, "/%d/" % y) + "\n")
out["PDF_EXAMPLE"] = pdf_ro
out["PDF_FILES"] = str(2 * len(years))
out["PDF_YEARS"] = "%d-%d" % (min(years), max(years))

out["CONSULT_PAGE"] = "/ro/consultatie"
out["CONSULT_ACTION"] = form_action("/ro/consultatie", "stamp")
out["ANSWER_ACTION"] = form_action("/ro/consultatie/raspuns", "phrase", **{"Sec-Fetch-Site": "same-origin"})
out["LOGIN_ACTION"] = form_action("/admin/login", "password", **{"Sec-Fetch-Site": "same-origin"})

# Words of the bundled Romanian articles, percent-encoded, for the search flood and the consultations' texts.
words = set()
for path in glob.glob(articles + "/*/ro.md"):
    with open(path, encoding="utf-8") as f:
        words.update(w.lower() for w in re.findall(r"[^\W\d_]{4,14}", f.read()))
with open(work + "/words.txt", "w") as f:
    for w in sorted(words):
        f.write(urllib.parse.quote(w) + "\n")
out["WORDS"] = str(len(words))

for k, v in out.items():
    print("%s=%s" % (k, shlex.quote(v)))
PY
# shellcheck disable=SC1091
. "$WORK/discovered.sh"
printf '/ro/\n%s\n' "$ARTICLE_PATH" >"$WORK/public.txt"
printf '/admin/login?-1.-languageSwitch\n/admin/login?lang=ru\n' >"$WORK/session.txt"
say "article $ARTICLE_PATH; $PDF_FILES report PDFs ($PDF_YEARS, e.g. $PDF_EXAMPLE); consultation form posts to $CONSULT_ACTION,"
say "  answers to $ANSWER_ACTION, login to $LOGIN_ACTION; $WORDS words for the searches"

# --- warm-up -------------------------------------------------------------------------------------------------------
# A fresh JVM runs at about half speed while its JIT compiler works: the public pages first, so that the first
# baseline is not the JIT's.
say "warming up the public pages for ${WARMUP}s"
printf '/ro/\n%s\n/ro/cautare?q=munca\n/ro/consultatie\n/ro/raport/%s\n' "$ARTICLE_PATH" "$YEAR" >"$WORK/warm.txt"
timeout $((WARMUP + 60)) wrk -t2 -c8 -d"${WARMUP}s" -s deploy/bench/wrk-portal.lua "$BASE" -- "$WORK/warm.txt" >/dev/null 2>&1 || true
sleep 6
HEAP_START=$(heap_mb)

attack_args() {
    case $1 in
        session) echo "paths $ADDRESSES $WORK/session.txt" ;;
        bust) echo "bust $ADDRESSES $ARTICLE_PATH" ;;
        pdf) echo "paths $ADDRESSES $WORK/pdf.txt" ;;
        search) echo "search $ADDRESSES $WORK/words.txt" ;;
        consult) echo "consult $ADDRESSES $CONSULT_PAGE $CONSULT_ACTION $WORK/words.txt" ;;
        answer) echo "answer $ADDRESSES $ANSWER_ACTION" ;;
        login) echo "login $ADDRESSES $LOGIN_ACTION ${ADMIN_EMAIL/@/%40}" ;;
    esac
}
attack_label() {
    case $1 in
        session) echo "1 session flood: \`GET /admin/login?-1.-languageSwitch\` and \`?lang=ru\`" ;;
        bust) echo "2 article address variants (percent-encodings, random queries)" ;;
        pdf) echo "3 report PDF downloads ($PDF_FILES files: $PDF_YEARS, ro+ru)" ;;
        search) echo "4 search flood: \`/ro/cautare\` and \`/api/v1/search\`, random words" ;;
        consult) echo "5 consultation form submissions, random text" ;;
        answer) echo "5 wrong ticket codes and phrases on the answer page" ;;
        login) echo "6 wrong passwords on the back-office login" ;;
    esac
}

declare -A ROW DETAIL
run_attack() {
    local name=$1 base_fig under_fig pv0 pv1 heap0 heap1 heap2 log0 cpu0 cpu1 mcpu0 mcpu1 gcpu0 gcpu1 w0 w1 t1 span alive=1 note=""
    say "$name: baseline, ${SECONDS_EACH}s without attack"
    base_fig=$(measure)
    sleep 6
    pv0=$(pageviews)
    heap0=$(heap_mb)
    log0=$(stat -c %s "$LOG")
    cpu0=$(portal_cpu); mcpu0=$(machine_cpu); children_cpu; gcpu0=$CHILDREN_CPU; w0=$(date +%s.%N)
    say "$name: attack, ${SECONDS_EACH}s: wrk -t$ATTACK_CONNECTIONS -c$ATTACK_CONNECTIONS $(attack_args "$name")"
    # shellcheck disable=SC2046
    timeout $((SECONDS_EACH + 60)) wrk -t"$ATTACK_CONNECTIONS" -c"$ATTACK_CONNECTIONS" -d"${SECONDS_EACH}s" --timeout 10s \
        -s deploy/bench/wrk-attack.lua "$BASE" -- $(attack_args "$name") >"$WORK/attack-$name.out" 2>&1 &
    ATTACK_PID=$!
    under_fig=$(measure)
    wait "$ATTACK_PID" 2>/dev/null || true
    ATTACK_PID=
    cpu1=$(portal_cpu); mcpu1=$(machine_cpu); children_cpu; gcpu1=$CHILDREN_CPU; w1=$(date +%s.%N)
    heap1=$(heap_mb)
    t1=$(date +%s)
    sleep 6
    pv1=$(pageviews)
    tail -c +$((log0 + 1)) "$LOG" >"$WORK/log-$name.txt"
    local left=$((t1 + RECOVERY - $(date +%s)))
    [ "$left" -le 0 ] || sleep "$left"
    heap2=$(heap_mb)
    if ! kill -0 "$PID" 2>/dev/null; then
        alive=0
        note="portal stopped: $({ grep -m1 -o 'java.lang.OutOfMemoryError.*' "$WORK/log-$name.txt" || tail -1 "$LOG"; } | cut -c1-160)"
        say "$name: $note; starting it again for the next attack"
        wait "$PID" 2>/dev/null || true
        start_portal
    fi

    # The figures.
    local a errors traces
    a=$(awk '/^ATTACK/ { for (i = 2; i <= NF; i++) { split($i, kv, "="); printf "%s=%s ", kv[1], kv[2] } }' "$WORK/attack-$name.out")
    [ -n "$a" ] || { note="$note no figures from the attacker: $(tail -2 "$WORK/attack-$name.out" | tr '\n' ' ')"; a="requests=0 duration_us=1"; }
    av() { echo "$a" | tr ' ' '\n' | awk -F= -v k="$1" '$1 == k { print $2 }'; }
    errors=$(grep -c '\[ERROR\]' "$WORK/log-$name.txt" || true)
    traces=$(awk '/^[ \t]+at / { if (!inside) n++; inside = 1; next } { inside = 0 } END { print n + 0 }' "$WORK/log-$name.txt")
    read -r b_rps b_p99 b_ok b_err <<<"$base_fig"
    read -r u_rps u_p99 u_ok u_err <<<"$under_fig"
    span=$(awk -v a="$w0" -v b="$w1" 'BEGIN { printf "%.3f", b - a }')
    local rate ratio mix counted expected pv_delta heap_target
    rate=$(awk -v r="$(av requests)" -v d="$(av duration_us)" 'BEGIN { printf "%.0f", r / (d / 1e6) }')
    ratio=$(awk -v u="$u_rps" -v b="$b_rps" 'BEGIN { if (b > 0) printf "%.2f", u / b; else print "?" }')
    mix="$(av s2xx) / $(av s3xx) / $(av s4xx) / $(av s429) / $(av s503) / $(av s5xx) / $(av socket_errors)"
    [ "$(av cookies)" = 0 ] || mix="$mix; **Set-Cookie $(av cookies)**"
    expected=$((u_ok + $(av counted)))
    pv_delta=$(awk -v a="${pv1%% *}" -v b="${pv0%% *}" 'BEGIN { if (a ~ /^[0-9]+$/ && b ~ /^[0-9]+$/) print a - b; else print "?" }')
    counted=$(awk -v d="$pv_delta" -v e="$expected" 'BEGIN { if (d == "?" || e == 0) print "?"; else printf "%.1f", 100 * d / e }')
    heap_target=$(awk -v h="$heap0" 'BEGIN { if (h ~ /^[0-9]+$/) printf "%d", h * 1.2; else print "?" }')

    met() { if [ "$1" = 1 ]; then echo "met"; else echo "**missed**"; fi; }
    local m_ratio m_p99 m_heap m_log m_pv m_5xx
    m_ratio=$(met "$(awk -v r="$ratio" 'BEGIN { print (r != "?" && r >= 0.5) }')")
    m_p99=$(met "$(awk -v p="$u_p99" 'BEGIN { print (p != "?" && p < 50) }')")
    m_heap=$(met "$(awk -v h="$heap2" -v t="$heap_target" 'BEGIN { print (h ~ /^[0-9]+$/ && t ~ /^[0-9]+$/ && h <= t) }')")
    m_log=$(met "$([ "$errors" = 0 ] && [ "$traces" = 0 ] && echo 1 || echo 0)")
    m_pv=$(met "$(awk -v c="$counted" 'BEGIN { print (c != "?" && c >= 99) }')")
    m_5xx=$(met "$([ "$(av s5xx)" = 0 ] && [ "$alive" = 1 ] && echo 1 || echo 0)")
    ROW[$name]="| $(attack_label "$name") | $rate | $mix (5xx: $m_5xx) | $u_rps / $b_rps = $ratio ($m_ratio) | $u_p99 ($b_p99) ($m_p99) | $heap0 / $heap1 / $heap2 ($m_heap) | $errors / $traces ($m_log) | $pv_delta of $expected = $counted % ($m_pv) |"
    DETAIL[$name]="- $(attack_label "$name"): $(av requests) attack requests; cores busy during the attack: portal $(cores "$cpu0" "$cpu1" "$span"), both wrk clients $(cores "$gcpu0" "$gcpu1" "$span"), whole machine $(cores "$mcpu0" "$mcpu1" "$span") of $(nproc); measuring client $u_ok answered 2xx, $u_err not (baseline $b_ok / $b_err); pageviews expected = measuring client's $u_ok + attacker's $(av counted) counted pages; month's visits before / after: ${pv0#* } / ${pv1#* }${note:+; $note}"
    say "$name: ${ROW[$name]}"
    if [ "$errors" != 0 ] || [ "$traces" != 0 ]; then
        DETAIL[$name]="${DETAIL[$name]}; first error lines: \`$(grep -m2 -E '\[ERROR\]|^[A-Za-z.]+(Exception|Error)' "$WORK/log-$name.txt" | cut -c1-200 | tr '\n' ' ' | tr -d '`')\`"
    fi
}

for attack in $ATTACKS; do
    run_attack "$attack"
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

# --- the table ------------------------------------------------------------------------------------------------------
RESULT="$WORK/result.md"
{
    echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')), $(free -h | awk '/^Mem:/ {print $2 " RAM"}');"
    echo "load average at start $LOAD_BEFORE, at the end $LOAD_AFTER. $JAVA_VERSION; MariaDB $MARIADB_VERSION;"
    echo "wrk $(wrk -v 2>&1 | head -1 | awk '{print $2}') on the same cores. Command: \`$COMMAND\`; portal commit $COMMIT, \`-Xmx$HEAP\`, bundled content."
    echo "Each attack: ${SECONDS_EACH} s of baseline, then ${SECONDS_EACH} s of attack (wrk, $ATTACK_CONNECTIONS connections, $ADDRESSES client"
    echo "addresses, a desktop browser's User-Agent) while the measuring client (wrk, $PUBLIC_CONNECTIONS connections, a phone's User-Agent)"
    echo "reads \`/ro/\` and \`$ARTICLE_PATH\` in turn. Heap after a full GC: before the attack / right after it / ${RECOVERY} s later"
    echo "(after start-up and warm-up: $HEAP_START MB)."
    echo
    echo "| attack | attack req/s | attack answers: 2xx / 3xx / 4xx / 429 / 503 / other 5xx / socket errors | public req/s attacked / baseline (target ≥ 0.50) | public p99 ms attacked (baseline) (target < 50) | heap MB before / after / +${RECOVERY} s (target ≤ before + 20 %) | log: ERROR lines / stack traces (target 0) | pageviews counted of expected (target ≥ 99 %) |"
    echo "| --- | ---: | --- | --- | --- | --- | --- | --- |"
    for attack in $ATTACKS; do echo "${ROW[$attack]}"; done
    echo
    for attack in $ATTACKS; do echo "${DETAIL[$attack]}"; done
} >"$RESULT"
echo
cat "$RESULT"
if [ -n "$RESULTS" ]; then
    {
        echo
        echo "## attack-bench.sh, $(date -u '+%Y-%m-%d %H:%M') UTC, $(nproc) cores, portal commit ${COMMIT%% *}"
        echo
        cat "$RESULT"
    } >>"$RESULTS"
    say "appended to $RESULTS"
fi
say "done"
