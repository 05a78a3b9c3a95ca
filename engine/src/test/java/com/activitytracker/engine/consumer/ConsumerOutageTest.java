package com.activitytracker.engine.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.activitytracker.engine.config.Settings;
import com.activitytracker.engine.kafka.KafkaClientFactory;
import com.activitytracker.engine.testing.StoppableBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A consumer whose broker goes away with processed records not yet committed: it retries the commit
 * on its cadence, says so once rather than at every poll, and stores the offsets once the broker is
 * back. A broker of its own, since this test stops it.
 */
@Tag("integration")
class ConsumerOutageTest {
    private static final int RECORDS = 20;

    @TempDir
    Path dir;

    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(OffsetCommitter.class);
    private Level levelBefore;

    @BeforeEach
    void capture() {
        levelBefore = logger.getLevel();
        logger.setLevel(Level.DEBUG); // the repeated failures are DEBUG lines: the test counts them
        lines.start();
        logger.addAppender(lines);
    }

    @AfterEach
    void release() {
        logger.detachAppender(lines);
        logger.setLevel(levelBefore);
    }

    @Test
    void commitsFailingDuringAnOutageAreOneWarningAndTheOffsetsAreStoredWhenTheBrokerIsBack() throws Exception {
        try (StoppableBroker broker = new StoppableBroker(dir)) {
            Settings settings = broker.settings();
            KafkaClientFactory clients = broker.clients();
            String topic = settings.activitiesTopic();
            broker.cluster()
                    .produceRaw(
                            topic,
                            IntStream.range(0, RECORDS)
                                    .mapToObj(i -> new ProducerRecord<String, byte[]>(
                                            topic, 0, "k", ("record " + i).getBytes(StandardCharsets.UTF_8)))
                                    .toList());

            // the last record is held in process() until the broker is gone, so its offset is still to commit
            CountDownLatch brokerGone = new CountDownLatch(1);
            AtomicInteger processed = new AtomicInteger();
            RecordProcessor holdsTheLast = new RecordProcessor() {
                @Override
                public void process(ConsumerRecord<byte[], byte[]> record) {
                    if (processed.incrementAndGet() == RECORDS) {
                        awaitQuietly(brokerGone);
                    }
                }
            };
            ConsumerWorker worker = new ConsumerWorker(
                    "outage",
                    () -> clients.consumer("outage-group", "outage", true),
                    topic,
                    holdsTheLast,
                    Clock.systemUTC(),
                    null);
            try {
                worker.start();
                await().atMost(Duration.ofSeconds(60)).until(() -> processed.get() == RECORDS);
                broker.stop();
                brokerGone.countDown();

                // three failed retries: three seconds of outage at the one-a-second cadence
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> messages(Level.DEBUG).size() >= 3);
                assertThat(messages(Level.WARN))
                        .singleElement()
                        .asString()
                        .startsWith("outage consumer: an offset commit failed");
                int failedSoFar = messages(Level.DEBUG).size() + 1;

                broker.restart();
                await().atMost(Duration.ofSeconds(90))
                        .until(() -> messages(Level.WARN).size() == 2);
                assertThat(messages(Level.WARN).get(1)).startsWith("outage consumer: offsets committed again, after ");
                int failed = Integer.parseInt(
                        messages(Level.WARN).get(1).replaceFirst(".*after (\\d+) failed commits.*", "$1"));
                assertThat(failed).isGreaterThanOrEqualTo(failedSoFar);

                try (Admin admin = clients.admin()) {
                    Map<?, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("outage-group")
                            .partitionsToOffsetAndMetadata()
                            .get(30, TimeUnit.SECONDS);
                    assertThat(committed.values())
                            .extracting(OffsetAndMetadata::offset)
                            .containsExactly((long) RECORDS);
                }
                assertThat(worker.stats().error()).isNull();
                assertThat(worker.isRunning()).isTrue();
            } finally {
                worker.close();
            }
        }
    }

    private List<String> messages(Level level) {
        synchronized (lines) {
            return List.copyOf(lines.list).stream()
                    .filter(e -> e.getLevel() == level)
                    .map(ILoggingEvent::getFormattedMessage)
                    .toList();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
