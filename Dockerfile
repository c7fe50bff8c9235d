# Production image of Agir: built with Maven, run on a JRE. Used by docker-compose.yml.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -ntp -q dependency:go-offline
COPY src src
COPY bpmn bpmn
COPY forms forms
# Spring AOT (issue 21, cold start): the bean definitions also computed now, for the profiles the container runs with
# (docker-compose: mariadb,keycloak); docker/agir-start.sh uses them only with AGIR_AOT=true and those profiles.
ARG AGIR_AOT_PROFILES=mariadb,keycloak
RUN mvn -B -ntp -q package -DskipTests -Paot -Daot.profiles=${AGIR_AOT_PROFILES}

FROM eclipse-temurin:17-jre
ARG AGIR_AOT_PROFILES=mariadb,keycloak
ENV AGIR_AOT_PROFILES=${AGIR_AOT_PROFILES}
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 1001 agir
WORKDIR /app
COPY --from=build /src/target/agir-*.jar /tmp/app.jar
# Class-data sharing (issue 21, cold start): the jar extracted (application/app.jar + lib/), then one training run
# on the embedded default (H2 in a throwaway directory, the context refreshed then closed) records the classes
# loaded into application.jsa; every start maps them instead of loading and verifying them again (bench/run
# coldstart measures it). The archive is only valid for this JRE and this jar: the image rebuilds both together.
# The training run does not use AOT (it has no MariaDB to run the profiles AOT was computed for): the archive holds
# the libraries' classes, which the AOT start uses too.
RUN java -Djarmode=tools -jar /tmp/app.jar extract --destination /app/application \
    && rm /tmp/app.jar && mkdir /tmp/training && cd /tmp/training \
    && java -XX:ArchiveClassesAtExit=/app/application.jsa -Dspring.context.exit=onRefresh \
       -jar /app/application/app.jar > /tmp/training.log 2>&1 \
    && cd /app && rm -rf /tmp/training /tmp/training.log
COPY docker/agir-start.sh /app/agir-start.sh
USER agir
EXPOSE 8080
# Readiness: started, database and engine answer (an SMTP outage does not count: the outbox waits).
# On the management port when AGIR_MANAGEMENT_PORT sets one.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=5 \
  CMD curl -fsS "http://127.0.0.1:${AGIR_MANAGEMENT_PORT:-${PORT:-8080}}/actuator/health/readiness" | grep -q UP || exit 1
# java [-Dspring.aot.enabled=true: AGIR_AOT=true, see README] -XX:SharedArchiveFile=/app/application.jsa
# -XX:MaxRAMPercentage=75 -jar /app/application/app.jar
ENTRYPOINT ["/app/agir-start.sh"]
