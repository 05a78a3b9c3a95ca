package com.activitytracker.app.bench;

import com.activitytracker.app.TrackerConsole;
import com.activitytracker.app.model.RateScale;
import com.activitytracker.engine.Engine;
import com.activitytracker.engine.EngineSnapshot;
import com.activitytracker.engine.EngineStatus;
import com.activitytracker.engine.config.Settings;
import com.activitytracker.engine.config.SettingsLoader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleConsumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;
import javax.management.ObjectName;

/**
 * The console's own cost, headless (Monocle), in one run: the same phases with the engine alone
 * ("headless", as {@code run} uses it) and with the whole console around it, each in a fresh JVM
 * started with the installed app's Java options (read from {@code installer/pom.xml}) and its own
 * embedded broker. Not a test: see docs/BENCHMARKS.md for the command.
 *
 * <p>Phases, each measured after a warm-up: the given rate; the highest rate the headless engine
 * keeps up with (probed first, at 90 % of what its consumers sustain); the 30 s after a presenter's
 * ramp from 10 to 10,000/s (the rate doubled ten times, 0.3 s apart). Per phase: the engine's
 * end-to-end latency p50/p99 as its snapshot reports it (sampled each second, median and worst), the
 * achieved rate and the worst lag; for the console also the FX pulses (count, gaps over 50 ms, the
 * longest gap, the CPU time per second of the FX thread and of the render thread) and the heap (largest use, and the floor after a full GC at the phase's end). At the
 * end the console's JVM prints its class histogram's top entries.
 *
 * <p>Arguments: {@code [seconds per phase] [events per second] [--jfr] [--max=N] [--kafka-view]}, default
 * 30 and 20,000; {@code --jfr} records the console's JVM to {@code app/target/console-bench.jfr}; {@code --max=N}
 * skips the probe; {@code --kafka-view} opens the console's Kafka view as soon as the engine streams (run
 * once with and once without it to see what the view costs the FX thread); {@code --only=rate,max,ramp} runs only
 * those phases, and {@code whatif} in that list adds, in the console only, the what-if replay at the top rate
 * ({@link WhatIfReplayPhase}); {@code --warm-up=S} waits S seconds (15) at each phase's rate before measuring (the JIT
 * compilers are busy for the first one to two minutes of a console); {@code --desktop} draws the console with
 * the platform's own windowing on {@code $DISPLAY} (e.g. under {@code xvfb-run}) instead of headless Monocle,
 * which redraws its whole screen when any window changes. {@code --alternate-view=N} runs the console alone,
 * at {@code --max} (else the rate), and after the warm-up measures N pairs of periods with the Kafka view
 * closed and open ({@link ViewAlternation}).
 * {@code --phase=headless|console} is how the run starts its own JVMs (started by hand, {@code
 * --phase=console} measures the console alone). The pulses column ends with the FX thread's own CPU time per
 * second of the phase, which a loaded machine does not inflate as it does the gaps.
 */
public final class ConsoleBenchmark {
    private static final double RAMP_FROM = 10;
    /** Ctrl+Up ten times from 10/s: the rate doubled, rounded to two digits as the console does. */
    private static final double[] RAMP = {20, 40, 80, 160, 320, 640, 1300, 2600, 5200, 10_000};

