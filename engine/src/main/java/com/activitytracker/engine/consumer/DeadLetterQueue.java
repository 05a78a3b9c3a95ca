package com.activitytracker.engine.consumer;

import static net.logstash.logback.argument.StructuredArguments.kv;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies records that broke the contract to the dead-letter topic, bytes unchanged, with headers
 * saying why and where they came from (docs/CONTRACTS.md). Invalid input never stops a consumer.
 */
public final class DeadLetterQueue {
    private static final Logger log = LoggerFactory.getLogger(DeadLetterQueue.class);

    private final Producer<byte[], byte[]> producer;
    private final String topic;
    private final String consumerName;
    private final AtomicLong failures = new AtomicLong();

    public DeadLetterQueue(Producer<byte[], byte[]> producer, String topic, String consumerName) {
        this.producer = producer;
        this.topic = topic;
        this.consumerName = consumerName;
    }

    public void send(ConsumerRecord<byte[], byte[]> record, String reason) {
        log.warn(
                "Invalid record sent to the DLQ: {}",
                reason,
                kv("topic", record.topic()),
                kv("partition", record.partition()),
                kv("offset", record.offset()),
                kv("consumer", consumerName));
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.add("dlq.error", utf8(reason.replace('\n', ' ')));
        headers.add("dlq.source.topic", utf8(record.topic()));
        headers.add("dlq.source.partition", utf8(Integer.toString(record.partition())));
        headers.add("dlq.source.offset", utf8(Long.toString(record.offset())));
        headers.add("dlq.consumer", utf8(consumerName));
        producer.send(new ProducerRecord<>(topic, null, record.key(), record.value(), headers), (metadata, e) -> {
            if (e != null) {
                failures.incrementAndGet();
                log.error(
                        "Could not write to the DLQ topic {}: {}",
                        topic,
                        e.getMessage(),
                        kv("partition", record.partition()),
                        kv("offset", record.offset()));
            }
        });
    }

    /** Dead letters Kafka refused (after the producer's own retries). */
    public long failures() {
        return failures.get();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
