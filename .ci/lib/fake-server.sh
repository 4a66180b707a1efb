# Shared by .ci/official-client-check and .ci/live-org-check (source it; needs bash and `set -euo pipefail`).
#
# build_cli                  builds genesys-routing unless SKIP_SWIFT_BUILD=1 and it exists; sets BINARY
# start_fake_server LABEL ARGS…
#                            runs `$BINARY ARGS…` in the background, waits up to FAKE_SERVER_WAIT seconds
#                            (default 60) for the base URL on its first stdout line and sets `base_url`;
#                            the server is always stopped, and its work folder removed, when the script exits.
# show_fake_server_stderr LABEL [LINES]
#                            prints the server's stderr (or its last LINES lines), prefixed.

build_cli() {
  local bin_dir
  bin_dir="$(swift build --show-bin-path)"
  BINARY="$bin_dir/genesys-routing"
  if [ "${SKIP_SWIFT_BUILD:-0}" != "1" ] || [ ! -x "$BINARY" ]; then
    swift build --product genesys-routing
  fi
}

fake_server_workdir=""
fake_server_pid=""

stop_fake_server() {
  if [ -n "$fake_server_pid" ] && kill -0 "$fake_server_pid" 2>/dev/null; then
    kill -TERM "$fake_server_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do
      kill -0 "$fake_server_pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -KILL "$fake_server_pid" 2>/dev/null || true
    wait "$fake_server_pid" 2>/dev/null || true
  fi
  [ -z "$fake_server_workdir" ] || rm -rf "$fake_server_workdir"
}

show_fake_server_stderr() {
  local label="$1" lines="${2:-}"
  [ -s "$fake_server_workdir/stderr" ] || return 0
  if [ -n "$lines" ]; then
    tail -n "$lines" "$fake_server_workdir/stderr" | sed 's/^/  fake-server: /' >&2 || true
  else
    sed 's/^/  fake-server: /' "$fake_server_workdir/stderr" >&2 || true
  fi
}

start_fake_server() {
  local label="$1"
  shift
  local wait_seconds="${FAKE_SERVER_WAIT:-60}"
  fake_server_workdir="$(mktemp -d)"
  trap stop_fake_server EXIT
  trap 'exit 130' INT TERM

  mkfifo "$fake_server_workdir/stdout"
  "$BINARY" "$@" >"$fake_server_workdir/stdout" 2>"$fake_server_workdir/stderr" &
  fake_server_pid=$!

  # The base URL is the first stdout line. Keep the FIFO open on fd 3 so the server never blocks or gets
  # SIGPIPE writing to it later.
  exec 3<"$fake_server_workdir/stdout"
  base_url=""
  if ! IFS= read -r -t "$wait_seconds" base_url <&3 || [[ "$base_url" != http://* ]]; then
    echo "$label: fake-server did not print its base URL within ${wait_seconds}s" >&2
    show_fake_server_stderr "$label"
    exit 1
  fi
  cat <&3 >/dev/null &
}
