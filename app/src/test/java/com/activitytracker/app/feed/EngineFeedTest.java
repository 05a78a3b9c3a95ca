package com.activitytracker.app.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.activitytracker.engine.EngineStatus;
import com.activitytracker.engine.fraud.FraudAlert;
import com.activitytracker.engine.fraud.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class EngineFeedTest {
    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    @Test
    void statusCoalescesToTheLatest() {
        EngineFeed feed = new EngineFeed();
        feed.onStatus(status(EngineStatus.State.STARTING));
        feed.onStatus(status(EngineStatus.State.RUNNING));
        assertThat(feed.drain().status().state()).isEqualTo(EngineStatus.State.RUNNING);
        assertThat(feed.drain().status()).isNull();
    }

    @Test
    void anEmptyDrainIsEmpty() {
        assertThat(new EngineFeed().drain().isEmpty()).isTrue();
    }

    @Test
    void alertsArriveInOrderAndAreDrainedOnce() {
        EngineFeed feed = new EngineFeed();
        for (int i = 0; i < 5; i++) {
            feed.onAlert(alert("a" + i));
        }
        assertThat(feed.drain().alerts()).extracting(FraudAlert::alertId).containsExactly("a0", "a1", "a2", "a3", "a4");
        assertThat(feed.drain().alerts()).isEmpty();
    }

    @Test
    void aFullAlertQueueDropsTheOldestAndCountsThem() {
        EngineFeed feed = new EngineFeed(3);
        for (int i = 0; i < 5; i++) {
            feed.onAlert(alert("a" + i));
        }
        FeedUpdate update = feed.drain();
        assertThat(update.alerts()).extracting(FraudAlert::alertId).containsExactly("a2", "a3", "a4");
        assertThat(update.droppedAlerts()).isEqualTo(2);
    }

    @Test
    void manyPublishingThreadsNeverBlockAndLoseNothingThatFits() throws Exception {
        EngineFeed feed = new EngineFeed(10_000);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int id = t;
            Thread thread = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < 1_000; i++) {
                    feed.onAlert(alert(id + "-" + i));
                    feed.onStatus(status(EngineStatus.State.RUNNING));
                }
            });
            thread.start();
            threads.add(thread);
        }
        go.countDown();
        int drained = 0;
        for (Thread thread : threads) {
            thread.join();
        }
        drained += feed.drain().alerts().size();
        assertThat(drained).isEqualTo(4_000);
    }

    private static EngineStatus status(EngineStatus.State state) {
        return new EngineStatus(state, state.name(), null, true);
    }

    private static FraudAlert alert(String id) {
        return new FraudAlert(id, "HIGH_VELOCITY", Severity.HIGH, "u1", T0, T0, "burst", List.of("e1"), Map.of());
    }
}
