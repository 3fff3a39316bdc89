package dev.supernodetwin.ingest.testing;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.InfluxDBContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Where the integration tests find real Kafka and InfluxDB. Uses the services the project's script
 * started ({@code TWIN_KAFKA_BOOTSTRAP}, {@code TWIN_INFLUX_URL}); otherwise, when a Docker engine is
 * available, starts pinned containers once per test JVM; otherwise fails the test saying how to start
 * them. Never skips: an integration test that did not run must not look green.
 */
public final class TestServices {
    private static final String KAFKA_IMAGE = "apache/kafka:4.1.0";
    private static final String INFLUX_IMAGE = "influxdb:1.8";
    private static final String HOW_TO = "Start real services first: scripts/services.sh start && "
            + "eval \"$(scripts/services.sh env)\" (or run: scripts/services.sh run -- mvn -B verify); "
            + "or provide a Docker engine for Testcontainers.";

    private static KafkaContainer kafka;
    private static InfluxDBContainer<?> influx;

    private TestServices() {
    }

    /** {@code host:port} of a Kafka broker. */
    public static synchronized String kafkaBootstrap() {
        String env = System.getenv("TWIN_KAFKA_BOOTSTRAP");
        if (env != null && !env.isBlank()) {
            return env;
        }
        requireDocker("TWIN_KAFKA_BOOTSTRAP");
        if (kafka == null) {
            kafka = new KafkaContainer(DockerImageName.parse(KAFKA_IMAGE));
            kafka.start();
        }
        return kafka.getBootstrapServers();
    }

    /** {@code http://host:port} of an InfluxDB 1.x server without authentication. */
    public static synchronized String influxUrl() {
        String env = System.getenv("TWIN_INFLUX_URL");
        if (env != null && !env.isBlank()) {
            return env;
        }
        requireDocker("TWIN_INFLUX_URL");
        if (influx == null) {
            influx = new InfluxDBContainer<>(DockerImageName.parse(INFLUX_IMAGE)).withAuthEnabled(false);
            influx.start();
        }
        return influx.getUrl();
    }

    private static void requireDocker(String variable) {
        boolean docker;
        try {
            docker = DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            docker = false;
        }
        if (!docker) {
            fail(variable + " is not set and no Docker engine is available. " + HOW_TO);
        }
    }
}
