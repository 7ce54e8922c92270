#!/bin/sh
# The parts of the official postgres image's entrypoint that testcontainers relies on:
# POSTGRES_USER / POSTGRES_PASSWORD / POSTGRES_DB, scram-sha-256 over TCP, and no TCP
# listener until initialisation has finished.
set -eu

PGBIN=/usr/lib/postgresql/15/bin
export PGDATA="${PGDATA:-/var/lib/postgresql/data}"
POSTGRES_USER="${POSTGRES_USER:-postgres}"
POSTGRES_PASSWORD="${POSTGRES_PASSWORD:?POSTGRES_PASSWORD must be set}"
POSTGRES_DB="${POSTGRES_DB:-$POSTGRES_USER}"

# Accept both `postgres -c x=y` (the official image's style) and bare `-c x=y`.
if [ "${1:-}" = "postgres" ]; then
    shift
fi

as_postgres() { su postgres -s /bin/sh -c "$*"; }

mkdir -p "$PGDATA" /var/run/postgresql
chown -R postgres:postgres "$PGDATA" /var/run/postgresql
chmod 700 "$PGDATA"

if [ ! -s "$PGDATA/PG_VERSION" ]; then
    pwfile=$(mktemp)
    printf '%s\n' "$POSTGRES_PASSWORD" >"$pwfile"
    chown postgres "$pwfile"
    as_postgres "$PGBIN/initdb --username='$POSTGRES_USER' --pwfile='$pwfile' \
        --auth-local=trust --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >/dev/null"
    rm -f "$pwfile"
    echo "host all all all scram-sha-256" >>"$PGDATA/pg_hba.conf"

    as_postgres "$PGBIN/pg_ctl -D '$PGDATA' -o \"-c listen_addresses=''\" -w start >/dev/null"
    if [ "$POSTGRES_DB" != "postgres" ]; then
        as_postgres "$PGBIN/psql -v ON_ERROR_STOP=1 --username='$POSTGRES_USER' --dbname=postgres \
            -c 'CREATE DATABASE \"$POSTGRES_DB\"' >/dev/null"
    fi
    as_postgres "$PGBIN/pg_ctl -D '$PGDATA' -m fast -w stop >/dev/null"
fi

exec su postgres -s /bin/sh -c "exec $PGBIN/postgres -D '$PGDATA' -c listen_addresses='*' $*"
