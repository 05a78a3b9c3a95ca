package com.activitytracker.app.bench;

import com.activitytracker.app.model.KafkaTap;
import com.activitytracker.app.model.KafkaViewModel;
import com.activitytracker.app.model.Theme;
import com.activitytracker.app.view.KafkaView;
import com.activitytracker.engine.observability.ConsumerGroupLag;
import com.activitytracker.engine.observability.InspectedRecord;
import com.activitytracker.engine.observability.InspectorBatch;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/**
 * What the Kafka view alone costs the FX thread, headless (Monocle, software rendering as in {@link
 * ConsoleBenchmark}), without a broker: a fake reader hands the view batches as the real one does at
 * 20,000 events/s (twice a second: 60 activities, 20 alerts, a dead letter, the groups' lag every
 * fourth batch), and the run alternates, in one JVM under the same load, between the view closed and
 * open on each of its tabs. Per period: the FX thread's own CPU time per second (which the load of the
 * machine does not inflate), pulses and the longest gap. An animation timer keeps the pulses going, as
 * the console's charts do. Not a test: see docs/BENCHMARKS.md.
 *
 * <p>Arguments: {@code [seconds per period] [rounds] [tab]}, default 10 and 3; with a tab (0–3) the view stays
 * open on that tab for every period (to profile it, e.g. with {@code -XX:StartFlightRecording}).
 */
public final class KafkaViewBenchmark {
    private static final String ACTS = "user-activities";
    private static final String ALERTS = "fraud-alerts";
    private static final String DLQ = "user-activities.dlq";

    /** {@code full} (default), {@code counts} (batches without records or lags), {@code none}. */
    private static final String FEED = System.getProperty("kafka-view-bench.feed", "full");

    /** The owner window redrawn at every pulse, as the console is. */
    private static final boolean BUSY_OWNER = Boolean.getBoolean("kafka-view-bench.busy-owner");

    private KafkaViewBenchmark() {}

    private static InspectorBatch counts() {
        return new InspectorBatch(Map.of(), Map.of(ACTS, 10_000L), Optional.empty(), Optional.empty());
    }

