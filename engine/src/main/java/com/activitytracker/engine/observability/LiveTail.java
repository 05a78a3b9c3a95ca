package com.activitytracker.engine.observability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * Where the Kafka view's consumer reads the tracker's topics: it is assigned every partition (no
 * group, nothing committed), starts a little before each end, goes further back for a new user
 * filter, and samples the live topics' tail batch by batch. The consumer is the caller's, used on
 * the caller's thread only; this never closes it.
 */
final class LiveTail {
    /** On opening, each partition of a live topic is read from this many records before its end. */
    static final int LIVE_BACK = 20;
    /** … and the dead-letter topic from this many, so the dead letters already there are shown. */
    static final int DEAD_LETTERS_BACK = 500;
    /** A new user filter looks this far back on every partition for that user's records. */
    static final int FILTER_BACK = 5_000;
    /** Unfiltered, each batch reads at most this many of the newest records per live partition. */
    static final int TAIL_SAMPLE = 10;

    private final Consumer<byte[], byte[]> consumer;
    private final String deadLetters;
    private final List<TopicPartition> partitions;
    private final List<TopicPartition> live;
    /** The end offsets the sampled partitions are read up to; null while not sampling. */
    private Map<TopicPartition, Long> sampling;

    private LiveTail(Consumer<byte[], byte[]> consumer, String deadLetters, List<TopicPartition> partitions) {
        this.consumer = consumer;
        this.deadLetters = deadLetters;
        this.partitions = partitions;
        this.live = partitions.stream()
                .filter(tp -> !tp.topic().equals(deadLetters))
                .toList();
    }

    /**
     * Assigns the consumer every partition of {@code topics} (a topic not there yet is left out) and
     * seeks each a little before its end.
     */
    static LiveTail open(Consumer<byte[], byte[]> consumer, List<String> topics, String deadLetters) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(15));
            if (infos != null) {
                infos.forEach(i -> partitions.add(new TopicPartition(topic, i.partition())));
            }
        }
        consumer.assign(partitions);
        LiveTail tail = new LiveTail(consumer, deadLetters, partitions);
        tail.seekBack(false);
        return tail;
    }

    /** Reads every partition again from before its end: {@link #FILTER_BACK} for a filter, else as on opening. */
    void rewind(boolean forFilter) {
        consumer.resume(partitions);
        sampling = null;
        seekBack(forFilter);
    }

    /** The next records; a sampled partition that has reached its end of the sample is paused. */
    ConsumerRecords<byte[], byte[]> poll(Duration timeout) {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(timeout);
        if (sampling != null) {
            pauseWhereReached();
        }
        return records;
    }

    /**
     * At each batch: samples the live topics' tail anew when {@code sample}, else reads every
     * partition on from where it is.
     */
    void nextBatch(boolean sample) {
        if (sample) {
            sampling = sampleTail();
        } else if (sampling != null) {
            consumer.resume(partitions);
            sampling = null;
        }
    }

    private void seekBack(boolean forFilter) {
        Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        for (TopicPartition tp : partitions) {
            long back = forFilter ? FILTER_BACK : tp.topic().equals(deadLetters) ? DEAD_LETTERS_BACK : LIVE_BACK;
            consumer.seek(tp, Math.max(begin.getOrDefault(tp, 0L), end.getOrDefault(tp, 0L) - back));
        }
    }

    /**
     * Unfiltered, the live topics are sampled at their tail: each batch, a partition more than
     * {@link #TAIL_SAMPLE} records behind its end jumps to that many before it, is read up to the end
     * as it was then, and is paused until the next batch. So at any rate the reader fetches at most
     * that many records per partition per batch: the view shows the newest, and a fast stream costs
     * it (and the broker) no more than a slow one. The dead-letter topic is read whole.
     *
     * @return the end offsets the resumed partitions are read up to
     */
    private Map<TopicPartition, Long> sampleTail() {
        Map<TopicPartition, Long> ends = consumer.endOffsets(live);
        List<TopicPartition> resume = new ArrayList<>();
        for (TopicPartition tp : live) {
            long end = ends.getOrDefault(tp, 0L);
            long position = consumer.position(tp);
            if (end - position > TAIL_SAMPLE) {
                consumer.seek(tp, end - TAIL_SAMPLE);
            }
            if (position < end) {
                resume.add(tp);
            }
        }
        consumer.resume(resume);
        return ends;
    }

    private void pauseWhereReached() {
        List<TopicPartition> reached = new ArrayList<>();
        for (Map.Entry<TopicPartition, Long> e : sampling.entrySet()) {
            if (!consumer.paused().contains(e.getKey()) && consumer.position(e.getKey()) >= e.getValue()) {
                reached.add(e.getKey());
            }
        }
        consumer.pause(reached);
    }
}
