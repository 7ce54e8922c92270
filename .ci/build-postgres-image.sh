#!/usr/bin/env bash
# Build a PostgreSQL 15 image from Debian's packages, for machines that can reach
# Debian's mirror but no container registry. Usage: build-postgres-image.sh [NAME] [--force]
set -euo pipefail

image="${POSTGRES_IMAGE:-local/postgres:15-bookworm}"
force=false
for arg in "$@"; do
    case "$arg" in
        --force) force=true ;;
        *) image="$arg" ;;
    esac
done

if ! $force && docker image inspect "$image" >/dev/null 2>&1; then
    echo "postgres image: $image already built"
    exit 0
fi

if ! command -v debootstrap >/dev/null 2>&1; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
fi

# The machine's own apt configuration names the mirror; nothing is written into the repo.
mirror=$(awk '/^URIs:/ { print $2; exit }' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
if [ -z "$mirror" ]; then
    mirror=$(awk '$1 == "deb" { print $2; exit }' /etc/apt/sources.list 2>/dev/null || true)
fi
if [ -z "$mirror" ]; then
    echo "postgres image: no Debian mirror found in the apt configuration" >&2
    exit 1
fi

rootfs=$(mktemp -d)
trap 'rm -rf "$rootfs"' EXIT
echo "postgres image: debootstrap bookworm with postgresql-15 from $mirror"
debootstrap --variant=minbase --include=postgresql-15 bookworm "$rootfs" "$mirror" >/dev/null

install -m 0755 "$(dirname "$0")/postgres-image/docker-entrypoint.sh" \
    "$rootfs/usr/local/bin/docker-entrypoint.sh"
rm -rf "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* "$rootfs"/var/lib/apt/lists/* \
    "$rootfs"/var/cache/apt/* "$rootfs"/var/lib/postgresql/15 "$rootfs"/etc/postgresql/15

tar -C "$rootfs" -c . | docker import \
    --change 'ENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]' \
    --change 'EXPOSE 5432' \
    --change 'ENV LANG=C.UTF-8' \
    - "$image" >/dev/null
echo "postgres image: built $image"
