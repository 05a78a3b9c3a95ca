package com.activitytracker.engine.backtest;

import java.io.Serial;

/** Thrown by a backtest that was asked to stop before it finished. */
public final class BacktestCancelledException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    public BacktestCancelledException() {
        super("the backtest was cancelled");
    }
}
