# syntax=docker/dockerfile:1
# supernode-twin: one image for `twin run` (the default command) and every other subcommand
# (`simulate`, `replay`, `users hash`, ...). Build: docker build -t supernode-twin:0.1.0 .
# Every base image is pinned to an exact tag.

# Node 20 for the dashboard page (dashboard-web/src/main/frontend is built by Maven through npm).
FROM node:20.18.1-bookworm-slim AS node

# ---- build: Maven + Temurin 17, with Node/npm copied in from the node stage ----
FROM maven:3.9.9-eclipse-temurin-17 AS build
COPY --from=node /usr/local/bin/node /usr/local/bin/node
COPY --from=node /usr/local/lib/node_modules /usr/local/lib/node_modules
RUN ln -s /usr/local/lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
 && ln -s /usr/local/lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \
 && node --version && npm --version
WORKDIR /src
# Poms first so the dependency download is a cached layer of its own. Best effort: the sibling
# modules are not built yet, so go-offline may stop early; the package step fetches the rest.
COPY pom.xml ./
COPY twin-core/pom.xml twin-core/
COPY ingest/pom.xml ingest/
COPY dashboard-web/pom.xml dashboard-web/
COPY bench/pom.xml bench/
RUN mvn -B -q -pl dashboard-web -am dependency:go-offline -DexcludeReactor=true || true
COPY . .
RUN mvn -B -DskipTests package -pl dashboard-web -am \
 && cp dashboard-web/target/supernode-twin.jar /tmp/supernode-twin.jar

# ---- runtime: JRE only, non-root, just the jar ----
FROM eclipse-temurin:17.0.13_11-jre-jammy
# curl for the health check (the base image is not promised to carry one).
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 twin \
 && useradd --system --uid 10001 --gid twin --home-dir /var/lib/twin --shell /usr/sbin/nologin twin \
 && mkdir -p /opt/twin /var/lib/twin /etc/twin \
 && chown twin:twin /var/lib/twin
COPY --from=build /tmp/supernode-twin.jar /opt/twin/supernode-twin.jar
WORKDIR /var/lib/twin
# In a container the twin must listen on every interface to be reachable; the twin refuses a
# non-loopback address without a users file (TWIN_USERS), so one has to be mounted.
ENV TWIN_HTTP_HOST=0.0.0.0 \
    TWIN_HTTP_PORT=8080 \
    TWIN_STATE_DIR=/var/lib/twin \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
USER 10001:10001
EXPOSE 8080
VOLUME ["/var/lib/twin"]
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD curl -fsS -o /dev/null "http://127.0.0.1:${TWIN_HTTP_PORT}/alive" || exit 1
ENTRYPOINT ["java", "-jar", "/opt/twin/supernode-twin.jar"]
CMD ["run"]
