package com.activitytracker.engine.cli;

import com.activitytracker.engine.Engine;
import com.activitytracker.engine.EngineSnapshot;
import com.activitytracker.engine.ScoreboardEntry;
import com.activitytracker.engine.config.Settings;
import com.activitytracker.engine.config.SettingsLoader;
import com.activitytracker.engine.generator.Scenario;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Proves an installation works without a display: a throwaway embedded broker, a few thousand events
 * through producer, analytics and fraud detection, one attack of each kind, and a check that
 * everything arrived and was caught.
 */
@Command(
        name = "self-test",
        mixinStandardHelpOptions = true,
        description =
                "Start a throwaway embedded broker, stream a few thousand events through producer, analytics and fraud, check them, exit 0 when all is well.")
final class SelfTestCommand extends SettingsCommand {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Option(
            names = "--events",
            paramLabel = "N",
            defaultValue = "3000",
            description = "ordinary events to stream (default ${DEFAULT-VALUE})")
    long events;

    @Override
    protected void addOverrides(Map<String, String> overrides) {
        // the self-test ignores the user's cluster settings: it proves the bundled runtime on its own
    }

    @Override
    protected Path envFile() {
        return null;
    }

    @Override
    public Integer call() throws Exception {
        PrintStream out = out();
        Path work = Files.createTempDirectory("activity-tracker-self-test");
        try {
            Map<String, String> v = new HashMap<>();
            v.put(Settings.DATA_DIR, work.resolve("data").toString());
            v.put(Settings.LOG_DIR, work.resolve("logs").toString());
            // slow enough that every attack (each plays out within ~1.5 s) is sent before the last ordinary event
            v.put(Settings.EVENTS_PER_SECOND, "1000");
            v.put(Settings.STATS_INTERVAL, "1000000");
            Settings settings =
                    new SettingsLoader(Map.of(), work, work, System.getProperty("os.name", "")).load(null, v);
            long t0 = System.nanoTime();
            try (Engine engine = new Engine(settings, Clock.systemUTC(), new SimpleMeterRegistry(), 42)) {
                engine.limitEvents(events);
                engine.startAndAwait(TIMEOUT);
                out.printf(
                        "✅ embedded Kafka broker started at %s%n",
                        engine.effectiveSettings().bootstrapServers().orElseThrow());
                for (Scenario s : Scenario.values()) {
                    engine.inject(s);
                }
                engine.awaitProducerFinished(TIMEOUT);
                EngineSnapshot s = engine.drain(TIMEOUT);
                return report(out, s, Duration.ofNanos(System.nanoTime() - t0));
            }
        } finally {
            deleteQuietly(work);
        }
    }

    private static int report(PrintStream out, EngineSnapshot s, Duration took) {
        long delivered = s.producer().delivered();
        boolean produced = s.producer().failed() == 0 && delivered > 0;
        boolean analysed = s.analytics().eventsTotal() == delivered;
        boolean checked = s.fraudEventsChecked() == delivered;
        long caught = s.scoreboard().stream().filter(ScoreboardEntry::caught).count();
        boolean detected = caught == Scenario.values().length;
        out.printf(
                Locale.US,
                "%s producer: %d delivered, %d failed%n",
                mark(produced),
                delivered,
                s.producer().failed());
        out.printf(
                Locale.US,
                "%s analytics: %d of %d events counted%n",
                mark(analysed),
                s.analytics().eventsTotal(),
                delivered);
        out.printf(
                Locale.US,
                "%s fraud detection: %d of %d events checked%n",
                mark(checked),
                s.fraudEventsChecked(),
                delivered);
        out.printf(Locale.US, "%s attacks caught: %d of %d%n", mark(detected), caught, Scenario.values().length);
        boolean ok = produced && analysed && checked && detected;
        out.printf(
                Locale.US, "%s self-test %s in %.1f s%n", mark(ok), ok ? "passed" : "FAILED", took.toMillis() / 1000.0);
        return ok ? 0 : 1;
    }

    private static String mark(boolean ok) {
        return ok ? "✅" : "❌";
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
    }
}
