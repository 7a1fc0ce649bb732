#!/bin/sh
# The streaming replica: on an empty volume, a base backup of the primary with -R (standby.signal
# and primary_conninfo written for us), then PostgreSQL as a hot standby.
set -eu
: "${PGDATA:=/var/lib/postgresql/data}"
mkdir -p "$PGDATA" && chown postgres:postgres "$PGDATA" && chmod 0700 "$PGDATA"
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  until pg_isready -h primary -p 5432 -q; do sleep 1; done
  PGPASSWORD="$REPLICATION_PASSWORD" gosu postgres pg_basebackup -h primary -p 5432 -U replicator \
    -D "$PGDATA" -R -X stream -c fast -P
fi
exec gosu postgres postgres -D "$PGDATA" -c hot_standby=on -c hot_standby_feedback=on -c max_connections=200
