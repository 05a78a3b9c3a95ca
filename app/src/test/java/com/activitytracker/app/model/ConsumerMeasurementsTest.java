package com.activitytracker.app.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import com.activitytracker.engine.consumer.ConsumerStats;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class ConsumerMeasurementsTest {
    private final ConsumerMeasurements consumers = new ConsumerMeasurements();
    private Instant now = TestSnapshots.T0;
    private long analysed;
    private long checked;

    /** The consumers in 250-ms snapshots for {@code seconds}; returns whether the last one showed them paused. */
    private boolean read(double seconds, double analysedPerSecond, double checkedPerSecond, double lag) {
        boolean paused = false;
        for (int i = 0; i < seconds * 4; i++) {
            now = now.plus(Duration.ofMillis(250));
            analysed += (long) (analysedPerSecond / 4);
            checked += (long) (checkedPerSecond / 4);
            snapshot(lag);
            paused = consumers.paused(20_000);
        }
        return paused;
    }

    private void snapshot(double lag) {
        consumers.add(
                now,
                new ConsumerStats("analytics", analysed, 0, lag, 6, true, null),
                new ConsumerStats("fraud", checked, 0, lag, 6, true, null));
    }

    @Test
    void nothingIsMeasuredUntilHalfASecondIsSeen() {
        snapshot(0.02);
        assertThat(consumers.capacity()).isNaN();
        read(0.25, 1_000, 1_000, 0.02);
        assertThat(consumers.capacity()).isNaN();
        read(0.25, 1_000, 1_000, 0.02);
        assertThat(consumers.capacity()).isEqualTo(1_000);
    }

    @Test
    void whatTheSlowerConsumerReadsIsWhatTheyKeepUpWith() {
        read(5, 10_000, 8_000, 0.02);
        assertThat(consumers.capacity()).isEqualTo(8_000);
    }

    @Test
    void whatTheyReadWithABacklogCountsMoreThanWhatTheyWereSent() {
        read(2, 15_000, 15_000, 0.6); // reading a backlog away at full speed
        read(0.25, 15_000, 15_000, 0.02); // gone
        read(2, 5_000, 5_000, 0.02); // then only what is sent: 8,333/s over the rate window
        assertThat(consumers.capacity()).isEqualTo(15_000);
        read(ConsumerMeasurements.CAPACITY_WINDOW.toSeconds() + 1, 5_000, 5_000, 0.02);
        assertThat(consumers.capacity()).as("the backlog left the window").isEqualTo(5_000);
    }

    @Test
    void countersThatGoBackStartTheMeasurementsAgain() {
        read(3, 5_000, 5_000, 0.02);
        analysed = 0;
        checked = 0;
        read(0.25, 5_000, 5_000, 0.02);
        assertThat(consumers.capacity()).isNaN();
        read(3, 5_000, 5_000, 0.02);
        consumers.forget();
        read(0.25, 5_000, 5_000, 0.02);
        assertThat(consumers.capacity()).isNaN();
    }

    @Test
    void readingNextToNothingIsAPauseForAtMostTheGrace() {
        assertThat(read(2, 20_000, 20_000, 0.02)).isFalse();
        assertThat(read(0.75, 0, 0, 0.5)).isTrue();
        assertThat(read(0.25, 0, 0, 0.75)).as("a second without reading").isFalse();
        assertThat(read(0.25, 20_000, 20_000, 0.5)).isFalse();
        assertThat(read(0.25, 0, 0, 0.5)).as("a new pause").isTrue();
    }

    @Test
    void aGrowingLagIsProjectedAheadAndOnlyANewOneIsSaidToBeNew() {
        read(2, 5_000, 5_000, 0.02);
        assertThat(consumers.lagAhead()).isEqualTo(0.02);
        read(0.25, 5_000, 5_000, 0.3);
        assertThat(consumers.noBacklogBefore()).isTrue();
        assertThat(consumers.lag()).isEqualTo(0.3);
        for (double lag : new double[] {0.4, 0.5, 0.6, 0.7, 0.8}) {
            read(0.25, 5_000, 5_000, lag); // 0.4 s of lag gained per second
        }
        assertThat(consumers.noBacklogBefore()).isFalse();
        assertThat(consumers.lagAhead())
                .isCloseTo(consumers.lag() + 0.4 * ConsumerMeasurements.LOOKAHEAD.toSeconds(), offset(1e-9));
        read(1, 5_000, 5_000, 0.5); // shrinking: nothing added
        assertThat(consumers.lagAhead()).isEqualTo(0.5);
    }

    @Test
    void aPauseBeforeTheMeasurementsStartAgainDoesNotCountTowardsTheGrace() {
        read(1, 20_000, 20_000, 0.02);
        assertThat(read(0.75, 0, 0, 0.4)).isTrue(); // paused for 0.75 s: within the grace
        consumers.forget(); // say, the engine was paused and resumed
        now = now.plus(Duration.ofMillis(250));
        snapshot(0.4); // the first snapshot after: nothing to compare with, not asked
        assertThat(read(0.5, 0, 0, 0.4))
                .as("a new pause of 0.75 s, not one of 1.75 s")
                .isTrue();
    }
}
