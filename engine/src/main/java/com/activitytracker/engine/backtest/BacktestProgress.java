package com.activitytracker.engine.backtest;

/** Told now and then how far a backtest has read; called on the backtest's own thread. */
@FunctionalInterface
public interface BacktestProgress {
    BacktestProgress NONE = (read, total) -> {};

    /**
     * @param read  records read so far
     * @param total records the backtest will read in all (known once it has found the span's offsets)
     */
    void onProgress(long read, long total);
}
