package com.activitytracker.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
