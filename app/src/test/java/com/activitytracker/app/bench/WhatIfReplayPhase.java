package com.activitytracker.app.bench;

import com.activitytracker.app.TrackerConsole;
import com.activitytracker.app.bench.ConsoleBenchmark.Phases;
import com.activitytracker.app.model.WhatIfModel;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/**
 * The what-if replay at the top rate, as a presenter would start it: the default span (the longest rule
 * window, so everything the run has written so far) replayed beside the live engine. The first
 * {@code seconds} of it are measured as a phase of {@link ConsoleBenchmark} (what the live side shows
 * meanwhile); then it is followed to its end, with the heap's largest use, and its result is printed:
 * how long it took, the users each side kept and forgot, or the error that stopped it.
 */
final class WhatIfReplayPhase {
    /** A replay still running after this long is reported as such and stopped. */
    private static final long LIMIT_MINUTES = 15;

    private final TrackerConsole console;
    private final Phases phases;
    private final double rate;
    private final int seconds;

    WhatIfReplayPhase(TrackerConsole console, Phases phases, double rate, int seconds) {
        this.console = console;
        this.phases = phases;
        this.rate = rate;
        this.seconds = seconds;
    }

    void run() throws Exception {
        phases.warmUpAt(rate);
        WhatIfModel model = console.whatIf();
        CountDownLatch over = new CountDownLatch(1);
        long start = System.nanoTime();
        Platform.runLater(() -> {
            model.open();
            model.runningProperty().addListener((value, was, now) -> {
                if (!now) {
                    over.countDown();
                }
            });
            model.run();
        });
        phases.measureFor("whatif", seconds);
        long maxHeap = 0;
        long limit = start + TimeUnit.MINUTES.toNanos(LIMIT_MINUTES);
        while (!over.await(250, TimeUnit.MILLISECONDS) && System.nanoTime() < limit) {
            maxHeap = Math.max(maxHeap, ConsoleBenchmark.heapUsed());
        }
        boolean finished = over.getCount() == 0;
        ConsoleBenchmark.result(
                "console.whatif.replay-s", String.format(Locale.US, "%.1f", (System.nanoTime() - start) / 1e9));
        ConsoleBenchmark.result(
                "console.whatif.replay-heap", (maxHeap >> 20) + " MB" + (finished ? "" : " (still running: stopped)"));
        CompletableFuture<List<String>> shown = new CompletableFuture<>();
        Platform.runLater(() -> {
            if (!finished) {
                model.cancel();
            }
            shown.complete(List.of(
                    model.statusProperty().get(),
                    model.errorProperty().get(),
                    String.join(" | ", model.findingsProperty())));
        });
        List<String> lines = shown.get(10, TimeUnit.SECONDS);
        ConsoleBenchmark.result("console.whatif.status", lines.get(0));
        ConsoleBenchmark.result("console.whatif.error", lines.get(1));
        ConsoleBenchmark.result("console.whatif.findings", lines.get(2));
    }
}
