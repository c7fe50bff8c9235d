#!/usr/bin/env bash
# Runs the realm's Keycloak without Docker, for development: http://localhost:8180, dev mode (its
# own H2 database under target/), realm agir and its demo users imported from keycloak/import.
# The distribution comes from Maven Central and is cached in the local Maven repository.
#   bash tools/keycloak-dev.sh            then, in another terminal:
#   AGIR_WEB_CLIENT_SECRET=agir-web-dev-secret mvn spring-boot:run -Dspring-boot.run.profiles=keycloak
set -euo pipefail
cd "$(dirname "$0")/.."
version=26.4.0
home="target/keycloak-dev/keycloak-$version"
if [ ! -x "$home/bin/kc.sh" ] && [ ! -f "$home/bin/kc.sh" ]; then
  mvn -q -B -ntp dependency:unpack -Dartifact="org.keycloak:keycloak-quarkus-dist:$version:zip" \
    -DoutputDirectory=target/keycloak-dev -Dmdep.overWriteReleases=true
fi
mkdir -p "$home/data/import"
cp keycloak/import/*.json "$home/data/import/"
export AGIR_PUBLIC_URL="${AGIR_PUBLIC_URL:-http://localhost:8080}"
export KC_BOOTSTRAP_ADMIN_USERNAME="${KC_BOOTSTRAP_ADMIN_USERNAME:-kc-admin}"
if [ -z "${KC_BOOTSTRAP_ADMIN_PASSWORD:-}" ]; then
  KC_BOOTSTRAP_ADMIN_PASSWORD="$(head -c 18 /dev/urandom | base64 | tr -d '/+=')"
  export KC_BOOTSTRAP_ADMIN_PASSWORD
  echo "Keycloak administration console: http://localhost:8180/admin/ as $KC_BOOTSTRAP_ADMIN_USERNAME / $KC_BOOTSTRAP_ADMIN_PASSWORD"
fi
exec bash "$home/bin/kc.sh" start-dev --http-host=127.0.0.1 --http-port="${KEYCLOAK_PORT:-8180}" --import-realm
