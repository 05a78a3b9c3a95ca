package com.activitytracker.app.bench;

import com.activitytracker.app.TrackerConsole;
import com.activitytracker.engine.config.Settings;
import com.activitytracker.engine.config.SettingsLoader;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The console's responsiveness under load, headless (Monocle): the full console and engine streaming
 * at a high rate, an {@link AnimationTimer} noting every pulse of the FX thread. Reports pulses per
 * second, the longest gap between pulses, the time from launch to the first counted event on screen,
 * and the heap's floor over the run. Not a test: see docs/BENCHMARKS.md for the command.
 *
 * <p>Arguments: {@code [seconds] [events per second] [kafka-view]}, default 60 and 20,000; with
 * {@code kafka-view} the Kafka view is opened as soon as the engine streams and stays open.
 */
public final class ConsoleBenchmark {
    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        String rate = args.length > 1 ? args[1] : "20000";
        boolean kafkaView = args.length > 2 && args[2].equals("kafka-view");
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("prism.text", "t2k");
        System.setProperty("java.awt.headless", "true");
        System.setProperty("headless.geometry", "1440x900-32");

        Path work = Files.createTempDirectory("console-bench");
        Map<String, String> v = new HashMap<>(Map.of(
                Settings.DATA_DIR,
                work.resolve("data").toString(),
                Settings.LOG_DIR,
                work.resolve("logs").toString(),
                Settings.EVENTS_PER_SECOND,
                rate));
        SettingsLoader loader = new SettingsLoader(Map.of(), work, work, "Linux");
        Settings settings = loader.load(null, v);

        long launch = System.nanoTime();
        AtomicLong firstCounted = new AtomicLong();
        List<Long> pulses = new ArrayList<>(seconds * 70);
        CompletableFuture<TrackerConsole> started = new CompletableFuture<>();
        Platform.startup(() -> {
            TrackerConsole console = new TrackerConsole(
                    settings, o -> settings, work.resolve("snapshots"), Clock.systemDefaultZone(), code -> {});
            console.start(new Stage());
            var total = console.model().dashboard().tile("total-events").valueProperty();
            if (kafkaView) {
                console.model().main().engineStateProperty().addListener((obs, old, state) -> {
                    if (state == com.activitytracker.engine.EngineStatus.State.RUNNING) {
                        console.openKafkaView();
                    }
                });
            }
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    pulses.add(now);
                    if (firstCounted.get() == 0 && total.get().matches(".*[1-9].*")) {
                        firstCounted.set(System.nanoTime());
                    }
                }
            }.start();
            started.complete(console);
        });
        TrackerConsole console = started.get();
        // the heap's floor over each 30 s: the lowest use seen, sampled every second, which is what is
        // left after the young collections of that half minute. Forcing a full GC instead would stall
        // the FX thread and spoil the pulse figures this benchmark is for.
        List<Long> heap = new ArrayList<>();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long nextHeap = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        long floor = Long.MAX_VALUE;
        while (System.nanoTime() < end) {
            new CountDownLatch(1).await(1, TimeUnit.SECONDS);
            floor = Math.min(
                    floor,
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
            if (System.nanoTime() >= nextHeap) {
                heap.add(floor / (1024 * 1024));
                floor = Long.MAX_VALUE;
                nextHeap += TimeUnit.SECONDS.toNanos(30);
            }
        }
        List<Long> seen = new ArrayList<>();
        CountDownLatch copied = new CountDownLatch(1);
        Platform.runLater(() -> {
            seen.addAll(pulses);
            System.out.println("[console] Kafka view: "
                    + (kafkaView ? console.kafkaView().statusProperty().get() : "not opened"));
            copied.countDown();
        });
        copied.await();
        var snapshot = console.session().engine().latestSnapshot();
        report(
                seen,
                launch,
                firstCounted.get(),
                heap,
                seconds,
                rate,
                snapshot == null ? 0 : snapshot.producer().actualRate());
        console.shutdown(0).get(30, TimeUnit.SECONDS);
        System.exit(0);
    }

    private static void report(
            List<Long> pulses,
            long launch,
            long firstCounted,
            List<Long> heap,
            int seconds,
            String rate,
            double achieved) {
        // ignore the first 10 s: the broker and the JIT are still warming up
        long from = pulses.get(0) + TimeUnit.SECONDS.toNanos(10);
        long maxGap = 0;
        long count = 0;
        long first = -1;
        long last = 0;
        for (int i = 1; i < pulses.size(); i++) {
            if (pulses.get(i) < from) {
                continue;
            }
            if (first < 0) {
                first = pulses.get(i);
            }
            last = pulses.get(i);
            count++;
            maxGap = Math.max(maxGap, pulses.get(i) - pulses.get(i - 1));
        }
        double span = (last - first) / 1e9;
        System.out.printf(
                Locale.US,
                "[console] %s events/s target (achieved %.0f/s) for %d s: %.1f pulses/s on the FX thread,"
                        + " longest gap between pulses %.1f ms; launch to first counted event on screen %.2f s;"
                        + " heap floor per 30 s (MB): %s%n",
                rate,
                achieved,
                seconds,
                count / span,
                maxGap / 1e6,
                firstCounted == 0 ? Double.NaN : (firstCounted - launch) / 1e9,
                heap);
    }
}
