package com.activitytracker.engine.observability;

import com.activitytracker.engine.kafka.KafkaClientFactory;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The records the Kafka view sends to the activities topic: any thread queues one, and one thread,
 * the reader's, sends them with a producer it opens on the first send and closes in {@link #close()}.
 */
final class Outbox implements AutoCloseable {
    // its lines are the Kafka view reader's in the logs, as they were before it had a class of its own
    private static final Logger log = LoggerFactory.getLogger(KafkaInspector.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final KafkaClientFactory clients;
    private final String topic;
    private final ConcurrentLinkedQueue<OutgoingRecord> queue = new ConcurrentLinkedQueue<>();
    private Producer<byte[], byte[]> producer;

    Outbox(KafkaClientFactory clients, String topic) {
        this.clients = clients;
        this.topic = topic;
    }

    /** Queues a record for the next {@link #sendQueued()}; any thread. */
    void add(OutgoingRecord record) {
        queue.add(record);
    }

    /**
     * Sends every queued record, opening the producer first if need be; each result completes when
     * the broker answers, or at once with the reason it could not be sent. The sending thread only.
     */
    void sendQueued() {
        OutgoingRecord next;
        while ((next = queue.poll()) != null) {
            OutgoingRecord send = next;
            try {
                if (producer == null) {
                    producer = clients.rawProducer("activity-tracker-kafka-view-resend");
                }
                ProducerRecord<byte[], byte[]> r =
                        new ProducerRecord<>(topic, null, send.key(), send.value(), send.headers());
                producer.send(r, (m, error) -> landed(send, m, error));
            } catch (RuntimeException e) {
                send.result().completeExceptionally(e);
            }
        }
    }

    private static void landed(OutgoingRecord send, RecordMetadata m, Exception error) {
        if (error != null) {
            send.result().completeExceptionally(error);
        } else {
            log.info("Kafka view sent {} to {}/{}@{}", send.what(), m.topic(), m.partition(), m.offset());
            send.result().complete(m.topic() + "/" + m.partition() + "@" + m.offset());
        }
    }

    /** Fails every queued record: nothing will send it. Any thread. */
    void failQueued() {
        OutgoingRecord next;
        while ((next = queue.poll()) != null) {
            next.result().completeExceptionally(new IllegalStateException("the Kafka view is closed"));
        }
    }

    /** Closes the producer, if it was opened; the sending thread only. */
    @Override
    public void close() {
        Producer<byte[], byte[]> p = producer;
        producer = null;
        if (p != null) {
            p.close(CLOSE_TIMEOUT);
        }
    }
}
