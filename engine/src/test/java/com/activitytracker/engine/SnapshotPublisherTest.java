package com.activitytracker.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class SnapshotPublisherTest {
    /** Longer than any test: only the first publish at start and the first figures' own can happen. */
    private static final long AN_HOUR_MS = Duration.ofHours(1).toMillis();

    @Test
    void theFirstCountedFiguresArePublishedWithoutWaitingForThePeriod() {
        AtomicInteger built = new AtomicInteger();
        AtomicInteger published = new AtomicInteger();
        AtomicBoolean counted = new AtomicBoolean();
        try (SnapshotPublisher publisher = new SnapshotPublisher(
                () -> {
                    built.incrementAndGet();
                    return null;
                },
                s -> published.incrementAndGet(),
                counted::get,
                AN_HOUR_MS)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> published.get() == 1);
            assertThat(publisher.latest()).isNull(); // what the source built

            counted.set(true);

            await().atMost(Duration.ofSeconds(10)).until(() -> published.get() == 2);
            assertThat(built).hasValue(2);
        }
    }
}
