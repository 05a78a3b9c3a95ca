package com.activitytracker.engine.consumer;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits a worker's processed offsets, always after the processor made their effects durable
 * ({@link RecordProcessor#beforeCommit()}): asynchronously on a cadence while running, synchronously
 * when partitions are revoked and on stop. Runs on the consumer's thread only.
 */
final class OffsetCommitter {
    private static final Logger log = LoggerFactory.getLogger(OffsetCommitter.class);
    /** At most this much work is re-read after a crash; small against the 30-60 s windows of the fraud rules. */
    static final long COMMIT_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(1_000);

    static final int COMMIT_EVERY_RECORDS = 10_000;

    private final String name;
    private final Consumer<byte[], byte[]> consumer;
    private final RecordProcessor processor;
    private final PartitionProgress progress;
    private final Duration syncTimeout;
    private long nextCommit = System.nanoTime() + COMMIT_EVERY_NANOS;
    /** Async commits failed in a row (the broker or the coordinator away), and since when. */
    private int failedInARow;

    private long failingSince;

    OffsetCommitter(
            String name,
            Consumer<byte[], byte[]> consumer,
            RecordProcessor processor,
            PartitionProgress progress,
            Duration syncTimeout) {
        this.name = name;
        this.consumer = consumer;
        this.processor = processor;
        this.progress = progress;
        this.syncTimeout = syncTimeout;
    }

    /** Whether the loop should commit now, {@code idle} when its last poll returned nothing. */
    boolean due(long now, boolean idle) {
        // an empty poll means the worker has drained what was there: commit now rather than up to
        // a second later, so the group's committed offsets reach the end as soon as the work does;
        // but not while commits fail (polls are empty then too): those are retried on the cadence
        return now >= nextCommit
                || progress.uncommittedRecords() >= COMMIT_EVERY_RECORDS
                || (idle && failedInARow == 0 && progress.hasPending());
    }

    /** Effects first, then the commit, which Kafka completes in the background of the next polls. */
    void commitAsync() {
        nextCommit = System.nanoTime() + COMMIT_EVERY_NANOS;
        Map<TopicPartition, OffsetAndMetadata> offsets = offsetsToCommit();
        if (offsets.isEmpty()) {
            return;
        }
        // the callback runs on this thread, in a later poll
        consumer.commitAsync(offsets, (committed, e) -> {
            if (e != null) {
                // not fatal: the offsets are pending again, so the next commit (at the latest the one on
                // stop) stores them, even on a partition that gets no new record
                progress.notCommitted(offsets, consumer.assignment());
                failed(e);
            } else {
                stored();
            }
        });
    }

    /** One line when commits start failing, not one a second for as long as the broker is away. */
    private void failed(Exception e) {
        if (failedInARow++ == 0) {
            failingSince = System.nanoTime();
            log.warn(
                    "{} consumer: an offset commit failed ({}); the offsets are kept and retried every {} ms",
                    name,
                    e.getMessage(),
                    TimeUnit.NANOSECONDS.toMillis(COMMIT_EVERY_NANOS));
        } else {
            log.debug("{} consumer: offset commit failed again ({} in a row): {}", name, failedInARow, e.getMessage());
        }
    }

    private void stored() {
        if (failedInARow > 0) {
            log.warn(
                    "{} consumer: offsets committed again, after {} failed commits over {} s",
                    name,
                    failedInARow,
                    TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - failingSince));
            failedInARow = 0;
        }
    }

    void commitSync() {
        commitSync(offsetsToCommit());
    }

    void commitOnStop() {
        // taken once: taking them empties what is pending, so a retry must commit these same offsets
        Map<TopicPartition, OffsetAndMetadata> offsets = offsetsToCommit();
        try {
            commitSync(offsets);
        } catch (WakeupException e) {
            commitSync(offsets); // close() woke the consumer while it was processing: the flag is cleared now
        }
    }

    private void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
        if (!offsets.isEmpty()) {
            consumer.commitSync(offsets, syncTimeout);
            stored();
        }
    }

    private Map<TopicPartition, OffsetAndMetadata> offsetsToCommit() {
        if (!progress.hasPending()) {
            return Map.of();
        }
        processor.beforeCommit();
        return progress.takeOffsetsToCommit(processor::commitMetadata);
    }
}
