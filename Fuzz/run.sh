#!/usr/bin/env bash
# Builds a libFuzzer target and runs it for SECONDS from the committed seed corpus. Not part of CI.
#
#   Fuzz/run.sh FuzzDesiredState 600
#   Fuzz/run.sh FuzzAPIResponses 600 -jobs=1
#
# Extra arguments go to libFuzzer. Environment: SANITIZERS (default fuzzer,address), SKIP_BUILD=1 to reuse
# the last build, MAX_LEN (default 16384), RSS_LIMIT_MB (default 2048), TIMEOUT (seconds per input, default 10).
# New inputs go to .build/corpus/TARGET, crashes/timeouts/OOMs to .build/findings/TARGET/.
set -euo pipefail
cd "$(dirname "$0")"

usage="usage: $0 FuzzDesiredState|FuzzAPIResponses SECONDS [libFuzzer flags]"
target=${1:?$usage}
seconds=${2:?$usage}
shift 2
case "$target" in
    FuzzDesiredState|FuzzAPIResponses) ;;
    *) echo "$usage" >&2; exit 2 ;;
esac

flags=(-c release -Xswiftc "-sanitize=${SANITIZERS:-fuzzer,address}" -Xswiftc -parse-as-library)
if [ "${SKIP_BUILD:-0}" != 1 ]; then
    swift build "${flags[@]}" --product "$target"
fi
bin="$(swift build "${flags[@]}" --show-bin-path)/$target"

work=".build/corpus/$target"
findings=".build/findings/$target"
mkdir -p "$work" "$findings"
exec "$bin" "$work" "Corpus/$target" \
    -max_total_time="$seconds" \
    -max_len="${MAX_LEN:-16384}" \
    -timeout="${TIMEOUT:-10}" \
    -rss_limit_mb="${RSS_LIMIT_MB:-2048}" \
    -artifact_prefix="$findings/" \
    -print_final_stats=1 \
    "$@"
