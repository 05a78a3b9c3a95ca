package com.activitytracker.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.activitytracker.engine.producer.Delivery;
import com.activitytracker.engine.producer.ProducerStats;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class ProducerConsoleTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final ProducerConsole console = new ProducerConsole(new PrintStream(bytes, true, StandardCharsets.UTF_8));

    private static ProducerStats stats(long sent, long delivered, Delivery last) {
        return new ProducerStats(sent, delivered, 0, 500, 500, 500, 10, Duration.ofSeconds(1), last, true, null);
    }

    private String out() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aDeliveryReportIsPrintedOnceNotAgainWithTheNextProgressLine() {
        Delivery d = new Delivery("user-activities", 3, 41);
        console.progress(stats(50, 40, d));
        console.progress(stats(100, 40, d));
        assertThat(out().lines().filter(l -> l.startsWith("✅ Delivered")))
                .containsExactly("✅ Delivered to user-activities [partition=3] @ offset 41");
        assertThat(out().lines().filter(l -> l.startsWith("📊 Events sent"))).hasSize(2);
    }

    @Test
    void aNewerDeliveryIsPrintedWithTheNextProgressLine() {
        console.progress(stats(50, 40, new Delivery("t", 3, 41)));
        console.progress(stats(100, 90, new Delivery("t", 1, 7)));
        assertThat(out().lines().filter(l -> l.startsWith("✅ Delivered")))
                .containsExactly(
                        "✅ Delivered to t [partition=3] @ offset 41", "✅ Delivered to t [partition=1] @ offset 7");
    }

    @Test
    void theFinalStatisticsShowTheNewestDeliveryWhenNoProgressLineDid() {
        console.progress(stats(50, 0, null)); // the first reports trail the first progress line (linger)
        assertThat(out()).doesNotContain("✅ Delivered");
        console.finalStatistics(stats(100, 100, new Delivery("t", 0, 99)));
        assertThat(out()).contains("✅ Delivered to t [partition=0] @ offset 99", "Successful deliveries: 100");
    }

    @Test
    void aWaitForKafkaSaysHowLongAndThatTheEventsAreKept() {
        console.waitingForKafka("localhost:9092", Duration.ofSeconds(8), 1234);
        console.kafkaBack(Duration.ofSeconds(21));
        assertThat(out())
                .contains(
                        "⏳ Waiting for Kafka at localhost:9092 (8 s)… 1234 events kept",
                        "Kafka answered again after 21 s");
    }
}