    private static final long RAMP_STEP_MILLIS = 300;
    private static final long LONG_PULSE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private ConsoleBenchmark() {}

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        if (o.phase == null) {
            orchestrate(o);
        } else if (o.phase.equals("headless")) {
            headless(o);
            System.exit(0);
        } else {
            console(o);
            System.exit(0);
        }
    }

    // ---- the run: two JVMs, one after the other -------------------------------------------------

    private static void orchestrate(Options o) throws Exception {
        List<String> javaOptions = installedJavaOptions();
        System.out.printf(
                Locale.US,
                "[bench] Java options of the installed app: %s; %d s per phase at %.0f/s; load: %s%n",
                javaOptions,
                o.seconds,
                o.rate,
                uptime());
        Map<String, String> results = new LinkedHashMap<>();
        if (o.alternations > 0) {
            // the view closed and open in one console JVM: no headless run to compare with
            runChild("console", o, javaOptions, o.max, results);
            return;
        }
        runChild("headless", o, javaOptions, o.max, results);
        double max = o.max > 0 ? o.max : Double.parseDouble(results.getOrDefault("headless.max.rate", "0"));
        runChild("console", o, javaOptions, max, results);
        summarise(o, max, results);
    }

    private static void runChild(
            String phase, Options o, List<String> javaOptions, double max, Map<String, String> results)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaOptions);
        if (o.jfr && phase.equals("console")) {
            Path target = Files.isDirectory(Path.of("app", "target")) ? Path.of("app", "target") : Path.of("target");
            command.add(
                    "-XX:StartFlightRecording=filename=" + target.resolve("console-bench.jfr") + ",settings=profile");
        }
        command.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                ConsoleBenchmark.class.getName(),
                String.valueOf(o.seconds),
                String.valueOf((long) o.rate),
                "--max=" + (long) max,
                "--phase=" + phase));
        if (!o.only.isEmpty()) {
            command.add("--only=" + String.join(",", o.only));
        }
        if (o.kafkaView) {
            command.add("--kafka-view");
        }
        command.add("--warm-up=" + o.warmUp);
        if (o.alternations > 0) {
            command.add("--alternate-view=" + o.alternations);
        }
        if (o.desktop) {
            command.add("--desktop");
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("[result] ")) {
                    String[] kv = line.substring(9).split("=", 2);
                    results.put(kv[0], kv[1]);
                }
                if (line.startsWith("[") || line.startsWith("  ") || line.startsWith("|")) {
                    System.out.println(line); // the engine's own log stays out of the way
                }
            }
        }
        int code = p.waitFor();
        if (code != 0) {
            System.out.println("[bench] the " + phase + " JVM ended with " + code);
        }
    }

    private static void summarise(Options o, double max, Map<String, String> r) {
        System.out.println();
        System.out.printf(Locale.US, "[bench] load at the end: %s%n", uptime());
        System.out.println(
                "| phase | headless p50 / p99 (worst p99) ms | console p50 / p99 (worst p99) ms | p99 console/headless"
                        + " | achieved/s headless, console | FX pulses, over 50 ms, longest gap | heap max used, floor after GC |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (String phase : List.of("rate", "max", "ramp")) {
            if (!o.runs(phase)) {
                continue; // left out with --only: no row of nulls
            }
            String label = switch (phase) {
                case "rate" -> String.format(Locale.US, "%,.0f/s", o.rate);
                case "max" -> String.format(Locale.US, "%,.0f/s (highest kept up)", max);
                default -> "30 s after 10 → 10,000/s";
            };
            double hp99 = Double.parseDouble(r.getOrDefault("headless." + phase + ".p99", "NaN"));
            double cp99 = Double.parseDouble(r.getOrDefault("console." + phase + ".p99", "NaN"));
            System.out.printf(
                    Locale.US,
                    "| %s | %s / %s (%s) | %s / %s (%s) | %.2f | %s, %s | %s | %s |%n",
                    label,
                    r.get("headless." + phase + ".p50"),
                    r.get("headless." + phase + ".p99"),
                    r.get("headless." + phase + ".worst"),
                    r.get("console." + phase + ".p50"),
                    r.get("console." + phase + ".p99"),
                    r.get("console." + phase + ".worst"),
                    cp99 / hp99,
                    r.get("headless." + phase + ".achieved"),
                    r.get("console." + phase + ".achieved"),
                    r.get("console." + phase + ".pulses"),
                    r.get("console." + phase + ".heap"));
        }
    }

    // ---- the engine alone -----------------------------------------------------------------------

    private static void headless(Options o) throws Exception {
        Settings settings = settings(o.rate);
        try (Engine engine = new Engine(settings)) {
            engine.startAndAwait(Duration.ofSeconds(120));
            Phases phases = new Phases("headless", engine::latestSnapshot, engine::setRate, o.seconds, o.warmUp, null);
            if (o.runs("rate")) {
                phases.steady("rate", o.rate);
            }
            double max = o.max;
            if (max <= 0) {
                max = phases.probe();
                result("headless.max.rate", String.format(Locale.US, "%.0f", max));
            }
            if (o.runs("max")) {
                phases.steady("max", max);
            }
            if (o.runs("ramp")) {
                phases.ramp();
            }
        }
    }

    // ---- the whole console ----------------------------------------------------------------------

    private static void console(Options o) throws Exception {
        if (!o.desktop) {
            // Monocle composes every window into one screen buffer and redraws it whole, so a second
            // window (the Kafka view) costs more here than on a desktop, where each window is its own
            KafkaViewBenchmark.useHeadlessMonocle();
        }
        Settings settings = settings(o.rate);
        Path work = Files.createTempDirectory("console-bench-snapshots");

        long launch = System.nanoTime();
        Pulses pulses = new Pulses();
        CompletableFuture<TrackerConsole> started = new CompletableFuture<>();
        Platform.startup(() -> {
            TrackerConsole console =
                    new TrackerConsole(settings, x -> settings, work, Clock.systemDefaultZone(), code -> {});
            console.start(new Stage());
            var total = console.model().dashboard().tile("total-events").valueProperty();
            if (o.kafkaView) {
                // opened as soon as the engine streams, and left open for every phase
                console.model().main().engineStateProperty().addListener((obs, old, state) -> {
                    if (state == EngineStatus.State.RUNNING && old != EngineStatus.State.RUNNING) {
                        console.openKafkaView();
                        if (Boolean.getBoolean("console-bench.kafka-view-paused")) {
                            console.kafkaView().pausedProperty().set(true); // the window without its reader
                        }
                    }
                });
            }
            pulses.fxThreadId = Thread.currentThread().getId();
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    pulses.add(now, ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime());
                    if (pulses.firstCounted == 0 && total.get().matches(".*[1-9].*")) {
                        pulses.firstCounted = System.nanoTime();
                        pulses.firstCountedOnScreen.countDown();
                    }
                }
            }.start();
            started.complete(console);
        });
        TrackerConsole console = started.get();
        Supplier<EngineSnapshot> snapshots = () -> console.session().engine().latestSnapshot();
        // the presenter's way: the controls (the slider, Ctrl+Up), on the FX thread
        DoubleConsumer rate =
                r -> Platform.runLater(() -> console.model().controls().setRate(r));
        Phases phases = new Phases("console", snapshots, rate, o.seconds, o.warmUp, pulses);
        new CountDownLatch(1).await(5, TimeUnit.SECONDS);
        awaitStreaming(snapshots);
        // the engine streams before the tile shows it: the figure is the tile's
        if (!pulses.firstCountedOnScreen.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no event counted on screen within 60 s");
        }
        result("console.first-event-s", String.format(Locale.US, "%.2f", (pulses.firstCounted - launch) / 1e9));
        if (o.alternations > 0) {
            new ViewAlternation(console, phases, o.max > 0 ? o.max : o.rate, o.seconds, o.alternations).run();
            console.shutdown(0).get(30, TimeUnit.SECONDS);
            return;
        }
        if (o.runs("rate")) {
            phases.steady("rate", o.rate);
        }
        if (o.runs("max")) {
            phases.steady("max", o.max);
        }
        if (o.runs("ramp")) {
            phases.ramp();
        }
        if (o.only.contains("whatif")) {
            new WhatIfReplayPhase(console, phases, o.max > 0 ? o.max : o.rate, o.seconds).run();
        }
        histogram();
        console.shutdown(0).get(30, TimeUnit.SECONDS);
    }

    private static void awaitStreaming(Supplier<EngineSnapshot> snapshots) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < until) {
            EngineSnapshot s = snapshots.get();
            if (s != null && s.analyticsConsumer().processed() > 0) {
                return;
            }
            new CountDownLatch(1).await(200, TimeUnit.MILLISECONDS);
        }
    }

    /** What holds the heap: the top of the JVM's class histogram (a full GC first, as jcmd does). */
    private static void histogram() {
        try {
            String text = (String) ManagementFactory.getPlatformMBeanServer()
                    .invoke(
                            new ObjectName("com.sun.management:type=DiagnosticCommand"),
                            "gcClassHistogram",
                            new Object[] {new String[0]},
                            new String[] {String[].class.getName()});
            System.out.println("[histogram] the console's JVM after the run, top 25:");
            text.lines().limit(28).forEach(l -> System.out.println("  " + l));
        } catch (Exception e) {
            System.out.println("[histogram] unavailable: " + e);
        }
    }

    // ---- phases shared by both ------------------------------------------------------------------

    /** The same phases, measured the same way, for the engine alone and for the console. */
    static final class Phases {
        private final String who;
        private final Supplier<EngineSnapshot> snapshots;
        private final DoubleConsumer setRate;
        private final int seconds;
        private final int warmUp;
        private final Pulses pulses; // null without the console

        Phases(
                String who,
                Supplier<EngineSnapshot> snapshots,
                DoubleConsumer setRate,
                int seconds,
                int warmUp,
                Pulses pulses) {
            this.who = who;
            this.snapshots = snapshots;
            this.setRate = setRate;
            this.seconds = seconds;
            this.warmUp = warmUp;
            this.pulses = pulses;
        }

        void steady(String phase, double rate) throws InterruptedException {
            warmUpAt(rate);
            measure(phase);
        }

        /** Sets the rate, waits for the consumers to catch up, then for the warm-up. */
        void warmUpAt(double rate) throws InterruptedException {
            setRate.accept(rate);
            settle(rate);
            sleep(warmUp * 1000L);
        }

        /** 10/s until the backlog is gone, then doubled ten times; measures the 30 s after. */
        void ramp() throws InterruptedException {
            setRate.accept(RAMP_FROM);
            settle(RAMP_FROM);
            sleep(warmUp * 1000L);
            for (double r : RAMP) {
                setRate.accept(r);
                sleep(RAMP_STEP_MILLIS);
            }
            measureFor("ramp", 30);
        }

        /** The rate the consumers sustain when pushed, in whole thousands at 90 % of it. */
        double probe() throws InterruptedException {
            setRate.accept(RateScale.MAX_RATE);
            sleep(10_000);
            EngineSnapshot a = snapshots.get();
            long t0 = System.nanoTime();
            sleep(10_000);
            EngineSnapshot b = snapshots.get();
            double secs = (System.nanoTime() - t0) / 1e9;
            double sustained = Math.min(
                    Math.min(
                            b.analyticsConsumer().processed()
                                    - a.analyticsConsumer().processed(),
                            b.fraudConsumer().processed() - a.fraudConsumer().processed()),
                    b.producer().delivered() - a.producer().delivered());
            sustained /= secs;
            System.out.printf(Locale.US, "[%s] probe: consumers sustained %.0f/s%n", who, sustained);
            return Math.max(1000, Math.floor(sustained * 0.9 / 1000) * 1000);
        }

        /** Waits (up to a minute) for the consumers to catch up after a rate change. */
        private void settle(double rate) throws InterruptedException {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            sleep(2000);
            while (System.nanoTime() < until) {
                EngineSnapshot s = snapshots.get();
                if (s != null
                        && Math.max(
                                        s.analyticsConsumer().lagRecords(),
                                        s.fraudConsumer().lagRecords())
                                <= Math.max(1000, rate / 2)) {
                    return;
                }
                sleep(500);
            }
        }

        private void measure(String phase) throws InterruptedException {
            measureFor(phase, seconds);
        }

        /** Measures one phase of {@code forSeconds}, prints its results and returns its figures. */
        Figures measureFor(String phase, int forSeconds) throws InterruptedException {
            List<Double> p50 = new ArrayList<>();
            List<Double> p99 = new ArrayList<>();
            double worstLag = 0;
            long maxHeap = 0;
            EngineSnapshot first = snapshots.get();
            long fxCpu = pulses == null ? 0 : pulses.fxCpuNanos();
            long renderCpu = pulses == null ? 0 : KafkaViewBenchmark.renderCpu();
            long start = System.nanoTime();
            long end = start + TimeUnit.SECONDS.toNanos(forSeconds);
            long nextSample = start + TimeUnit.SECONDS.toNanos(1);
            while (System.nanoTime() < end) {
                sleep(250);
                maxHeap = Math.max(maxHeap, heapUsed());
                if (System.nanoTime() >= nextSample) {
                    nextSample += TimeUnit.SECONDS.toNanos(1);
                    EngineSnapshot s = snapshots.get();
                    p50.add(s.endToEnd().p50Millis());
                    p99.add(s.endToEnd().p99Millis());
                    worstLag = Math.max(
                            worstLag,
                            Math.max(
                                    s.analyticsConsumer().lagSeconds(),
                                    s.fraudConsumer().lagSeconds()));
                }
            }
            long stop = System.nanoTime();
            fxCpu = pulses == null ? 0 : pulses.fxCpuNanos() - fxCpu;
            renderCpu = pulses == null ? 0 : KafkaViewBenchmark.renderCpu() - renderCpu;
            EngineSnapshot last = snapshots.get();
            double achieved = (last.analyticsConsumer().processed()
                            - first.analyticsConsumer().processed())
                    / ((stop - start) / 1e9);
            String key = who + "." + phase + ".";
            result(key + "p50", fmt(median(p50)));
            result(key + "p99", fmt(median(p99)));
            result(key + "worst", fmt(Collections.max(p99)));
            result(key + "achieved", String.format(Locale.US, "%.0f", achieved));
            result(key + "lag", String.format(Locale.US, "%.2f", worstLag));
            Gaps gaps = pulses == null ? null : pulses.between(start, stop);
            double fxPerSecond = fxCpu / 1e6 / ((stop - start) / 1e9);
            double renderPerSecond = renderCpu / 1e6 / ((stop - start) / 1e9);
            if (pulses != null) {
                result(
                        key + "pulses",
                        gaps
                                + String.format(
                                        Locale.US,
                                        ", FX thread CPU %.0f ms/s, renderer %.0f ms/s",
                                        fxPerSecond,
                                        renderPerSecond));
                System.gc();
                result(key + "heap", String.format(Locale.US, "%d MB, %d MB", maxHeap >> 20, heapUsed() >> 20));
            }
            return new Figures(median(p99), achieved, gaps, fxPerSecond, renderPerSecond);
        }

        static void sleep(long millis) throws InterruptedException {
            new CountDownLatch(1).await(millis, TimeUnit.MILLISECONDS);
        }
    }

    /** One measured phase of the console: its end-to-end p99 (median of the seconds), rate, pulses and CPU. */
    record Figures(double p99Millis, double achieved, Gaps gaps, double fxMsPerSecond, double renderMsPerSecond) {}

    /** The FX pulses of a phase: how many, how many came over 50 ms late (and during a collection), the longest gap. */
    record Gaps(long count, long late, long lateDuringGc, double longestMillis, List<String> lateGapsAndFxCpu) {
        @Override
        public String toString() {
            return String.format(
                    Locale.US,
                    "%d, %d (%d during a GC pause), %.0f ms, late gap/FX CPU ms [%s]",
                    count,
                    late,
                    lateDuringGc,
                    longestMillis,
                    String.join(" ", lateGapsAndFxCpu));
        }
    }

    /** Every FX pulse's time, noted by an animation timer on the FX thread. */
    private static final class Pulses {
        private final List<Long> times = new ArrayList<>(1 << 16);
        /** The FX thread's CPU time at each pulse: in a late one, its own work or a wait for others. */
        private final List<Long> fxCpu = new ArrayList<>(1 << 16);

        private final long nanoAtStart = System.nanoTime();
        private final long epochMillisAtStart = System.currentTimeMillis();

        private final GcPauses gc = new GcPauses();
        private volatile long firstCounted;
        private final CountDownLatch firstCountedOnScreen = new CountDownLatch(1);
        private volatile long fxThreadId = -1;

        /** The FX thread's CPU time so far (its own, whatever the load of the machine), in nanoseconds. */
        long fxCpuNanos() {
            return fxThreadId < 0 ? 0 : ManagementFactory.getThreadMXBean().getThreadCpuTime(fxThreadId);
        }

        synchronized void add(long now, long fxCpuNow) {
            times.add(now);
            fxCpu.add(fxCpuNow);
        }

        /**
         * "count, pulses over 50 ms (of which during a collection), longest gap, the FX thread's CPU in
         * the late ones" between two times (System.nanoTime, as the timer's). A late pulse the FX thread
         * was busy for most of is its own work; one it was not is a wait (for the renderer, the scheduler
         * or a collection).
         */
        synchronized Gaps between(long from, long to) {
            long count = 0;
            long over = 0;
            long duringGc = 0;
            long longest = 0;
            List<String> lateGaps = new ArrayList<>();
            for (int i = 1; i < times.size(); i++) {
                long t = times.get(i);
                if (t < from || t > to) {
                    continue;
                }
                long gap = t - times.get(i - 1);
                count++;
                longest = Math.max(longest, gap);
                if (gap > LONG_PULSE_NANOS) {
                    over++;
                    long gapMs = Math.round(gap / 1e6);
                    long fxCpuMs = Math.round((fxCpu.get(i) - fxCpu.get(i - 1)) / 1e6);
                    lateGaps.add(gapMs + "/" + fxCpuMs);
                    // when, on the wall clock, to find the gap in a flight recording of the run
                    System.out.printf(
                            Locale.US,
                            "[late] %s gap %d ms, FX CPU %d ms%n",
                            Instant.ofEpochMilli(epochMillisAtStart + (times.get(i - 1) - nanoAtStart) / 1_000_000),
                            gapMs,
                            fxCpuMs);
                    if (gc.overlaps(times.get(i - 1), t)) {
                        duringGc++;
                    }
                }
            }
            return new Gaps(count, over, duringGc, longest / 1e6, lateGaps);
        }
    }

    /** The JVM's stop-the-world collections, as System.nanoTime intervals (millisecond precision). */
    private static final class GcPauses {
        private final List<long[]> pauses = new ArrayList<>();
        private final long jvmStartNanos = System.nanoTime()
                - TimeUnit.MILLISECONDS.toNanos(
                        ManagementFactory.getRuntimeMXBean().getUptime());

        GcPauses() {
            for (var bean : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (bean instanceof javax.management.NotificationEmitter emitter) {
                    emitter.addNotificationListener(
                            (n, handback) -> {
                                if (n.getType()
                                        .equals(
                                                com.sun.management.GarbageCollectionNotificationInfo
                                                        .GARBAGE_COLLECTION_NOTIFICATION)) {
                                    var info = com.sun.management.GarbageCollectionNotificationInfo.from(
                                            (javax.management.openmbean.CompositeData) n.getUserData());
                                    // G1's young and full collections stop the world for their whole span
                                    long start = jvmStartNanos
                                            + TimeUnit.MILLISECONDS.toNanos(
                                                    info.getGcInfo().getStartTime());
                                    long end = jvmStartNanos
                                            + TimeUnit.MILLISECONDS.toNanos(
                                                    info.getGcInfo().getEndTime() + 1);
                                    synchronized (pauses) {
                                        pauses.add(new long[] {start, end});
                                    }
                                }
                            },
                            null,
                            null);
                }
            }
        }

        boolean overlaps(long from, long to) {
            synchronized (pauses) {
                for (long[] p : pauses) {
                    if (p[0] < to && p[1] > from) {
                        return true;
                    }
                }
                return false;
            }
        }
    }

    // ---- helpers --------------------------------------------------------------------------------

    private record Options(
            int seconds,
            double rate,
            double max,
            boolean jfr,
            boolean kafkaView,
            boolean desktop,
            String phase,
            List<String> only,
            int warmUp,
            int alternations) {
        boolean runs(String step) {
            return only.isEmpty() || only.contains(step);
        }

        static Options parse(String[] args) {
            List<String> positional = new ArrayList<>();
            List<String> only = List.of();
            double max = 0;
            boolean jfr = false;
            boolean kafkaView = false;
            boolean desktop = false;
            String phase = null;
            int warmUp = 15;
            int alternations = 0;
            for (String a : args) {
                if (a.startsWith("--max=")) {
                    max = Double.parseDouble(a.substring(6));
                } else if (a.equals("--jfr")) {
                    jfr = true;
                } else if (a.equals("--kafka-view")) {
                    kafkaView = true;
                } else if (a.equals("--desktop")) {
                    desktop = true;
                } else if (a.startsWith("--only=")) {
                    only = List.of(a.substring(7).split(","));
                } else if (a.startsWith("--warm-up=")) {
                    warmUp = Integer.parseInt(a.substring(10));
                } else if (a.startsWith("--alternate-view=")) {
                    alternations = Integer.parseInt(a.substring(17));
                } else if (a.startsWith("--phase=")) {
                    phase = a.substring(8);
                } else {
                    positional.add(a);
                }
            }
            int seconds = positional.size() > 0 ? Integer.parseInt(positional.get(0)) : 30;
            double rate = positional.size() > 1 ? Double.parseDouble(positional.get(1)) : 20_000;
            return new Options(seconds, rate, max, jfr, kafkaView, desktop, phase, only, warmUp, alternations);
        }
    }

    private static Settings settings(double rate) throws IOException {
        Path work = Files.createTempDirectory("console-bench");
        Map<String, String> v = new HashMap<>(Map.of(
                Settings.DATA_DIR,
                work.resolve("data").toString(),
                Settings.LOG_DIR,
                work.resolve("logs").toString(),
                Settings.EVENTS_PER_SECOND,
                String.valueOf((long) rate)));
        return new SettingsLoader(Map.of(), work, work, "Linux").load(null, v);
    }

    /**
     * The installed app's Java options, as installer/pom.xml gives them to jpackage, and on Linux those its
     * runtime image carries (jlink's add-options) and its console launcher's own, both in the linux profile.
     */
    private static List<String> installedJavaOptions() throws IOException {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path pom = dir.resolve("installer/pom.xml");
            if (Files.exists(pom)) {
                String text = Files.readString(pom);
                Matcher m = Pattern.compile("<jpackage\\.java\\.options>([^<]*)</jpackage\\.java\\.options>")
                        .matcher(text);
                if (m.find()) {
                    List<String> options =
                            new ArrayList<>(List.of(m.group(1).trim().split("\\s+")));
                    if (System.getProperty("os.name").startsWith("Linux")) {
                        Matcher inImage =
                                Pattern.compile("--add-options=([^\\s<]+)").matcher(text);
                        if (inImage.find()) {
                            options.add(inImage.group(1));
                        }
                        // the console launcher's Linux-only options, set in the linux profile (empty elsewhere)
                        Matcher launcher = Pattern.compile(
                                        "<installer\\.platform\\.java\\.options>([^<]+)</installer\\.platform\\.java\\.options>")
                                .matcher(text);
                        while (launcher.find()) {
                            options.addAll(List.of(launcher.group(1).trim().split("\\s+")));
                        }
                    }
                    return options;
                }
            }
        }
        throw new IllegalStateException(
                "installer/pom.xml not found above " + Path.of("").toAbsolutePath());
    }

    private static String uptime() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    static long heapUsed() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return heap.getUsed();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() / 2);
    }

    private static String fmt(double millis) {
        return String.format(Locale.US, "%.1f", millis);
    }

    static void result(String key, String value) {
        System.out.println("[result] " + key + "=" + value);
    }
}
