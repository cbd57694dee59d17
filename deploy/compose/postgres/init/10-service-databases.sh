#!/usr/bin/env bash
# One database and one login per service, each owning its database (Flyway in the service creates the tables).
# Run by the postgres image once, on the first start with an empty data volume. A shell script rather than
# plain SQL so that the passwords come from the environment (.env) instead of being written into a file.
set -euo pipefail

create_service_database() {
  local name="$1" password="$2"
  # psql variables (:"name" quotes an identifier, :'password' a literal) keep the values out of the SQL text.
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -v name="$name" -v password="$password" <<'SQL'
CREATE ROLE :"name" LOGIN PASSWORD :'password';
CREATE DATABASE :"name" OWNER :"name" ENCODING 'UTF8' TEMPLATE template0;
-- Only the owner (and the superuser) may connect: one service never reads another's tables.
REVOKE ALL ON DATABASE :"name" FROM PUBLIC;
SQL
}

create_service_database roadmap "${ROADMAP_DB_PASSWORD:?}"
create_service_database status "${STATUS_DB_PASSWORD:?}"
create_service_database situation "${SITUATION_DB_PASSWORD:?}"
