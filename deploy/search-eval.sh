#!/usr/bin/env bash
# The search evaluation: indexes the bundled articles with the real analyzers and runs the evaluation set
# (portal-core/src/test/resources/md/migratiesigura/portal/search/evaluation-queries.tsv: queries as worried people
# type them, each with the articles a counsellor would give); prints hit@1, hit@3 and MRR per kind of query, the
# queries whose answer is not among the first three, and the CPU time per search (searching thread, in process).
#
#   bash deploy/search-eval.sh              # about half a minute
#   bash deploy/search-eval.sh --not-first  # lists every query whose answer is not first
#   bash deploy/search-eval.sh --corpus     # also the CPU per search of the search benchmark's 43 queries on its
#                                           # generated 20,000-article corpus (deploy/bench/CorpusGenerator.java;
#                                           # a few minutes more)
#
# Needs Java 17 and Maven with the project's dependencies (run any build once online). Nothing is written outside a
# temp dir, which is removed at the end. See docs/search.md, "Evaluation".
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
extra=()
if [ "${1:-}" = "--not-first" ]; then
  extra+=("-Dsearch.eval.notFirst=true")
  shift
fi
if [ "${1:-}" = "--corpus" ]; then
  java deploy/bench/CorpusGenerator.java content "$work/corpus" "${ARTICLES:-10000}" "${SEED:-4}" >&2
  extra+=("-Dsearch.eval.corpus=$work/corpus")
fi
mvn -o -B -q -pl portal-core -am test -Dtest=SearchEvaluationTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dsearch.eval.report=true -Dsearch.eval.out="$work/report.txt" "${extra[@]}" >"$work/maven.log" 2>&1 \
  || { cat "$work/maven.log" >&2; exit 1; }
cat "$work/report.txt"
