package com.activitytracker.engine.backtest;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One backtest on a thread of its own, so a console can start it, show its progress and cancel it.
 * The thread is created here and ended here: {@link #close()} cancels and waits for it.
 */
public final class BacktestRun implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BacktestRun.class);

    private final CompletableFuture<BacktestReport> result = new CompletableFuture<>();
    private final Thread thread;
    private volatile boolean cancelled;

    private BacktestRun(Backtest backtest, BacktestRequest request, BacktestProgress progress) {
        thread = new Thread(() -> run(backtest, request, progress), "fraud-backtest");
        thread.setDaemon(true);
        // a replay asked for from a window: the live stream and the window drawing it come first
        thread.setPriority(Thread.MIN_PRIORITY);
    }

    /** Starts the replay at once; its outcome (or failure, or cancellation) completes {@link #result()}. */
    public static BacktestRun start(Backtest backtest, BacktestRequest request, BacktestProgress progress) {
        BacktestRun run = new BacktestRun(
                Objects.requireNonNull(backtest), Objects.requireNonNull(request), Objects.requireNonNull(progress));
        run.thread.start();
        return run;
    }

    public CompletableFuture<BacktestReport> result() {
        return result;
    }

    /** Asks the replay to stop; the result then completes with {@link BacktestCancelledException}. */
    public void cancel() {
        cancelled = true;
    }

    @Override
    public void close() {
        cancel();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run(Backtest backtest, BacktestRequest request, BacktestProgress progress) {
        try {
            BacktestReport report = backtest.run(request, progress, () -> cancelled);
            log.info(
                    "Backtest done: {} records in {} ms, live {} alerts, candidate {} alerts",
                    report.recordsRead(),
                    report.elapsed().toMillis(),
                    report.live().alertsTotal(),
                    report.candidate().alertsTotal());
            result.complete(report);
        } catch (RuntimeException e) {
            if (!(e instanceof BacktestCancelledException)) {
                log.warn("Backtest failed: {}", e.getMessage(), e);
            }
            result.completeExceptionally(e);
        }
    }
}
