package com.activitytracker.engine.consumer;

import com.activitytracker.engine.analytics.AnalyticsSnapshot;
import com.activitytracker.engine.config.Settings;
import com.activitytracker.engine.fraud.FraudAlert;
import com.activitytracker.engine.fraud.FraudThresholds;
import com.activitytracker.engine.kafka.KafkaClientFactory;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One consumer with everything it owns: the worker thread and its Kafka consumer, the side producer
 * that carries its alerts and dead letters, and the meter binders of both clients. Built the same way
 * by the engine and by the {@code analytics} and {@code fraud} commands; {@link #close()} stops and
 * closes all of them, in that order, so a restarted engine leaves no client or thread behind.
 *
 * @param <P> the processor, for its figures
 */
public final class ConsumerPipeline<P extends RecordProcessor> implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ConsumerPipeline.class);
    /** Enough for the side producer to deliver what the consumer's last flush did not cover. */
    private static final Duration PRODUCER_CLOSE_TIMEOUT = Duration.ofSeconds(5);

    /** Where a consumer starts reading. */
    public enum StartFrom {
        /** The group's committed offsets; new records only where it has none. */
        COMMITTED_OR_LATEST,
        /** The group's committed offsets; the first record where it has none. */
        COMMITTED_OR_EARLIEST,
        /** The end of each partition, whatever the group committed before: a fresh start. */
        END
    }

    /**
     * How a pipeline reads.
     *
     * @param group    consumer group
     * @param from     where it starts
     * @param idleExit stop once caught up and idle this long (null: never)
     */
    public record Options(String group, StartFrom from, Duration idleExit) {
        public Options {
            Objects.requireNonNull(group);
            Objects.requireNonNull(from);
        }
    }

    private final String name;
    private final MeterRegistry registry;
    private final KafkaProducer<byte[], byte[]> sideProducer;
    private final List<KafkaClientMetrics> binders = new CopyOnWriteArrayList<>();
    private final P processor;
    private final ConsumerWorker worker;
    private volatile boolean closed;

    private ConsumerPipeline(
            String name,
            String producerClientId,
            KafkaClientFactory clients,
            String topic,
            Options options,
            Clock clock,
            MeterRegistry registry,
            Function<KafkaProducer<byte[], byte[]>, P> processorFactory) {
        this.name = name;
        this.registry = registry;
        this.sideProducer = clients.rawProducer(producerClientId);
        try {
            bind(new KafkaClientMetrics(sideProducer));
            this.processor = processorFactory.apply(sideProducer);
        } catch (RuntimeException e) {
            closeSideClients();
            throw e;
        }
        boolean fromBeginning = options.from() == StartFrom.COMMITTED_OR_EARLIEST;
        this.worker = new ConsumerWorker(
                name,
                () -> {
                    KafkaConsumer<byte[], byte[]> consumer = clients.consumer(options.group(), name, fromBeginning);
                    bind(new KafkaClientMetrics(consumer));
                    return consumer;
                },
                topic,
                processor,
                clock,
                options.idleExit(),
                options.from() == StartFrom.END);
    }

    /** The analytics consumer: figures for dashboards, a report every {@code STATS_INTERVAL} events. */
    public static ConsumerPipeline<AnalyticsProcessor> analytics(
            KafkaClientFactory clients,
            Settings settings,
            Options options,
            Clock clock,
            MeterRegistry registry,
            Consumer<AnalyticsSnapshot> onReport) {
        return new ConsumerPipeline<>(
                ConsumerGroups.ANALYTICS_CLIENT,
                ConsumerGroups.ANALYTICS_SIDE_PRODUCER,
                clients,
                settings.activitiesTopic(),
                options,
                clock,
                registry,
                producer -> new AnalyticsProcessor(
                        producer, settings.dlqTopic(), clock, registry, settings.statsInterval(), onReport));
    }

    /** The fraud consumer: the rules, each alert to the alerts topic and to {@code onAlert}. */
    public static ConsumerPipeline<FraudDetectionProcessor> fraud(
            KafkaClientFactory clients,
            Settings settings,
            FraudThresholds thresholds,
            Options options,
            Clock clock,
            MeterRegistry registry,
            Consumer<FraudAlert> onAlert) {
        return new ConsumerPipeline<>(
                ConsumerGroups.FRAUD_CLIENT,
                ConsumerGroups.FRAUD_SIDE_PRODUCER,
                clients,
                settings.activitiesTopic(),
                options,
                clock,
                registry,
                producer -> new FraudDetectionProcessor(
                        thresholds, producer, settings.alertsTopic(), settings.dlqTopic(), clock, registry, onAlert));
    }

    public void start() {
        worker.start();
    }

    public P processor() {
        return processor;
    }

    public ConsumerWorker worker() {
        return worker;
    }

    public ConsumerStats stats() {
        return worker.stats();
    }

    /** Stops the worker (which commits and closes its consumer), then closes the side producer and the binders. */
    @Override
    public void close() {
        stop();
    }

    /**
     * Stops the worker (its last offsets committed) and closes the side producer and meters, so the
     * final figures count everything; {@link #close()} afterwards does nothing.
     */
    public void stop() {
        if (closed) {
            return;
        }
        closed = true;
        worker.close();
        closeSideClients();
    }

    private void bind(KafkaClientMetrics binder) {
        binders.add(binder);
        binder.bindTo(registry);
    }

    private void closeSideClients() {
        try {
            sideProducer.close(PRODUCER_CLOSE_TIMEOUT);
        } catch (RuntimeException e) {
            log.warn("{}: error while closing its producer: {}", name, e.getMessage());
        }
        binders.forEach(KafkaClientMetrics::close);
        binders.clear();
    }
}