    /** JavaFX on headless Monocle with software rendering, 1440x900: call before the toolkit starts. */
    static void useHeadlessMonocle() {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("prism.text", "t2k");
        System.setProperty("java.awt.headless", "true");
        System.setProperty("headless.geometry", "1440x900-32");
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int only = args.length > 2 ? Integer.parseInt(args[2]) : -1; // one tab open throughout, for a profile
        useHeadlessMonocle();

        Tap tap = new Tap();
        long[] fxThread = {-1};
        List<Long> pulses = new ArrayList<>(1 << 16);
        CompletableFuture<KafkaView> started = new CompletableFuture<>();
        Platform.startup(() -> {
            fxThread[0] = Thread.currentThread().getId();
            Stage owner = new Stage();
            Label console = new Label("console");
            owner.setScene(new Scene(console, 1200, 800));
            owner.show();
            KafkaViewModel model = new KafkaViewModel(
                    sink -> {
                        tap.sink = sink;
                        tap.closed = false;
                        return tap;
                    },
                    Platform::runLater,
                    Runnable::run,
                    ZoneOffset.UTC,
                    List::of);
            KafkaView view = new KafkaView(
                    model,
                    owner,
                    new SimpleObjectProperty<>(Theme.DARK),
                    new SimpleBooleanProperty(false),
                    Path.of(System.getProperty("java.io.tmpdir")));
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    synchronized (pulses) {
                        pulses.add(now);
                    }
                    if (BUSY_OWNER) {
                        console.setText("pulse " + now); // the owner redrawn every pulse, as the console's charts
                    }
                }
            }.start();
            started.complete(view);
        });
        KafkaView view = started.get();
        ScheduledExecutorService feeder = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "fake-kafka-view-reader");
            t.setDaemon(true);
            return t;
        });
        int[] n = {0};
        ScheduledFuture<?> feeding = feeder.scheduleAtFixedRate(
                () -> {
                    Consumer<InspectorBatch> sink = tap.sink;
                    if (sink != null && !tap.closed && !FEED.equals("none")) {
                        sink.accept(FEED.equals("counts") ? counts() : batch(n[0]++));
                    }
                },
                0,
                Long.getLong("kafka-view-bench.every", 500),
                TimeUnit.MILLISECONDS);
        System.out.printf(
                Locale.US, "[kafka-view-bench] %d s per period, %d rounds; load %s%n", seconds, rounds, load());
        System.out.println("| period | FX CPU ms/s | renderer CPU ms/s | pulses/s | gaps > 50 ms | longest gap ms |");
        System.out.println("|---|---|---|---|---|---|");
        String[] tabs = {"activities", "alerts", "dead letters", "groups"};
        for (int t = 0; t < 4; t++) { // warm-up, not measured: every tab once
            int tab = t;
            Platform.runLater(() -> {
                view.show();
                view.showTab(tab);
            });
            sleep(seconds * 500L);
        }
        if (only >= 0) {
            Platform.runLater(() -> {
                view.show();
                view.showTab(only);
            });
            for (int round = 0; round < rounds; round++) {
                measure("open, " + tabs[only], seconds, fxThread[0], pulses);
            }
            rounds = 0;
        }
        for (int round = 0; round < rounds; round++) {
            Platform.runLater(view::close);
            measure("closed", seconds, fxThread[0], pulses);
            for (int tab = 0; tab < (round == 0 ? tabs.length : 1); tab++) {
                int t = tab;
                Platform.runLater(() -> {
                    view.show();
                    view.showTab(t);
                });
                measure("open, " + tabs[tab], seconds, fxThread[0], pulses);
            }
        }
        feeding.cancel(false);
        feeder.shutdownNow();
        System.out.printf(Locale.US, "[kafka-view-bench] load at the end %s%n", load());
        Platform.exit();
        System.exit(0);
    }

    private static void measure(String label, int seconds, long fxThread, List<Long> pulses)
            throws InterruptedException {
        sleep(2000); // the switch itself is not measured
        var threads = ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getThreadCpuTime(fxThread);
        long render0 = renderCpu();
        long t0 = System.nanoTime();
        sleep(seconds * 1000L);
        long t1 = System.nanoTime();
        long cpu1 = threads.getThreadCpuTime(fxThread);
        long render1 = renderCpu();
        long count = 0;
        long over = 0;
        long longest = 0;
        synchronized (pulses) {
            for (int i = 1; i < pulses.size(); i++) {
                long t = pulses.get(i);
                if (t < t0 || t > t1) {
                    continue;
                }
                long gap = t - pulses.get(i - 1);
                count++;
                longest = Math.max(longest, gap);
                if (gap > TimeUnit.MILLISECONDS.toNanos(50)) {
                    over++;
                }
            }
        }
        double secs = (t1 - t0) / 1e9;
        System.out.printf(
                Locale.US,
                "| %s | %.1f | %.1f | %.1f | %d | %.0f |%n",
                label,
                (cpu1 - cpu0) / 1e6 / secs,
                (render1 - render0) / 1e6 / secs,
                count / secs,
                over,
                longest / 1e6);
    }

    /** The CPU time of JavaFX's render thread (which draws the windows, in software here) so far. */
    static long renderCpu() {
        var threads = ManagementFactory.getThreadMXBean();
        for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("QuantumRenderer")) {
                return threads.getThreadCpuTime(info.getThreadId());
            }
        }
        return 0;
    }

    /** What the reader hands over twice a second at 20,000 events/s. */
    private static InspectorBatch batch(int n) {
        long base = n * 10_000L;
        List<InspectedRecord> acts = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            acts.add(record(ACTS, i % 6, base + i, "user-" + ((n * 60 + i) % 997), "page_view"));
        }
        List<InspectedRecord> alerts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            alerts.add(record(ALERTS, i % 3, base + i, "user-" + ((n * 20 + i) % 997), "velocity HIGH"));
        }
        List<InspectedRecord> letters = List.of(letter(n));
        Optional<List<ConsumerGroupLag>> lags = Optional.empty();
        if (n % 4 == 0) {
            List<ConsumerGroupLag> rows = new ArrayList<>();
            for (String g : List.of("activity-tracker-analytics", "activity-tracker-fraud")) {
                for (int p = 0; p < 6; p++) {
                    rows.add(new ConsumerGroupLag(g, "Stable", 1, ACTS, p, base * 6 + p, base * 6 + p + n % 50));
                }
            }
            rows.add(new ConsumerGroupLag("console-old", "Empty", 0, ACTS, 0, 10, base));
            lags = Optional.of(rows);
        }
        return new InspectorBatch(
                Map.of(ACTS, acts, ALERTS, alerts, DLQ, letters),
                Map.of(ACTS, 10_000L, ALERTS, 40L, DLQ, 1L),
                lags,
                Optional.empty());
    }

    private static InspectedRecord record(String topic, int partition, long offset, String key, String summary) {
        String value = "{\n  \"event_id\" : \"" + java.util.UUID.randomUUID() + "\",\n  \"event_type\" : \"page_view\","
                + "\n  \"user_id\" : \"" + key + "\",\n  \"timestamp\" : \"2026-12-05T08:00:00Z\",\n  \"page\" : \"/p/"
                + offset + "\"\n}";
        return new InspectedRecord(
                topic,
                partition,
                offset,
                System.currentTimeMillis(),
                key,
                List.of(new InspectedRecord.Header("trace", "abc", "abc".getBytes(StandardCharsets.UTF_8))),
                value,
                summary,
                key.getBytes(StandardCharsets.UTF_8),
                value.getBytes(StandardCharsets.UTF_8),
                Optional.empty());
    }

    private static InspectedRecord letter(int n) {
        String bad = "{\"event_type\":\"purchase\",\"user_id\":\"u-" + n + "\"}";
        return new InspectedRecord(
                DLQ,
                0,
                n,
                System.currentTimeMillis(),
                "u-" + n,
                List.of(new InspectedRecord.Header("dlq.error", "purchase without 'amount'", new byte[0])),
                bad,
                "purchase without 'amount'",
                ("u-" + n).getBytes(StandardCharsets.UTF_8),
                bad.getBytes(StandardCharsets.UTF_8),
                Optional.of(new InspectedRecord.DeadLetterFacts(
                        "purchase without 'amount'", "fraud", ACTS + "/0@" + n, DLQ + "/0@" + n)));
    }

    private static String load() {
        try {
            return java.nio.file.Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static void sleep(long millis) throws InterruptedException {
        new CountDownLatch(1).await(millis, TimeUnit.MILLISECONDS);
    }

    /** The reader's side: only the batches matter here. */
    private static final class Tap implements KafkaTap {
        volatile Consumer<InspectorBatch> sink;
        volatile boolean closed;

        @Override
        public String activitiesTopic() {
            return ACTS;
        }

        @Override
        public String alertsTopic() {
            return ALERTS;
        }

        @Override
        public String deadLettersTopic() {
            return DLQ;
        }

        @Override
        public void filter(String userId) {}

        @Override
        public void pause(boolean pause) {}

        @Override
        public Optional<String> check(InspectedRecord letter, byte[] corrected) {
            return Optional.empty();
        }

        @Override
        public CompletableFuture<String> resend(InspectedRecord letter, byte[] corrected) {
            return CompletableFuture.completedFuture(ACTS + "/0@0");
        }

        @Override
        public CompletableFuture<String> sendBrokenPurchase(String userId) {
            return CompletableFuture.completedFuture(ACTS + "/0@0");
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
