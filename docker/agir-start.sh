#!/bin/sh
# The image's start (Dockerfile's ENTRYPOINT). Issue 21, cold start: the jar holds the bean definitions Spring AOT
# computed at build time for the profiles AGIR_AOT_PROFILES (build argument, mariadb,keycloak as in docker-compose);
# the start uses them (-Dspring.aot.enabled=true) only when it runs with the same settings. AOT froze the conditions
# that choose beans: other profiles (e.g. without keycloak: the local sign-in), a management port of its own
# (AGIR_MANAGEMENT_PORT) or AGIR_AOT=false start without it, as before (slower, same application).
set -e
aot=-Dspring.aot.enabled=true
reason=""
if [ "${AGIR_AOT:-true}" = false ]; then
  reason="AGIR_AOT=false"
elif [ "${SPRING_PROFILES_ACTIVE:-}" != "${AGIR_AOT_PROFILES}" ]; then
  reason="profiles '${SPRING_PROFILES_ACTIVE:-}' are not the build's '${AGIR_AOT_PROFILES}'"
elif [ -n "${AGIR_MANAGEMENT_PORT:-}" ]; then
  reason="AGIR_MANAGEMENT_PORT is set"
fi
if [ -n "$reason" ]; then
  echo "agir-start: starting without Spring AOT ($reason)" >&2
  aot=""
fi
# shellcheck disable=SC2086
exec java $aot -XX:SharedArchiveFile=/app/application.jsa -XX:MaxRAMPercentage=75 \
  -jar /app/application/app.jar "$@"
