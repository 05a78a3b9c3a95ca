package com.activitytracker.engine.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetCommitCallback;
import org.apache.kafka.clients.consumer.RetriableCommitFailedException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** When a worker commits, and that the processor's effects are durable before each commit. */
@Tag("unit")
class OffsetCommitterTest {
    private static final TopicPartition P0 = new TopicPartition("activities", 0);

    private final List<String> events = new CopyOnWriteArrayList<>();
    private final PartitionProgress progress = new PartitionProgress();
    private final RecordProcessor processor = new RecordProcessor() {
        @Override
        public void process(ConsumerRecord<byte[], byte[]> record) {}

        @Override
        public void beforeCommit() {
            events.add("flush");
        }

        @Override
        public String commitMetadata(TopicPartition partition) {
            return "state of " + partition.partition();
        }
    };
    private final EventConsumer consumer = new EventConsumer();
    private final OffsetCommitter commits =
            new OffsetCommitter("test", consumer, processor, progress, Duration.ofSeconds(1));

    @Test
    void effectsAreMadeDurableBeforeEachCommitSyncOrAsync() {
        progress.processed(P0, 5, 5);
        commits.commitSync();
        progress.processed(P0, 8, 3);
        commits.commitAsync();

        assertThat(events).containsExactly("flush", "commitSync P0@5", "flush", "commitAsync P0@8");
        assertThat(consumer.last.get(P0)).isEqualTo(new OffsetAndMetadata(8, "state of 0"));
    }

    @Test
    void nothingProcessedMeansNoFlushAndNoCommit() {
        commits.commitSync();
        commits.commitAsync();
        commits.commitOnStop();

        assertThat(events).isEmpty();
    }

    @Test
    void dueOnTheCadenceOnEnoughRecordsOrAtTheFirstIdlePollWithWorkPending() {
        long now = System.nanoTime();
        assertThat(commits.due(now, true)).as("idle, nothing pending").isFalse();
        assertThat(commits.due(now + OffsetCommitter.COMMIT_EVERY_NANOS + 1, false))
                .as("cadence")
                .isTrue();

        progress.processed(P0, 1, 1);
        assertThat(commits.due(now, false)).isFalse();
        assertThat(commits.due(now, true)).as("drained").isTrue();

        progress.processed(P0, OffsetCommitter.COMMIT_EVERY_RECORDS, OffsetCommitter.COMMIT_EVERY_RECORDS - 1);
        assertThat(commits.due(now, false)).as("enough records").isTrue();
    }

    @Test
    void aStopThatWokeTheConsumerStillCommitsWhatWasProcessed() {
        progress.processed(P0, 5, 5);
        consumer.wakeup(); // close() during processing: a real client throws at the next blocking call

        commits.commitOnStop();

        assertThat(events).containsExactly("flush", "commitSync P0@5");
        assertThat(consumer.last.get(P0)).isEqualTo(new OffsetAndMetadata(5, "state of 0"));
    }

    @Test
    void anAsyncCommitThatFailedIsStoredByTheNextCommitEvenWithNothingNewProcessed() {
        consumer.assign(List.of(P0));
        progress.processed(P0, 5, 5);
        commitAsyncAnswered(true);

        commits.commitOnStop(); // the partition got no new record since

        assertThat(events).containsExactly("flush", "commitAsync P0@5", "flush", "commitSync P0@5");
        assertThat(consumer.last.get(P0)).isEqualTo(new OffsetAndMetadata(5, "state of 0"));
    }

    @Test
    void aFailedCommitThatANewerOneSupersededIsNotTriedAgain() {
        consumer.assign(List.of(P0));
        progress.processed(P0, 5, 5);
        consumer.failAsync = true;
        commits.commitAsync(); // @5, its answer comes late
        consumer.failAsync = false;
        progress.processed(P0, 8, 3);
        commits.commitAsync(); // @8
        consumer.answerAsync(); // @5 failed, @8 stored

        commits.commitOnStop();

        assertThat(events).containsExactly("flush", "commitAsync P0@5", "flush", "commitAsync P0@8");
        assertThat(consumer.committed(Set.of(P0)).get(P0).offset()).isEqualTo(8);
    }

