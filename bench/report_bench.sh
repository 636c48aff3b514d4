#!/usr/bin/env bash
# Benchmark of `linkscope report` on a generated case file of about 1 M links (issue #6 bar:
# <= 60 s on 2 cores). A script, not a test: run it on a quiet machine after a release build.
#
#   bench/report_bench.sh [ENTITIES] [BUILD_DIR]     (defaults: 360000 entities ~ 1.0 M links)
#
# Prints the time of every step (from the progress lines), the total wall time, the peak
# memory, and PASS or FAIL against the bar; exit 3 on FAIL.
set -euo pipefail
entities=${1:-360000}
build=${2:-build/release}
bin="$build/bin/linkscope"
work=$(mktemp -d /tmp/linkscope-report-bench-XXXXXX)
trap 'rm -rf "$work"' EXIT

"$bin" generate --entities "$entities" --seed 7 -o "$work/case.jsonl" >/dev/null
links=$(grep -c '"record":"link"' "$work/case.jsonl")
echo "case: $entities entity records, $links links, $(du -h "$work/case.jsonl" | cut -f1)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"

start=$(date +%s.%N)
last=$start
step="start"
# Progress lines arrive on stderr as they happen; time each step from one line to the next.
while IFS= read -r line; do
  now=$(date +%s.%N)
  case "$line" in
    "linkscope report: ["*)
      printf '  %-42s %6.2f s\n' "$step" "$(awk -v a="$now" -v b="$last" 'BEGIN { print a - b }')"
      step=${line#*] }
      last=$now
      ;;
    *"Maximum resident set size"*) rss_kb=${line##* } ;;
  esac
done < <(/usr/bin/time -v "$bin" report "$work/case.jsonl" -o "$work/out" 2>&1 >/dev/null)
end=$(date +%s.%N)
total=$(awk -v a="$end" -v b="$start" 'BEGIN { print a - b }')
printf 'total %.2f s, peak memory %.0f MiB, report.html %s, report.json %s\n' "$total" \
  "$(( ${rss_kb:-0} / 1024 ))" "$(du -h "$work/out/report.html" | cut -f1)" \
  "$(du -h "$work/out/report.json" | cut -f1)"
if awk -v t="$total" 'BEGIN { exit !(t <= 60) }'; then
  echo "report bar (<= 60 s for ~1 M links): PASS"
else
  echo "report bar (<= 60 s for ~1 M links): FAIL"
  exit 3
fi
