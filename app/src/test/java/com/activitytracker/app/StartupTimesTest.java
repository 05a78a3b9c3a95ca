package com.activitytracker.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class StartupTimesTest {
    @Test
    void firstEventFiresOnceWhenTheCountLeavesZero() {
        SimpleStringProperty total = new SimpleStringProperty("0");
        AtomicInteger fired = new AtomicInteger();
        StartupTimes.onFirstEvent(total, fired::incrementAndGet);
        assertThat(fired).hasValue(0);
        total.set("–");
        assertThat(fired).hasValue(0);
        total.set("1,204");
        total.set("2,408");
        assertThat(fired).hasValue(1);
    }

    @Test
    void theProcessStartComesFromItsTicksSinceBootAndTheUptime() {
        // pid 4242, a command name with a space and a ')', started 2,990.50 s after boot (299,050 ticks)
        String stat = "4242 (java (x) y) S 1 4242 4242 0 -1 4194560 100 0 0 0 10 5 0 0 20 0 30 0 299050 "
                + "3000000000 50000 18446744073709551615 1 1 0 0 0 0 0 4096 0 0 0 17 1 0 0 0 0 0\n";
        Instant now = Instant.parse("2026-12-07T12:00:00Z");

        Instant start = StartupTimes.processStart(stat, "3000.25 5800.00\n", now);

        assertThat(Duration.between(start, now)).isEqualTo(Duration.ofMillis(9_750));
    }

    @Test
    void aCountAlreadyShownFiresAtOnce() {
        AtomicInteger fired = new AtomicInteger();
        StartupTimes.onFirstEvent(new SimpleStringProperty("10"), fired::incrementAndGet);
        assertThat(fired).hasValue(1);
    }

    @Test
    void withoutThePropertyNothingIsPrinted() {
        assertThat(System.getProperty(StartupTimes.PROPERTY)).isNull();
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            SimpleStringProperty total = new SimpleStringProperty("0");
            StartupTimes.fromProperty().watchFirstEvent(total);
            total.set("5");
        } finally {
            System.setErr(err);
        }
        assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
