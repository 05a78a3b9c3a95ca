package com.activitytracker.engine.testing;

import com.activitytracker.engine.kafka.EmbeddedKafkaBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One real Kafka broker for the whole test run, started on first use and stopped when the run ends,
 * so the suite stays quick on two cores. Tests take a {@link KafkaTestCluster} parameter and use their
 * own topic names from it.
 */
public final class SharedKafka implements ParameterResolver {
    private static final String KEY = "shared-kafka-broker";

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KafkaTestCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL);
        BrokerResource resource = store.getOrComputeIfAbsent(KEY, k -> new BrokerResource(), BrokerResource.class);
        return new KafkaTestCluster(resource.broker.bootstrapServers());
    }

    /** Closed by JUnit at the end of the run. */
    private static final class BrokerResource implements ExtensionContext.Store.CloseableResource {
        final EmbeddedKafkaBroker broker;

        BrokerResource() {
            try {
                broker = EmbeddedKafkaBroker.start(Files.createTempDirectory("tracker-test-kafka"), 0, true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            broker.close();
        }
    }
}
