#!/bin/sh
# The image's start (Dockerfile's ENTRYPOINT). Issue 21, cold start: the jar also holds the bean definitions Spring AOT
# computed at build time for the profiles AGIR_AOT_PROFILES (build argument, mariadb,keycloak as in docker-compose).
# AGIR_AOT=true starts with them (-Dspring.aot.enabled=true), about 12 % less CPU at start (docs/PERFORMANCE.md), but
# AOT froze every condition that chooses beans (profiles, a management port of its own, and any Spring Boot or Camunda
# switch such as camunda.bpm.job-execution.enabled): so it is an operator's choice, off by default, and it is taken
# only when the profiles are the build's and AGIR_MANAGEMENT_PORT is unset; otherwise the start says why and goes on
# without it (same application).
set -e
aot=""
if [ "${AGIR_AOT:-false}" = true ]; then
  if [ "${SPRING_PROFILES_ACTIVE:-}" != "${AGIR_AOT_PROFILES}" ]; then
    echo "agir-start: starting without Spring AOT (profiles '${SPRING_PROFILES_ACTIVE:-}' are not the build's '${AGIR_AOT_PROFILES}')" >&2
  elif [ -n "${AGIR_MANAGEMENT_PORT:-}" ]; then
    echo "agir-start: starting without Spring AOT (AGIR_MANAGEMENT_PORT is set)" >&2
  else
    aot=-Dspring.aot.enabled=true
  fi
fi
# shellcheck disable=SC2086
exec java $aot -XX:SharedArchiveFile=/app/application.jsa -XX:MaxRAMPercentage=75 \
  -jar /app/application/app.jar "$@"
