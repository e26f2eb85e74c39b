#!/usr/bin/env bash
# Serves Podman's Docker-compatible API on a unix socket for dockerode (the container executor).
# Prints the socket path; does nothing when it already answers.
set -euo pipefail
SOCK=${VIZMINE_PODMAN_SOCKET:-/tmp/vizmine-podman.sock}
export CONTAINERS_CONF=${CONTAINERS_CONF:-$(cd "$(dirname "$0")" && pwd)/containers.conf}
if curl -sf --unix-socket "$SOCK" http://d/_ping >/dev/null 2>&1; then echo "$SOCK"; exit 0; fi
rm -f "$SOCK"
# conmon writes files such as `oom` into its working directory: keep them out of the repository.
cd "${TMPDIR:-/tmp}"
nohup podman system service --time=0 "unix://$SOCK" >/tmp/vizmine-podman-service.log 2>&1 &
for _ in $(seq 1 50); do
  if curl -sf --unix-socket "$SOCK" http://d/_ping >/dev/null 2>&1; then echo "$SOCK"; exit 0; fi
  sleep 0.2
done
echo "podman system service did not answer on $SOCK; see /tmp/vizmine-podman-service.log" >&2
exit 1
