package com.activitytracker.engine.testing;

import com.activitytracker.engine.config.Settings;
import com.activitytracker.engine.config.SettingsLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** A test's view of the shared broker: its address, settings with topics of its own, raw produce and read. */
public final class KafkaTestCluster {
    private final String bootstrapServers;

    public KafkaTestCluster(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Settings pointing at the shared broker, with topic names no other test uses. */
    public Settings freshSettings(Path workDir, Map<String, String> extra) {
        String prefix = "t-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> v = new HashMap<>(extra);
        v.put(Settings.KAFKA_BOOTSTRAP_SERVERS, bootstrapServers);
        v.put(Settings.KAFKA_ACTIVITIES_TOPIC, prefix + ".activities");
        v.put(Settings.KAFKA_ALERTS_TOPIC, prefix + ".alerts");
        v.put(Settings.KAFKA_DLQ_TOPIC, prefix + ".dlq");
        v.putIfAbsent(Settings.DATA_DIR, workDir.resolve("data").toString());
        v.putIfAbsent(Settings.LOG_DIR, workDir.resolve("logs").toString());
        return new SettingsLoader(Map.of(), workDir, workDir, "Linux").load(null, v);
    }

    public void produceRaw(String topic, List<ProducerRecord<String, byte[]>> records) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(4 * 1024 * 1024)); // oversized test records
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p)) {
            records.forEach(producer::send);
            producer.flush();
        }
    }

    /** Reads a topic from the beginning until {@code expected} records arrived or the timeout passed. */
    public List<ConsumerRecord<String, byte[]>> readAll(String topic, int expected, Duration timeout) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of(topic));
            while (out.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
            // one more short poll so that a test also sees records beyond the expected count
            consumer.poll(Duration.ofMillis(300)).forEach(out::add);
        }
        return out;
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
