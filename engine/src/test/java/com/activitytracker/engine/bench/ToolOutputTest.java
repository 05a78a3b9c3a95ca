package com.activitytracker.engine.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class ToolOutputTest {
    @Test
    void producerPerformanceRateIsReadFromTheFinalLineNotTheProgressLines() {
        String output = """
                899283 records sent, 179820.6 records/sec (61.91 MB/sec), 80.1 ms avg latency, 316.0 ms max latency.
                1000000 records sent, 185711.2 records/sec (63.94 MB/sec), 76.52 ms avg latency, 316.00 ms max latency, 71 ms 50th, 160 ms 95th, 211 ms 99th, 290 ms 99.9th.
                """;

        assertThat(ToolOutput.producerPerformanceRate(output)).contains(185711.2);
    }

    @Test
    void producerPerformanceWithoutItsSummaryGivesNothing() {
        assertThat(
                        ToolOutput.producerPerformanceRate(
                                "899283 records sent, 179820.6 records/sec (61.91 MB/sec), 80.1 ms avg latency, 316.0 ms max latency."))
                .isEmpty();
    }

    @Test
    void endToEndLatencyFiguresAreRead() {
        String output = """
                0	1
                1000	0
                Avg latency: 1.7512 ms
                Percentiles: 50th = 0, 99th = 11, 99.9th = 21
                """;

        assertThat(ToolOutput.endToEndLatency(output)).contains(new ToolOutput.EndToEndLatency(1.7512, 0, 11, 21));
    }

    @Test
    void ourProducersFinalStatisticsAreRead() {
        String output = """
                📊 Final Statistics
                ==========================================
                Total events sent: 1000000
                Successful deliveries: 1000000
                Failed deliveries: 0
                Average rate: 87160.3 events/second
                Elapsed: 11.47 s
                """;

        assertThat(ToolOutput.ourProducer(output)).contains(new ToolOutput.OurProducer(87160.3, 1_000_000, 0));
    }

    @Test
    void consumerPerformancesDataLineIsRead() {
        String output = """
                start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec
                2026-11-30 07:30:01:123, 2026-11-30 07:30:06:456, 172.1515, 32.2803, 500000, 93755.8602, 3157, 2176, 79.1138, 229779.4118
                """;

        assertThat(ToolOutput.consumerPerformance(output))
                .contains(new ToolOutput.ConsumerPerformance(500_000, 229_779.4118));
    }

    @Test
    void aRowShowsOursOverKafkaAndNoRatioWhenKafkaRoundsToZero() {
        assertThat(KafkaComparisonBenchmark.Row.higherIsBetter("(a) producer", 200_000, 160_000, "≥ 0.8")
                        .format())
                .contains("200,000", "160,000", "0.80");
        assertThat(KafkaComparisonBenchmark.Row.lowerIsBetter("(c) p50", 0, 2.5, "≤ 3 ms")
                        .format())
                .contains("0.00", "2.50", "n/a");
    }
}