    @Test
    void aFailedCommitOfAPartitionNoLongerOwnedIsDropped() {
        consumer.assign(List.of(P0));
        progress.processed(P0, 5, 5);
        consumer.failAsync = true;
        commits.commitAsync();
        consumer.assign(List.of()); // handed over before the answer came
        consumer.answerAsync();

        commits.commitOnStop();

        assertThat(events).containsExactly("flush", "commitAsync P0@5");
    }

    @Test
    void whileCommitsFailTheyAreRetriedOnTheCadenceNotAtEveryIdlePoll() {
        consumer.assign(List.of(P0));
        progress.processed(P0, 5, 5);
        commitAsyncAnswered(true);
        long now = System.nanoTime();

        assertThat(commits.due(now, true)).as("idle poll, commit failing").isFalse();
        assertThat(commits.due(now + OffsetCommitter.COMMIT_EVERY_NANOS + 1, true))
                .as("cadence")
                .isTrue();

        commitAsyncAnswered(false);
        progress.processed(P0, 6, 1);
        assertThat(commits.due(System.nanoTime(), true))
                .as("idle poll once commits work again")
                .isTrue();
    }

    @Test
    void aRunOfFailedCommitsIsOneWarningAndItsEndAnother() {
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        Logger logger = (Logger) LoggerFactory.getLogger(OffsetCommitter.class);
        lines.start();
        logger.addAppender(lines);
        try {
            consumer.assign(List.of(P0));
            for (int i = 1; i <= 5; i++) {
                progress.processed(P0, i, 1);
                commitAsyncAnswered(true);
            }
            commitAsyncAnswered(false);
        } finally {
            logger.detachAppender(lines);
        }

        List<String> warnings = lines.list.stream()
                .filter(e -> e.getLevel() == Level.WARN)
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(0)).startsWith("test consumer: an offset commit failed (test: commit lost)");
        assertThat(warnings.get(1)).startsWith("test consumer: offsets committed again, after 5 failed commits");
        assertThat(consumer.committed(Set.of(P0)).get(P0).offset()).isEqualTo(5);
    }

    /** An async commit of what is pending, answered at once (as by the next poll): failed or stored. */
    private void commitAsyncAnswered(boolean fail) {
        consumer.failAsync = fail;
        commits.commitAsync();
        consumer.answerAsync();
        consumer.failAsync = false;
    }

    /** Notes each commit in the same list as the processor's flushes, so their order shows. */
    private final class EventConsumer extends MockConsumer<byte[], byte[]> {
        final Map<TopicPartition, OffsetAndMetadata> last = new HashMap<>();
        private boolean inCommitSync; // the mock's commitSync goes through its commitAsync
        private boolean wokenUp;
        /** The next async commits fail, their answers held until {@link #answerAsync()} (as a later poll). */
        boolean failAsync;

        private final List<Runnable> answers = new ArrayList<>();

        EventConsumer() {
            super("earliest");
        }

        /** Like KafkaConsumer, unlike the mock: a pending wakeup aborts the next commitSync, once. */
        @Override
        public synchronized void wakeup() {
            wokenUp = true;
        }

        @Override
        public void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets, Duration timeout) {
            if (wokenUp) {
                wokenUp = false;
                throw new WakeupException();
            }
            note("commitSync", offsets);
            inCommitSync = true;
            try {
                super.commitSync(offsets, timeout);
            } finally {
                inCommitSync = false;
            }
        }

        @Override
        public synchronized void commitAsync(
                Map<TopicPartition, OffsetAndMetadata> offsets, OffsetCommitCallback callback) {
            if (inCommitSync) {
                super.commitAsync(offsets, callback);
                return;
            }
            note("commitAsync", offsets);
            Map<TopicPartition, OffsetAndMetadata> copy = Map.copyOf(offsets);
            boolean fail = failAsync;
            answers.add(() -> {
                if (fail) {
                    callback.onComplete(copy, new RetriableCommitFailedException("test: commit lost"));
                } else {
                    super.commitAsync(copy, callback);
                }
            });
        }

        /** The answers to the async commits so far, in order, as the client's next poll delivers them. */
        void answerAsync() {
            List<Runnable> now = List.copyOf(answers);
            answers.clear();
            now.forEach(Runnable::run);
        }

        private void note(String commit, Map<TopicPartition, OffsetAndMetadata> offsets) {
            offsets.forEach((tp, om) -> events.add(commit + " P" + tp.partition() + "@" + om.offset()));
            last.putAll(offsets);
        }
    }
}
