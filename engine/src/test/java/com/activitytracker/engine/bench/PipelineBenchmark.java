package com.activitytracker.engine.bench;

import com.activitytracker.engine.Engine;
import com.activitytracker.engine.EngineSnapshot;
import com.activitytracker.engine.analytics.AnalyticsState;
import com.activitytracker.engine.config.Settings;
import com.activitytracker.engine.config.SettingsLoader;
import com.activitytracker.engine.event.ActivityEvent;
import com.activitytracker.engine.event.ActivityEventCodec;
import com.activitytracker.engine.event.EventTypes;
import com.activitytracker.engine.fraud.FraudDetector;
import com.activitytracker.engine.fraud.FraudThresholds;
import com.activitytracker.engine.kafka.EmbeddedKafkaBroker;
import com.activitytracker.engine.kafka.KafkaClientFactory;
import com.activitytracker.engine.kafka.TopicAdmin;
import com.activitytracker.engine.producer.ActivityProducer;
import com.activitytracker.engine.producer.GeneratedTraffic;
import com.activitytracker.engine.producer.ProducerStats;
import com.activitytracker.engine.producer.RateLimiter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.tools.ProducerPerformance;

/**
 * The performance figures of the engine issues, measured in one run on one embedded broker so that
 * ratios are comparable on a noisy machine. Not a test: run it with the command in docs/BENCHMARKS.md.
 *
 * <p>Arguments: {@code [sections]} — any of {@code memory producer latency pipeline soak}; all by default.
 */
public final class PipelineBenchmark {
    private static final int RECORDS = Integer.getInteger("bench.records", 500_000);
    private static final PrintStream out = System.out;

    public static void main(String[] args) throws Exception {
        java.util.Set<String> sections = args.length == 0
                ? java.util.Set.of("broker", "producer", "pipeline", "latency", "memory", "soak")
                : java.util.Set.of(args);
        Path work = Files.createTempDirectory("tracker-bench");
        out.printf(
                "Activity Tracker benchmark — %d cores, Java %s, max heap %d MB%n",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
        if (sections.contains("memory")) {
            memory();
        }
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(work.resolve("broker"), 0, true)) {
            out.printf(
                    "%n[broker] embedded KRaft broker ready in %d ms%n",
                    broker.startTime().toMillis());
            if (sections.contains("producer")) {
                producer(broker, work);
            }
            if (sections.contains("latency")) {
                latency(broker, work);
            }
            if (sections.contains("pipeline")) {
                pipeline(broker, work);
            }
            if (sections.contains("soak")) {
                soak(broker, work);
            }
        }
        System.exit(0); // Kafka's tools leave non-daemon threads behind
    }

    /** Our producer with real generated JSON events next to Kafka's ProducerPerformance (300-byte records). */
    private static void producer(EmbeddedKafkaBroker broker, Path work) throws Exception {
        Settings settings = settings(broker, work, "bench-ours");
        KafkaClientFactory clients = new KafkaClientFactory(settings);
        TopicAdmin admin = new TopicAdmin(clients, Duration.ofSeconds(10));
        admin.ensureTopics(settings, true);
        Settings theirs = settings(broker, work, "bench-theirs");
        admin.ensureTopics(theirs, true);

        for (int round = 1; round <= 2; round++) {
            double reference = producerPerformance(broker, theirs.activitiesTopic());
            ActivityProducer producer = ActivityProducer.builder(
                            () -> clients.producer("bench"), settings.activitiesTopic(), new GeneratedTraffic(round))
                    .rate(RateLimiter.UNLIMITED)
                    .maxEvents(RECORDS)
                    .build();
            producer.start();
            producer.awaitFinished(Duration.ofMinutes(5));
            ProducerStats stats = producer.stats();
            double ours = stats.delivered() / (stats.elapsed().toNanos() / 1e9);
            out.printf(
                    Locale.US,
                    "[producer] round %d: ProducerPerformance %,.0f records/s (300 B, acks=all linger.ms=5 batch.size=65536)"
                            + " | ours %,.0f events/s (generated JSON ~%d B, acks=all, idempotent, no compression) | ratio %.0f %%%n",
                    round,
                    reference,
                    ours,
                    averageEventBytes(),
                    100 * ours / reference);
        }
    }

