package com.activitytracker.engine.kafka;

import com.activitytracker.engine.config.Settings;
import com.activitytracker.engine.config.SettingsException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Builds the Kafka clients of one cluster: bootstrap servers plus the optional client properties
 * file ({@code KAFKA_CLIENT_CONFIG}, for SASL/SSL), plus each role's own settings. The file's values
 * are passed to Kafka, which masks its password-typed settings in its own logs; this class never logs them.
 */
public final class KafkaClientFactory {
    /** How long the event producer keeps an event through a Kafka outage before it counts it failed. */
    public static final Duration PRODUCER_OUTAGE_TOLERANCE = Duration.ofMinutes(5);

    private final String bootstrapServers;
    private final Properties clientConfig;

    public KafkaClientFactory(Settings settings) {
        this.bootstrapServers = settings.bootstrapServers()
                .orElseThrow(() -> new IllegalStateException("no bootstrap servers: start the embedded broker first"));
        this.clientConfig =
                settings.clientConfig().map(KafkaClientFactory::readProperties).orElseGet(Properties::new);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public Admin admin() {
        Properties p = common("activity-tracker-admin");
        // fail fast with a clear message instead of Kafka's default of minutes when the cluster is away
        p.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, "15000");
        p.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        // the partitions of a topic just created refuse requests for a moment: asking again after 20 ms
        // instead of Kafka's 100 ms (still doubling, up to 1 s) has a new demo's topics ready ~0.3 s sooner
        p.putIfAbsent(CommonClientConfigs.RETRY_BACKOFF_MS_CONFIG, "20");
        return Admin.create(p);
    }

    public KafkaProducer<String, byte[]> producer(String clientId) {
        Properties p = common(clientId);
        // no duplicates from retries, and a record counts as delivered only once every in-sync replica has it
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        // 1 ms: at 1,000 events/s over 6 partitions each batch would otherwise wait out the whole linger
        // (5 ms gave event -> processed p50 4.0 ms; 1 ms 2.0 ms, p99 8 ms); at high rates batches fill
        // while earlier requests are in flight, so throughput barely moves (docs/BENCHMARKS.md)
        p.put(ProducerConfig.LINGER_MS_CONFIG, "1");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(64 * 1024));
        // no compression: measured on 2 cores, lz4 cost the producer thread ~13 % of its time while the
        // broker is in the same process and bytes are cheap; a cluster file may still set compression.type
        p.put(
                ProducerConfig.COMPRESSION_TYPE_CONFIG,
                clientConfig.getProperty(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none"));
        // A broker restart (kill -9, then ~20 s of log recovery) must cost no event: records wait in
        // the buffer and are retried (idempotently) for up to PRODUCER_OUTAGE_TOLERANCE, and send()
        // blocks that long for metadata or buffer space instead of failing; the producer reports the wait.
        String tolerance = String.valueOf(PRODUCER_OUTAGE_TOLERANCE.toMillis());
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, tolerance);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, tolerance);
        // buffer.memory stays at Kafka's 32 MiB: ~45 s of events at 2,000/s; in a longer outage send()
        // blocks (max.block.ms above) and the rate limiter drops the backlog, so nothing is lost either way
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return new KafkaProducer<>(p);
    }

    /**
     * A producer of raw bytes, for records whose key and value are already encoded: fraud alerts, and
     * dead letters, which must reach the DLQ byte for byte as they were read.
     */
    public KafkaProducer<byte[], byte[]> rawProducer(String clientId) {
        Properties p = common(clientId);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        // alerts are few and urgent: send at once rather than batching
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "15000");
        // a dead letter may be up to the 1 MiB the contract allows, plus headers
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(4 * 1024 * 1024));
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return new KafkaProducer<>(p);
    }

    /**
     * A consumer of raw bytes: keys and values are decoded by the application so that a record Kafka
     * cannot even deserialize is still seen, counted and sent to the DLQ unchanged instead of failing the poll.
     */
    public KafkaConsumer<byte[], byte[]> consumer(String groupId, String clientId, boolean fromBeginning) {
        Properties p = common(clientId);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        // offsets are committed by the application after a record's effects are done (at-least-once)
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, fromBeginning ? "earliest" : "latest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return new KafkaConsumer<>(p);
    }

    /**
     * A consumer of raw bytes that belongs to no group: it is assigned partitions and seeks, so it
     * commits nothing and never makes a live group rebalance (backtests, {@code tail}, {@code dlq}).
     */
    public KafkaConsumer<byte[], byte[]> reader(String clientId) {
        Properties p = common(clientId);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // a replay reads in bulk: larger polls cost fewer round trips
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        // a dead letter may be up to the 1 MiB the contract allows, plus headers
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(4 * 1024 * 1024));
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return new KafkaConsumer<>(p);
    }

    private Properties common(String clientId) {
        Properties p = new Properties();
        p.putAll(clientConfig);
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        return p;
    }

    private static Properties readProperties(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new SettingsException(Settings.KAFKA_CLIENT_CONFIG + ": cannot read " + file + ": " + e.getMessage());
        }
        return p;
    }
}
