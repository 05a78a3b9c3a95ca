package com.activitytracker.engine.bench;

import com.activitytracker.engine.Engine;
import com.activitytracker.engine.EngineSnapshot;
import com.activitytracker.engine.LatencyPercentiles;
import com.activitytracker.engine.bench.ChildProcesses.Child;
import com.activitytracker.engine.config.Settings;
import com.activitytracker.engine.config.SettingsLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Our engine next to Apache Kafka's own tools, on one broker in its own JVM, in one run: the figures
 * of the engine-core issue and their ratios. Not a test: {@code ./mvnw -B -q -Pbench -pl engine verify}
 * (see docs/BENCHMARKS.md).
 *
 * <p>System properties: {@code bench.jar} (the engine's runnable jar, set by the profile),
 * {@code bench.records} (records per throughput run, default 500,000), {@code bench.sections}
 * (any of {@code producer,pipeline,latency,ceiling}; all by default).
 */
public final class KafkaComparisonBenchmark {
    private static final PrintStream out = System.out;
    private static final int RECORD_SIZE = 361; // the average size of one of our generated JSON events
    private static final String PRODUCER_PERFORMANCE = "org.apache.kafka.tools.ProducerPerformance";
    private static final String CONSUMER_PERFORMANCE = "org.apache.kafka.tools.ConsumerPerformance";
    private static final String END_TO_END_LATENCY = "org.apache.kafka.tools.EndToEndLatency";
    private static final String CHILD_HEAP = "1g";
    // generous: on a 2-core machine shared with other builds one run can take minutes
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(8);
    private static final Duration WARM_UP = Duration.ofSeconds(15);

    private final Path work;
    private final Path jar;
    private final long records;
    private final ChildProcesses children;
    private final List<Row> rows = new ArrayList<>();
    private String bootstrap;
    private BrokerProbe broker;
    private Child brokerProcess;
    private boolean failed;
    private double kafkaPipelineRate = Double.NaN;

    private KafkaComparisonBenchmark(Path work, Path jar, long records, ChildProcesses children) {
        this.work = work;
        this.jar = jar;
        this.records = records;
        this.children = children;
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(System.getProperty("bench.jar", "engine/target/activity-tracker-engine.jar"));
        if (!Files.isRegularFile(jar)) {
            System.err.println("The engine's jar is missing (" + jar + "): run ./mvnw -B -q -Pbench -pl engine verify");
            System.exit(2);
        }
        long records = Long.getLong("bench.records", 500_000);
        Set<String> sections = new LinkedHashSet<>(
                List.of(System.getProperty("bench.sections", "producer,pipeline,latency,ceiling,backtest")
                        .split("\\s*,\\s*")));
        Path work = Files.createTempDirectory("tracker-vs-kafka-");
        // the in-process engine logs to files: keep them with the rest of this run, not in the project
        System.setProperty("LOG_DIR", work.resolve("logs/engine").toString());
        // Maven's exec plugin does not stop this JVM when Maven itself is killed: follow it out
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> System.exit(130)));
        int exit = 0;
        try (ChildProcesses children = new ChildProcesses(work)) {
            KafkaComparisonBenchmark bench = new KafkaComparisonBenchmark(work, jar, records, children);
            try {
                bench.run(sections);
            } catch (Exception e) {
                out.println("❌ Benchmark stopped: " + e.getMessage());
                exit = 1;
            }
            bench.printTable();
            exit = bench.failed ? 1 : exit;
        }
        System.exit(exit); // Kafka's client threads of the in-process engine are closed; exit at once anyway
    }

    private void run(Set<String> sections) throws Exception {
        out.printf(
                Locale.US,
                "Activity Tracker vs Apache Kafka's tools — %s, %d cores, Java %s, load average %.2f,"
                        + " %,d records per throughput run%n",
                Instant.now().truncatedTo(ChronoUnit.SECONDS),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                records);
        startBroker();
        try (BrokerProbe probe = new BrokerProbe(bootstrap)) {
            broker = probe;
            section(sections, "producer", this::producer);
            section(sections, "pipeline", this::pipeline);
            section(sections, "latency", this::latency);
            section(sections, "ceiling", this::ceiling);
            section(sections, "backtest", this::backtest);
        }
    }

    private interface Section {
        void run() throws Exception;
    }

    /** A section that fails is reported and its JVMs stopped; the others still run. */
    private void section(Set<String> wanted, String name, Section section) {
        if (!wanted.contains(name)) {
            return;
        }
        try {
            section.run();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            failed = true;
            out.println("❌ " + name + ": " + e.getMessage());
            children.stopAllStartedAfter(brokerProcess);
        }
    }

    /** One broker in its own JVM, the engine's {@code broker} command on a free port. */
    private void startBroker() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Child child = children.startJar(
                "broker",
                CHILD_HEAP,
                jar,
                List.of("broker", "--port", String.valueOf(port), "--fresh"),
                Map.of(
                        Settings.DATA_DIR,
                        work.resolve("broker-data").toString(),
                        Settings.LOG_DIR,
                        work.resolve("logs/broker").toString()));
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!child.output().contains("Kafka broker ready")) {
            if (!child.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the broker did not start:\n" + child.tail());
            }
            pause(Duration.ofMillis(100));
        }
        bootstrap = "localhost:" + port;
        brokerProcess = child;
        out.println("[broker] "
                + child.output()
                        .lines()
                        .filter(l -> l.contains("ready"))
                        .findFirst()
                        .orElse("")
                        .trim());
    }

    // ---- (a) producer ---------------------------------------------------------------------------

    private void producer() throws Exception {
        String kafkaTopic = "bench-producer-kafka";
        broker.createTopic(kafkaTopic);
        Child pp = children.startClass(
                "producer-performance", CHILD_HEAP, PRODUCER_PERFORMANCE, producerPerformanceArgs(kafkaTopic));
        requireExit(pp, 0);
        double kafka = ToolOutput.producerPerformanceRate(pp.output())
                .orElseThrow(() -> new IllegalStateException("ProducerPerformance printed no summary:\n" + pp.tail()));

        String ourTopic = "bench-producer-ours";
        broker.createTopic(ourTopic);
        Child produce = children.startJar(
                "produce", CHILD_HEAP, jar, produceArgs(ourTopic), roleEnvironment("produce", ourTopic));
        requireExit(produce, 0);
        ToolOutput.OurProducer ours = ToolOutput.ourProducer(produce.output())
                .orElseThrow(
                        () -> new IllegalStateException("produce printed no final statistics:\n" + produce.tail()));
        out.printf(
                Locale.US,
                "[a] ProducerPerformance %,.0f records/s (%d B, acks=all linger.ms=5 batch.size=65536) |"
                        + " produce --rate max %,.0f events/s (%,d delivered, %d failed)%n",
                kafka,
                RECORD_SIZE,
                ours.eventsPerSecond(),
                ours.delivered(),
                ours.failed());
        rows.add(Row.higherIsBetter("(a) producer, records/s", kafka, ours.eventsPerSecond(), "≥ 0.8"));
    }

    private List<String> producerPerformanceArgs(String topic) {
        return List.of(
                "--topic",
                topic,
                "--num-records",
                String.valueOf(records),
                "--record-size",
                String.valueOf(RECORD_SIZE),
                "--throughput",
                "-1",
                "--producer-props",
                "bootstrap.servers=" + bootstrap,
                "acks=all",
                "linger.ms=5",
                "batch.size=65536");
    }

    private List<String> produceArgs(String topic) {
        return List.of(
                "produce",
                "--bootstrap-servers",
                bootstrap,
                "--topic",
                topic,
                "--rate",
                "max",
                "--events",
                String.valueOf(records));
    }

    // ---- (b) pipeline ---------------------------------------------------------------------------

    /**
     * The producer and two consumer groups reading as it writes, each its own JVM; timed from the
     * first record's timestamp to the moment both groups have committed every record.
     */
    private void pipeline() throws Exception {
        String kafkaTopic = "bench-pipeline-kafka";
        broker.createTopic(kafkaTopic);
        // commit every 100 ms (default 5 s), so the broker sees the tool's progress as closely as ours
        Path consumerConfig =
                Files.writeString(work.resolve("consumer-performance.properties"), "auto.commit.interval.ms=100\n");
        List<String> kafkaGroups = List.of("bench-kafka-a", "bench-kafka-b");
        List<Child> kafkaConsumers = new ArrayList<>();
        for (String group : kafkaGroups) {
            kafkaConsumers.add(children.startClass(
                    "consumer-performance-" + group,
                    CHILD_HEAP,
                    CONSUMER_PERFORMANCE,
                    List.of(
                            "--bootstrap-server",
                            bootstrap,
                            "--topic",
                            kafkaTopic,
                            "--messages",
                            String.valueOf(records),
                            "--group",
                            group,
                            "--timeout",
                            String.valueOf(RUN_TIMEOUT.toMillis()),
                            "--consumer.config",
                            consumerConfig.toString())));
        }
        awaitAssigned(kafkaGroups, kafkaTopic, kafkaConsumers);
        TimedCpu kafkaCpu = new TimedCpu();
        kafkaCpu.from(kafkaConsumers.get(0), "ConsumerPerformance");
        kafkaCpu.from(kafkaConsumers.get(1), "ConsumerPerformance");
        kafkaCpu.from(brokerProcess, "broker");
        Child pp = children.startClass(
                "pipeline-producer-performance", CHILD_HEAP, PRODUCER_PERFORMANCE, producerPerformanceArgs(kafkaTopic));
        kafkaCpu.whole(pp, "ProducerPerformance");
        Instant kafkaEnd = awaitCommitted(kafkaGroups, kafkaTopic, kafkaConsumers);
        kafkaCpu.stop();
        requireExit(pp, 0);
        for (Child c : kafkaConsumers) {
            requireExit(c, 0);
        }
        double kafka = records / seconds(broker.firstRecordTime(kafkaTopic), kafkaEnd);

        String ourTopic = "bench-pipeline-ours";
        broker.createTopic(ourTopic);
        List<String> ourGroups = List.of("bench-analytics", "bench-fraud");
        Child analytics = children.startJar(
                "analytics",
                CHILD_HEAP,
                jar,
                List.of(
                        "analytics",
                        "--bootstrap-servers",
                        bootstrap,
                        "--topic",
                        ourTopic,
                        "--from-beginning",
                        "--group",
                        ourGroups.get(0)),
                roleEnvironment("analytics", ourTopic));
        Child fraud = children.startJar(
                "fraud",
                CHILD_HEAP,
                jar,
                List.of(
                        "fraud",
                        "--bootstrap-servers",
                        bootstrap,
                        "--topic",
                        ourTopic,
                        "--from-beginning",
                        "--group",
                        ourGroups.get(1)),
                roleEnvironment("fraud", ourTopic));
        List<Child> ourConsumers = List.of(analytics, fraud);
        awaitAssigned(ourGroups, ourTopic, ourConsumers);
        TimedCpu ourCpu = new TimedCpu();
        ourCpu.from(analytics, "analytics");
        ourCpu.from(fraud, "fraud");
        ourCpu.from(brokerProcess, "broker");
        Child produce = children.startJar(
                "pipeline-produce",
                CHILD_HEAP,
                jar,
                produceArgs(ourTopic),
                roleEnvironment("pipeline-produce", ourTopic));
        ourCpu.whole(produce, "produce");
        Instant ourEnd = awaitCommitted(ourGroups, ourTopic, ourConsumers);
        ourCpu.stop();
        requireExit(produce, 0);
        analytics.stop();
        fraud.stop();
        double ours = records / seconds(broker.firstRecordTime(ourTopic), ourEnd);
        out.printf(
                Locale.US,
                "[b] Kafka's tools: ProducerPerformance + 2 ConsumerPerformance groups %,.0f records/s |"
                        + " produce + analytics + fraud %,.0f events/s (first record sent → both groups committed all %,d)%n",
                kafka,
                ours,
                records);
        out.printf(
                Locale.US,
                "    CPU-s while timed (from the producer's start; the producer whole, JVM start included):"
                        + " Kafka's tools %s | ours %s%n",
                kafkaCpu,
                ourCpu);
        kafkaPipelineRate = kafka;
        rows.add(Row.higherIsBetter("(b) pipeline, 3 JVMs, records/s", kafka, ours, "≥ 0.8"));
        rows.add(Row.lowerIsBetter(
                "(b) CPU-s, all 4 JVMs while timed", kafkaCpu.total(), ourCpu.total(), "what (b) costs"));
    }

    /**
     * The CPU each JVM of one side of (b) used while it was timed: those already running count from
     * the producer's start, the producer whole; read when both groups have committed everything (the
     * producer, gone by then, at its last sample). On 2 cores the pipeline is CPU-bound, so this shows
     * where its rate goes.
     */
    private static final class TimedCpu {
        private final Map<Child, Duration> from = new LinkedHashMap<>();
        private final Map<Child, String> names = new LinkedHashMap<>();
        private final Map<Child, Duration> used = new LinkedHashMap<>();

        void from(Child child, String name) {
            from.put(child, child.cpu());
            names.put(child, name);
        }

        void whole(Child child, String name) {
            from.put(child, Duration.ZERO);
            names.put(child, name);
        }

        void stop() {
            from.forEach((child, start) -> used.put(child, child.cpu().minus(start)));
        }

        double total() {
            return used.values().stream().mapToDouble(TimedCpu::seconds).sum();
        }

        private static double seconds(Duration d) {
            return d.toNanos() / 1e9;
        }

        @Override
        public String toString() {
            StringBuilder parts = new StringBuilder();
            used.forEach((child, d) -> parts.append(parts.isEmpty() ? "" : ", ")
                    .append(names.get(child))
                    .append(String.format(Locale.US, " %.1f", seconds(d))));
            return String.format(Locale.US, "%.1f (%s)", total(), parts);
        }
    }

    // ---- (e) backtest --------------------------------------------------------------------------

    /**
     * Reading a recorded span: Kafka's ConsumerPerformance reads the topic (its fetch rate, without the
     * group's join) against {@code fraud backtest}, which decodes every record and runs two detectors
     * (its own replay time, from its JSON report). Both are separate JVMs on the same topic.
     */
    private void backtest() throws Exception {
        String topic = "bench-backtest";
        broker.createTopic(topic);
        Child produce = children.startJar(
                "backtest-produce", CHILD_HEAP, jar, produceArgs(topic), roleEnvironment("backtest-produce", topic));
        requireExit(produce, 0);
        Child cp = children.startClass(
                "backtest-consumer-performance",
                CHILD_HEAP,
                CONSUMER_PERFORMANCE,
                List.of(
                        "--bootstrap-server",
                        bootstrap,
                        "--topic",
                        topic,
                        "--messages",
                        String.valueOf(records),
                        "--group",
                        "bench-backtest-kafka",
                        "--timeout",
                        String.valueOf(RUN_TIMEOUT.toMillis())));
        requireExit(cp, 0);
        ToolOutput.ConsumerPerformance kafka = ToolOutput.consumerPerformance(cp.output())
                .orElseThrow(() -> new IllegalStateException("ConsumerPerformance printed no summary:\n" + cp.tail()));
        Child ours = children.startJar(
                "backtest",
                CHILD_HEAP,
                jar,
                List.of(
                        "fraud",
                        "backtest",
                        "--bootstrap-servers",
                        bootstrap,
                        "--topic",
                        topic,
                        "--since",
                        "1h",
                        "--set",
                        "FRAUD_VELOCITY_MAX_EVENTS=50",
                        "--json"),
                roleEnvironment("backtest", topic));
        requireExit(ours, 0);
        JsonNode report = new ObjectMapper()
                .readTree(ours.output().substring(ours.output().indexOf('{')));
        long read = report.get("records_read").asLong();
        double oursRate = read / (report.get("elapsed_ms").asDouble() / 1000.0);
        out.printf(
                Locale.US,
                "[e] ConsumerPerformance %,d records at %,.0f records/s (fetch) | fraud backtest %,d records"
                        + " in %,d ms, %,.0f records/s (decode + two detectors)%n",
                kafka.messages(),
                kafka.fetchMessagesPerSecond(),
                read,
                report.get("elapsed_ms").asLong(),
                oursRate);
        rows.add(Row.higherIsBetter("(e) backtest read, records/s", kafka.fetchMessagesPerSecond(), oursRate, "≥ 0.5"));
    }

    private void awaitAssigned(List<String> groups, String topic, List<Child> consumers) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!broker.groupsOwnAllPartitions(groups, topic)) {
            for (Child c : consumers) {
                if (!c.isAlive()) {
                    throw new IllegalStateException(c.name() + " stopped before it joined its group:\n" + c.tail());
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "consumer groups " + groups + " did not get the partitions of " + topic + " in 60 s");
            }
            pause(Duration.ofMillis(100));
        }
    }

    /** Polls every 50 ms until each group has committed every record; returns that moment. */
    private Instant awaitCommitted(List<String> groups, String topic, List<Child> consumers) throws Exception {
        long deadline = System.nanoTime() + RUN_TIMEOUT.toNanos();
        while (true) {
            long least = Long.MAX_VALUE;
            for (String group : groups) {
                least = Math.min(least, broker.committed(group, topic));
            }
            if (least >= records) {
                return Instant.now();
            }
            boolean allStopped = consumers.stream().noneMatch(Child::isAlive);
            if (allStopped || System.nanoTime() > deadline) {
                throw new IllegalStateException(String.format(
                        Locale.US,
                        "the consumers of %s committed %,d of %,d records%s",
                        topic,
                        least,
                        records,
                        allStopped ? " and stopped" : " in " + RUN_TIMEOUT.toMinutes() + " min"));
            }
            pause(Duration.ofMillis(50));
        }
    }

    // ---- (c) latency ----------------------------------------------------------------------------

    private void latency() throws Exception {
        Child e2e = children.startClass(
                "end-to-end-latency",
                CHILD_HEAP,
                END_TO_END_LATENCY,
                List.of(bootstrap, "bench-latency-kafka", "10000", "all", String.valueOf(RECORD_SIZE)));
        requireExit(e2e, 0);
        ToolOutput.EndToEndLatency kafka = ToolOutput.endToEndLatency(e2e.output())
                .orElseThrow(() -> new IllegalStateException("EndToEndLatency printed no percentiles:\n" + e2e.tail()));

        Settings settings = engineSettings("bench-latency-ours", 1_000);
        broker.createTopic(settings.activitiesTopic());
        LatencyPercentiles ours;
        try (Engine engine = new Engine(settings, Clock.systemUTC(), new SimpleMeterRegistry(), 7)) {
            engine.startAndAwait(Duration.ofSeconds(60));
            // the engine's percentiles cover the last 20-30 s: 40 s leaves the first 10 s (JIT warm-up) out
            pause(Duration.ofSeconds(40));
            ours = engine.latestSnapshot().endToEnd();
        }
        out.printf(
                Locale.US,
                "[c] EndToEndLatency (10,000 × %d B, acks=all, one at a time): avg %.2f ms, p50 %d ms,"
                        + " p99 %d ms, p99.9 %d ms (whole ms) | engine at 1,000 events/s, event time → analytics processed:"
                        + " p50 %.2f ms, p99 %.2f ms (%,d events in the window)%n",
                RECORD_SIZE,
                kafka.averageMillis(),
                kafka.p50Millis(),
                kafka.p99Millis(),
                kafka.p999Millis(),
                ours.p50Millis(),
                ours.p99Millis(),
                ours.count());
        rows.add(Row.lowerIsBetter("(c) latency p50, ms", kafka.p50Millis(), ours.p50Millis(), "ours ≤ 3 ms"));
        rows.add(Row.lowerIsBetter("(c) latency p99, ms", kafka.p99Millis(), ours.p99Millis(), "ours ≤ 15 ms"));
    }

    // ---- (d) keep-up ceiling --------------------------------------------------------------------

    /**
     * The highest rate at which the whole engine in one process (as {@code run}, against this
     * broker) keeps both consumers' lag under 1 s: doubling or halving from Kafka's pipeline rate,
     * then halving the gap, at most six steps. The figure is the rate acknowledged by the broker,
     * not the target: where the producer itself cannot reach a target, that is the ceiling.
     */
    private void ceiling() throws Exception {
        double rate = Double.isNaN(kafkaPipelineRate) ? 20_000 : roundToThousand(kafkaPipelineRate);
        double keptUpWith = 0;
        double highestKept = 0;
        double fallsBehind = Double.POSITIVE_INFINITY;
        String limit = "no rate tried was too fast";
        warmUp(rate);
        for (int step = 0; step < 6; step++) {
            Probe p = probe(rate);
            if (p.keepsUp()) {
                keptUpWith = Math.max(keptUpWith, p.achieved());
                highestKept = rate;
                if (p.achieved() < rate * 0.9) {
                    limit = String.format(Locale.US, "the producer reached only %,.0f of %,.0f/s", p.achieved(), rate);
                    break;
                }
                rate = Double.isInfinite(fallsBehind) ? rate * 2 : (highestKept + fallsBehind) / 2;
            } else {
                fallsBehind = rate;
                limit = String.format(Locale.US, "consumers fell behind at %,.0f/s", rate);
                rate = highestKept == 0 ? rate / 2 : (highestKept + fallsBehind) / 2;
            }
            rate = roundToThousand(rate);
            if (rate == highestKept
                    || rate == fallsBehind
                    || fallsBehind - highestKept <= Math.max(2_000, highestKept * 0.15)) {
                break;
            }
        }
        out.printf(
                Locale.US,
                "[d] in-process engine keeps both consumers' lag under 1 s at %,.0f events/s acknowledged (%s)%n",
                keptUpWith,
                limit);
        rows.add(Row.higherIsBetter("(d) run keep-up vs (b) Kafka", kafkaPipelineRate, keptUpWith, "≥ 1.0"));
    }

    /**
     * The search's first rate, run once and not measured: the keep-up ceiling is a steady-state
     * figure, and until then this JVM had run the engine only at (c)'s 1,000 events/s, so the first
     * probe otherwise measured the JIT compiling the hot paths at a high rate (a first probe reached
     * 88,606–94,285/s where a later one in the same run reached 128,296/s).
     */
    private void warmUp(double rate) throws Exception {
        Settings settings = engineSettings("bench-ceiling-warm-up", rate);
        broker.createTopic(settings.activitiesTopic());
        try (Engine engine = new Engine(settings, Clock.systemUTC(), new SimpleMeterRegistry(), 5)) {
            engine.startAndAwait(Duration.ofSeconds(60));
            pause(WARM_UP);
        }
        out.printf(Locale.US, "    warm-up at %,.0f/s for %d s, not measured%n", rate, WARM_UP.toSeconds());
    }

    /** One step of the search: what the producer achieved and the worst consumer lag seen. */
    private record Probe(double target, double achieved, double worstLag) {
        boolean keepsUp() {
            return worstLag < 1;
        }
    }

    /** 5 s to settle, then 15 s sampled each second. */
    private Probe probe(double rate) throws Exception {
        Settings settings = engineSettings("bench-ceiling-" + (long) rate, rate);
        broker.createTopic(settings.activitiesTopic());
        try (Engine engine = new Engine(settings, Clock.systemUTC(), new SimpleMeterRegistry(), 5)) {
            engine.startAndAwait(Duration.ofSeconds(60));
            pause(Duration.ofSeconds(5));
            long deliveredAtStart = engine.latestSnapshot().producer().delivered();
            long t0 = System.nanoTime();
            double worstLag = 0;
            for (int i = 0; i < 15; i++) {
                pause(Duration.ofSeconds(1));
                EngineSnapshot s = engine.latestSnapshot();
                worstLag = Math.max(
                        worstLag,
                        Math.max(
                                s.analyticsConsumer().lagSeconds(),
                                s.fraudConsumer().lagSeconds()));
            }
            EngineSnapshot s = engine.latestSnapshot();
            // acknowledged, not merely handed to the client: a stalled partition must not count as kept up with
            Probe p = new Probe(
                    rate, (s.producer().delivered() - deliveredAtStart) / ((System.nanoTime() - t0) / 1e9), worstLag);
            out.printf(
                    Locale.US,
                    "    target %,.0f/s: acknowledged %,.0f/s, worst consumer lag %.2f s, end-to-end p99 %.0f ms → %s%n",
                    rate,
                    p.achieved(),
                    worstLag,
                    s.endToEnd().p99Millis(),
                    p.keepsUp() ? "keeps up" : "falls behind");
            return p;
        }
    }

    private static double roundToThousand(double rate) {
        return Math.max(1_000, Math.round(rate / 1_000) * 1_000.0);
    }

    // ---- helpers --------------------------------------------------------------------------------

    private Settings engineSettings(String prefix, double rate) {
        Map<String, String> v = new HashMap<>();
        v.put(Settings.KAFKA_BOOTSTRAP_SERVERS, bootstrap);
        v.put(Settings.KAFKA_ACTIVITIES_TOPIC, prefix);
        v.put(Settings.KAFKA_ALERTS_TOPIC, prefix + ".alerts");
        v.put(Settings.KAFKA_DLQ_TOPIC, prefix + ".dlq");
        v.put(Settings.LOG_DIR, work.resolve("logs/engine").toString());
        v.put(Settings.DATA_DIR, work.resolve("data").toString());
        return new SettingsLoader(Map.of(), work, work, "Linux").load(null, v).withEventsPerSecond(rate);
    }

    /** The settings each role reads from its environment; reports every 100,000 events so the console does not cost. */
    private Map<String, String> roleEnvironment(String name, String topic) {
        return Map.of(
                Settings.KAFKA_ALERTS_TOPIC,
                topic + ".alerts",
                Settings.KAFKA_DLQ_TOPIC,
                topic + ".dlq",
                Settings.KAFKA_PARTITIONS,
                String.valueOf(BrokerProbe.PARTITIONS),
                Settings.STATS_INTERVAL,
                "100000",
                Settings.LOG_DIR,
                work.resolve("logs/" + name).toString(),
                Settings.DATA_DIR,
                work.resolve("data").toString(),
                "NO_COLOR",
                "1");
    }

    private static void requireExit(Child child, int expected) throws InterruptedException {
        OptionalInt code = child.awaitExit(RUN_TIMEOUT);
        if (code.isEmpty()) {
            child.stop();
            throw new IllegalStateException(
                    child.name() + " did not finish in " + RUN_TIMEOUT.toMinutes() + " min:\n" + child.tail());
        }
        if (code.getAsInt() != expected) {
            throw new IllegalStateException(child.name() + " exited " + code.getAsInt() + ":\n" + child.tail());
        }
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }

    /** Benchmarks measure over wall time; a latch nobody counts down is a plain timed wait. */
    private static void pause(Duration d) throws InterruptedException {
        new CountDownLatch(1).await(d.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void printTable() {
        if (rows.isEmpty()) {
            return;
        }
        out.println();
        out.println(Row.header());
        rows.forEach(r -> out.println(r.format()));
        out.printf(
                Locale.US,
                "(load average now %.2f on %d cores: figures drift with it, the ratios of one run are what count)%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
    }

    /** One line of the summary: a Kafka figure, ours, ours ÷ Kafka and what the issue aims for. */
    record Row(String pair, double kafka, double ours, boolean higherIsBetter, String aim) {
        static Row higherIsBetter(String pair, double kafka, double ours, String aim) {
            return new Row(pair, kafka, ours, true, aim);
        }

        static Row lowerIsBetter(String pair, double kafka, double ours, String aim) {
            return new Row(pair, kafka, ours, false, aim);
        }

        static String header() {
            return String.format(Locale.US, "%-34s %14s %14s %12s  %s", "pair", "Kafka", "ours", "ours÷Kafka", "aim");
        }

        String format() {
            String ratio = kafka > 0 && !Double.isNaN(kafka) && !Double.isNaN(ours)
                    ? String.format(Locale.US, "%.2f", ours / kafka)
                    : "n/a";
            return String.format(Locale.US, "%-34s %14s %14s %12s  %s", pair, figure(kafka), figure(ours), ratio, aim);
        }

        private String figure(double v) {
            if (Double.isNaN(v)) {
                return "—";
            }
            return higherIsBetter ? String.format(Locale.US, "%,.0f", v) : String.format(Locale.US, "%.2f", v);
        }
    }
}
