package com.activitytracker.app.bench;

import com.activitytracker.app.TrackerConsole;
import com.activitytracker.app.bench.ConsoleBenchmark.Figures;
import com.activitytracker.app.bench.ConsoleBenchmark.Phases;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import javafx.application.Platform;

/**
 * The Kafka view's cost to the console, measured in one JVM: after the warm-up at the rate, periods with
 * the view closed and open alternate, in pairs whose order flips each time (closed-open, open-closed, …)
 * so a drift of the machine's load or of the JIT compilers weighs on both sides alike. Separate JVMs, one
 * per side, differ by more than the view costs (each compiles and collects on its own schedule); periods of
 * one JVM compare the view alone. Each toggle is followed by a few unmeasured seconds (the reader's
 * consumer joining, the window's first drawing), then the period is measured as a phase of
 * {@link ConsoleBenchmark}.
 */
final class ViewAlternation {
    /** After each toggle, before measuring: the view's reader starts, or its consumer closes. */
    private static final long SETTLE_MILLIS = 3_000;

    private final TrackerConsole console;
    private final Phases phases;
    private final double rate;
    private final int seconds;
    private final int pairs;

    ViewAlternation(TrackerConsole console, Phases phases, double rate, int seconds, int pairs) {
        this.console = console;
        this.phases = phases;
        this.rate = rate;
        this.seconds = seconds;
        this.pairs = pairs;
    }

    void run() throws Exception {
        phases.warmUpAt(rate);
        List<Figures> closed = new ArrayList<>();
        List<Figures> open = new ArrayList<>();
        for (int pair = 1; pair <= pairs; pair++) {
            boolean openFirst = pair % 2 == 0;
            for (boolean viewOpen : openFirst ? new boolean[] {true, false} : new boolean[] {false, true}) {
                show(viewOpen);
                Phases.sleep(SETTLE_MILLIS);
                Figures f = phases.measureFor((viewOpen ? "open-" : "closed-") + pair, seconds);
                (viewOpen ? open : closed).add(f);
            }
        }
        show(false);
        print(closed, open);
    }

    private void show(boolean viewOpen) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            if (viewOpen) {
                console.openKafkaView();
            } else if (console.kafkaViewWindow() != null) {
                console.kafkaViewWindow().close();
            }
            done.complete(null);
        });
        done.get(10, TimeUnit.SECONDS);
    }

    private void print(List<Figures> closed, List<Figures> open) {
        System.out.println();
        System.out.printf(
                Locale.US,
                "[alternation] %d pairs of %d-s periods at %,.0f/s, the view closed and open in one JVM%n",
                pairs,
                seconds,
                rate);
        System.out.println(
                "| pair | closed: late pulses (during GC), longest ms, FX / renderer ms/s, p99 ms, achieved/s"
                        + " | open: the same |");
        System.out.println("|---|---|---|");
        for (int i = 0; i < pairs; i++) {
            System.out.printf(
                    Locale.US,
                    "| %d%s | %s | %s |%n",
                    i + 1,
                    i % 2 == 1 ? " (open first)" : "",
                    row(closed.get(i)),
                    row(open.get(i)));
        }
        System.out.printf(Locale.US, "| all | %s | %s |%n", summary(closed), summary(open));
        long openWorse = 0;
        long closedWorse = 0;
        for (int i = 0; i < pairs; i++) {
            long c = closed.get(i).gaps().late();
            long o = open.get(i).gaps().late();
            openWorse += o > c ? 1 : 0;
            closedWorse += c > o ? 1 : 0;
        }
        System.out.printf(
                Locale.US,
                "[alternation] pairs with more late pulses: open %d, closed %d, equal %d%n",
                openWorse,
                closedWorse,
                pairs - openWorse - closedWorse);
    }

    private static String row(Figures f) {
        return String.format(
                Locale.US,
                "%d (%d), %.0f, %.0f / %.0f, %.0f, %,.0f",
                f.gaps().late(),
                f.gaps().lateDuringGc(),
                f.gaps().longestMillis(),
                f.fxMsPerSecond(),
                f.renderMsPerSecond(),
                f.p99Millis(),
                f.achieved());
    }

    /** Late pulses in all periods (median per period), the longest gap, and the medians of the rest. */
    private static String summary(List<Figures> periods) {
        long late = periods.stream().mapToLong(f -> f.gaps().late()).sum();
        long duringGc = periods.stream().mapToLong(f -> f.gaps().lateDuringGc()).sum();
        double longest = periods.stream()
                .mapToDouble(f -> f.gaps().longestMillis())
                .max()
                .orElse(Double.NaN);
        return String.format(
                Locale.US,
                "%d in all (%d), median %.1f; longest %.0f; medians %.0f / %.0f, %.0f, %,.0f",
                late,
                duringGc,
                median(periods, f -> f.gaps().late()),
                longest,
                median(periods, Figures::fxMsPerSecond),
                median(periods, Figures::renderMsPerSecond),
                median(periods, Figures::p99Millis),
                median(periods, Figures::achieved));
    }

    private static double median(List<Figures> periods, ToDoubleFunction<Figures> value) {
        List<Double> sorted = new ArrayList<>();
        periods.forEach(f -> sorted.add(value.applyAsDouble(f)));
        Collections.sort(sorted);
        int n = sorted.size();
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
