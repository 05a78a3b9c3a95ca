package com.activitytracker.engine.producer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class LatencySamplesTest {
    private final Timer timer = Timer.builder("t").register(new SimpleMeterRegistry());
    private final LatencySamples samples = new LatencySamples();

    @Test
    void aDrainRecordsEachSampleOnceAndTheNewestWhenTheWriterHasStopped() {
        for (int i = 1; i <= 10; i++) {
            samples.add(i * 1_000_000L);
        }

        samples.drainTo(timer);
        // the newest may still be being stored by a running writer: it waits for the next drain
        assertThat(timer.count()).isEqualTo(9);
        assertThat(timer.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(45.0);

        samples.drainTo(timer);
        assertThat(timer.count()).isEqualTo(9);

        samples.add(20_000_000L);
        samples.drainLastTo(timer);
        assertThat(timer.count()).isEqualTo(11);
        assertThat(timer.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(45.0 + 10 + 20);
        assertThat(timer.max(TimeUnit.MILLISECONDS)).isEqualTo(20.0);
    }

    @Test
    void aLateDrainRecordsTheNewestHalfRingAndSkipsTheRest() {
        int added = LatencySamples.CAPACITY * 3;
        for (int i = 0; i < added; i++) {
            samples.add(i < added - LatencySamples.CAPACITY / 2 ? 1L : 1_000L);
        }

        samples.drainLastTo(timer);

        assertThat(timer.count()).isEqualTo(LatencySamples.CAPACITY / 2);
        assertThat(timer.totalTime(TimeUnit.NANOSECONDS)).isEqualTo(1_000.0 * LatencySamples.CAPACITY / 2);
    }
}