    private static double producerPerformance(EmbeddedKafkaBroker broker, String topic) throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            ProducerPerformance.main(new String[] {
                "--topic",
                topic,
                "--num-records",
                String.valueOf(RECORDS),
                "--record-size",
                "300",
                "--throughput",
                "-1",
                "--producer-props",
                "bootstrap.servers=" + broker.bootstrapServers(),
                "acks=all",
                "linger.ms=5",
                "batch.size=65536"
            });
        } finally {
            System.setOut(original);
        }
        String summary = captured.toString(StandardCharsets.UTF_8)
                .lines()
                .filter(l -> l.startsWith(RECORDS + " records sent"))
                .findFirst()
                .orElseThrow();
        String perSecond = summary.substring(summary.indexOf(", ") + 2, summary.indexOf(" records/sec"));
        return Double.parseDouble(perSecond);
    }

    private static int averageEventBytes() {
        GeneratedTraffic traffic = new GeneratedTraffic(1);
        traffic.setTargetRate(1_000);
        ActivityEventCodec codec = new ActivityEventCodec();
        long bytes = 0;
        Instant now = Instant.now();
        for (int i = 0; i < 10_000; i++) {
            bytes += codec.encode(traffic.next(now.plusMillis(i))).length;
        }
        return (int) (bytes / 10_000);
    }

    /** End-to-end latency at 1,000 events/s: event time to analytics, and completing event to alert. */
    private static void latency(EmbeddedKafkaBroker broker, Path work) throws Exception {
        Settings settings = settings(broker, work, "bench-latency").withEventsPerSecond(1_000);
        try (Engine engine = new Engine(settings, Clock.systemUTC(), new SimpleMeterRegistry(), 11)) {
            engine.startAndAwait(Duration.ofSeconds(60));
            waitFor(Duration.ofSeconds(20));
            for (var scenario : com.activitytracker.engine.generator.Scenario.values()) {
                engine.inject(scenario);
            }
            waitFor(Duration.ofSeconds(10));
            EngineSnapshot s = engine.latestSnapshot();
            var fraudChecked = com.activitytracker.engine.LatencyPercentiles.of(
                    com.activitytracker.engine.observability.EventTimer.of(engine.registry()
                                    .get("tracker.consumer.end.to.end.latency")
                                    .tag("consumer", "fraud")
                                    .meter())
                            .orElseThrow());
            out.printf(
                    Locale.US,
                    "%n[latency] at 1,000 events/s for 30 s: event time → analytics p50 %.1f ms, p99 %.1f ms;"
                            + " event time → fraud rules applied (where an alert is raised) p50 %.1f ms, p99 %.1f ms;"
                            + " completing event → alert p50 %.1f ms, p99 %.1f ms (%d alerts); scenarios caught %d/%d%n",
                    s.endToEnd().p50Millis(),
                    s.endToEnd().p99Millis(),
                    fraudChecked.p50Millis(),
                    fraudChecked.p99Millis(),
                    s.detection().p50Millis(),
                    s.detection().p99Millis(),
                    s.detection().count(),
                    s.scoreboard().stream().filter(e -> e.caught()).count(),
                    s.scoreboard().size());
            waits(engine.registry());
        }
    }

    /** Where an event waits on its way, from the clients' own metrics: the producer's batching and each consumer's commits. */
    private static void waits(io.micrometer.core.instrument.MeterRegistry r) {
        out.printf(
                Locale.US,
                "[latency] waits: producer record queue time (linger) avg %.2f ms, max %.1f ms;"
                        + " produce request avg %.2f ms; analytics commits %.1f/s, avg %.2f ms; fraud commits %.1f/s, avg %.2f ms%n",
                gauge(r, "kafka.producer.record.queue.time.avg", "activity-producer"),
                gauge(r, "kafka.producer.record.queue.time.max", "activity-producer"),
                gauge(r, "kafka.producer.request.latency.avg", "activity-producer"),
                gauge(r, "kafka.consumer.coordinator.commit.rate", "analytics"),
                gauge(r, "kafka.consumer.coordinator.commit.latency.avg", "analytics"),
                gauge(r, "kafka.consumer.coordinator.commit.rate", "fraud"),
                gauge(r, "kafka.consumer.coordinator.commit.latency.avg", "fraud"));
    }

    private static double gauge(io.micrometer.core.instrument.MeterRegistry r, String name, String clientId) {
        var gauge = r.find(name).tag("client.id", clientId).gauge();
        return gauge == null ? Double.NaN : gauge.value();
    }

    /**
     * Ordinary traffic at 1,000 events/s for 5 minutes with a scenario injected every 20 s: how many
     * alerts ordinary users raise, and how fast each attack is caught.
     */
    private static void soak(EmbeddedKafkaBroker broker, Path work) throws Exception {
        Settings settings = settings(broker, work, "bench-soak").withEventsPerSecond(1_000);
        java.util.List<com.activitytracker.engine.fraud.FraudAlert> alerts =
                java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        try (Engine engine = new Engine(settings, Clock.systemUTC(), new SimpleMeterRegistry(), 3)) {
            engine.subscribe(new com.activitytracker.engine.EngineListener() {
                @Override
                public void onAlert(com.activitytracker.engine.fraud.FraudAlert alert) {
                    alerts.add(alert);
                }
            });
            engine.startAndAwait(Duration.ofSeconds(60));
            var scenarios = com.activitytracker.engine.generator.Scenario.values();
            for (int i = 0; i < 15; i++) {
                waitFor(Duration.ofSeconds(20));
                engine.inject(scenarios[i % scenarios.length]);
            }
            waitFor(Duration.ofSeconds(5));
            EngineSnapshot s = engine.latestSnapshot();
            java.util.Set<String> attackers = new java.util.HashSet<>();
            s.scoreboard().forEach(e -> attackers.add(e.scenario().userId()));
            long ordinary =
                    alerts.stream().filter(a -> !attackers.contains(a.userId())).count();
            long caught = s.scoreboard().stream().filter(e -> e.caught()).count();
            Duration slowest = s.scoreboard().stream()
                    .filter(e -> e.caught())
                    .map(e -> Duration.between(
                            e.scenario().completedAt(), e.caughtBy().detectedAt()))
                    .max(Duration::compareTo)
                    .orElse(Duration.ZERO);
            out.printf(
                    Locale.US,
                    "%n[soak] 1,000 events/s for 5 min (%,d events): alerts on ordinary users %d;"
                            + " scenarios caught %d/%d, slowest from the attack's last event to its alert %d ms%n",
                    s.producer().delivered(),
                    ordinary,
                    caught,
                    s.scoreboard().size(),
                    slowest.toMillis());
        }
    }

    /** The highest rate at which both consumers keep up (lag under 1 s) with the whole pipeline in one process. */
    private static void pipeline(EmbeddedKafkaBroker broker, Path work) throws Exception {
        for (double rate : new double[] {5_000, 10_000, 20_000, 40_000, 60_000}) {
            Settings settings =
                    settings(broker, work, "bench-pipeline-" + (int) rate).withEventsPerSecond(rate);
            try (Engine engine = new Engine(settings, Clock.systemUTC(), new SimpleMeterRegistry(), 5)) {
                engine.startAndAwait(Duration.ofSeconds(60));
                waitFor(Duration.ofSeconds(5)); // warm-up
                double worstLag = 0;
                long sentAtStart = engine.latestSnapshot().producer().sent();
                long t0 = System.nanoTime();
                for (int i = 0; i < 20; i++) {
                    waitFor(Duration.ofSeconds(1));
                    EngineSnapshot s = engine.latestSnapshot();
                    worstLag = Math.max(
                            worstLag,
                            Math.max(
                                    s.analyticsConsumer().lagSeconds(),
                                    s.fraudConsumer().lagSeconds()));
                }
                EngineSnapshot s = engine.latestSnapshot();
                double achieved = (s.producer().sent() - sentAtStart) / ((System.nanoTime() - t0) / 1e9);
                out.printf(
                        Locale.US,
                        "[pipeline] target %,.0f/s: produced %,.0f/s, worst consumer lag %.2f s, end-to-end p99 %.0f ms → %s%n",
                        rate,
                        achieved,
                        worstLag,
                        s.endToEnd().p99Millis(),
                        worstLag < 1 && achieved >= rate * 0.95 ? "keeps up" : "falls behind");
                if (worstLag >= 1 || achieved < rate * 0.95) {
                    break;
                }
            }
        }
    }

    /** Heap held by the analytics and fraud state after 10 million events from 1 million users. */
    private static void memory() {
        Instant start = Instant.now().minus(Duration.ofHours(1));
        Clock clock = Clock.fixed(start.plus(Duration.ofHours(2)), java.time.ZoneOffset.UTC);
        AnalyticsState analytics = new AnalyticsState(clock);
        FraudDetector fraud = new FraudDetector(FraudThresholds.defaults(), clock);
        long before = usedHeapAfterGc();
        String[] types = {
            EventTypes.PAGE_VIEW,
            EventTypes.PAGE_VIEW,
            EventTypes.CLICK,
            EventTypes.SEARCH,
            EventTypes.ADD_TO_CART,
            EventTypes.CHECKOUT,
            EventTypes.PURCHASE,
            EventTypes.LOGIN
        };
        ActivityEvent.Geo geo = new ActivityEvent.Geo("US", "Austin");
        int users = 1_000_000;
        long t0 = System.nanoTime();
        feed(users, start, types, geo, analytics::record);
        double analyticsSeconds = (System.nanoTime() - t0) / 1e9;
        long afterAnalytics = usedHeapAfterGc();
        t0 = System.nanoTime();
        feed(users, start, types, geo, e -> fraud.onEvent(e));
        double fraudSeconds = (System.nanoTime() - t0) / 1e9;
        long afterFraud = usedHeapAfterGc();
        out.printf(
                Locale.US,
                "%n[memory] 10M events from 1M users: analytics state %,d MB (%,.0f events/s, %s users),"
                        + " fraud state %,d MB (%,.0f events/s, tracking %,d users within the longest window)%n",
                (afterAnalytics - before) / (1024 * 1024),
                10_000_000 / analyticsSeconds,
                analytics.snapshot().uniqueUsers(),
                (afterFraud - afterAnalytics) / (1024 * 1024),
                10_000_000 / fraudSeconds,
                fraud.trackedUsers());
    }

    /** 10 events per user over an hour, 360 ms apart across the whole population, with UUID-like ids. */
    private static void feed(
            int users,
            Instant start,
            String[] types,
            ActivityEvent.Geo geo,
            java.util.function.Consumer<ActivityEvent> sink) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(1);
        for (int i = 0; i < 10_000_000; i++) {
            int user = (int) ((i * 2_654_435_761L) % users);
            String type = types[i % types.length];
            Instant at = start.plusMillis(i * 360L);
            String id = new java.util.UUID(random.nextLong(), random.nextLong()).toString();
            sink.accept(ActivityEvent.builder(id, type, "user-" + user, at)
                    .sessionId("s-" + user + "-" + (i / users))
                    .geo(geo)
                    .amount(type.equals(EventTypes.PURCHASE) ? 42.0 : null)
                    .build());
        }
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static Settings settings(EmbeddedKafkaBroker broker, Path work, String prefix) {
        Map<String, String> v = new HashMap<>();
        v.put(Settings.KAFKA_BOOTSTRAP_SERVERS, broker.bootstrapServers());
        v.put(Settings.KAFKA_ACTIVITIES_TOPIC, prefix + ".activities");
        v.put(Settings.KAFKA_ALERTS_TOPIC, prefix + ".alerts");
        v.put(Settings.KAFKA_DLQ_TOPIC, prefix + ".dlq");
        v.put(Settings.LOG_DIR, work.resolve("logs").toString());
        v.put(Settings.DATA_DIR, work.resolve("data").toString());
        return new SettingsLoader(Map.of(), work, work, "Linux").load(null, v);
    }

    /** Benchmarks measure over wall time; a latch nobody counts down is a plain timed wait. */
    private static void waitFor(Duration d) throws InterruptedException {
        new CountDownLatch(1).await(d.toMillis(), TimeUnit.MILLISECONDS);
    }
}
