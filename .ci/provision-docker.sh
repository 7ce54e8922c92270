#!/usr/bin/env bash
# Make a Docker engine answer on this machine: install Debian's docker.io if it is
# missing, start dockerd unless one already runs, and wait until it answers.
set -euo pipefail

if docker info >/dev/null 2>&1; then
    echo "docker: engine already running"
    exit 0
fi

if ! command -v dockerd >/dev/null 2>&1; then
    echo "docker: installing Debian's docker.io"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker.io >/dev/null
fi

log="${TMPDIR:-/tmp}/dockerd.log"
echo "docker: starting dockerd (log: $log)"
nohup dockerd >"$log" 2>&1 &

for _ in $(seq 1 60); do
    if docker info >/dev/null 2>&1; then
        echo "docker: engine $(docker info --format '{{.ServerVersion}}') is up"
        exit 0
    fi
    sleep 1
done

echo "docker: the engine did not answer within 60 s; last lines of $log:" >&2
tail -n 20 "$log" >&2
exit 1
