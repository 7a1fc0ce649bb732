#!/bin/sh
# Runs once, when the primary's data volume is first initialised (docker-entrypoint-initdb.d):
# a role for the replica's streaming connection, allowed from the compose network only.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<SQL
create role replicator with replication login password '${REPLICATION_PASSWORD}';
SQL
echo "host replication replicator samenet scram-sha-256" >> "$PGDATA/pg_hba.conf"
