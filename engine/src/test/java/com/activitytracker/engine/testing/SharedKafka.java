package com.activitytracker.engine.testing;

import com.activitytracker.engine.kafka.EmbeddedKafkaBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Locale;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * One real Kafka broker for the whole test run, started on first use and stopped when the run ends,
 * so the suite stays quick on two cores. Tests take a {@link KafkaTestCluster} parameter and use their
 * own topic names from it.
 *
 * <p>Which broker: {@code -Dkafka.tests=embedded} (Apache Kafka's own server in this JVM),
 * {@code -Dkafka.tests=testcontainers} (the {@code apache/kafka} image via Testcontainers; needs
 * Docker), or {@code auto} (the default): Testcontainers where Docker answers, embedded otherwise.
 */
public final class SharedKafka implements ParameterResolver {
    private static final Logger log = LoggerFactory.getLogger(SharedKafka.class);
    private static final String KEY = "shared-kafka-broker";
    /** Same Kafka release as the embedded broker, so both paths test the same thing. */
    public static final String KAFKA_IMAGE = "apache/kafka:4.1.1";

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KafkaTestCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL);
        Broker broker = store.getOrComputeIfAbsent(KEY, k -> start(), Broker.class);
        return new KafkaTestCluster(broker.bootstrapServers());
    }

    /** The broker the property asks for. */
    private static Broker start() {
        String choice = System.getProperty("kafka.tests", "auto").toLowerCase(Locale.ROOT);
        boolean containers = switch (choice) {
            case "testcontainers" -> true;
            case "embedded" -> false;
            default -> dockerAvailable();
        };
        if (containers) {
            log.info("Tests use Kafka in a container ({})", KAFKA_IMAGE);
            return new ContainerBroker();
        }
        log.info("Tests use the embedded Kafka broker");
        return new EmbeddedBroker();
    }

    public static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** A broker the test run owns; JUnit closes what its root store holds at the end of the run. */
    private interface Broker extends AutoCloseable {
        String bootstrapServers();

        @Override
        void close();
    }

    private static final class EmbeddedBroker implements Broker {
        private final EmbeddedKafkaBroker broker;

        EmbeddedBroker() {
            try {
                broker = EmbeddedKafkaBroker.start(Files.createTempDirectory("tracker-test-kafka"), 0, true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String bootstrapServers() {
            return broker.bootstrapServers();
        }

        @Override
        public void close() {
            broker.close();
        }
    }

    private static final class ContainerBroker implements Broker {
        private final KafkaContainer container = new KafkaContainer(KAFKA_IMAGE);

        ContainerBroker() {
            container.start();
        }

        @Override
        public String bootstrapServers() {
            return container.getBootstrapServers();
        }

        @Override
        public void close() {
            container.stop();
        }
    }
}
