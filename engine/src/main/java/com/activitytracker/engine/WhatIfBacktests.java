package com.activitytracker.engine;

import com.activitytracker.engine.backtest.Backtest;
import com.activitytracker.engine.backtest.BacktestProgress;
import com.activitytracker.engine.backtest.BacktestRequest;
import com.activitytracker.engine.backtest.BacktestRun;
import com.activitytracker.engine.event.ActivityEventCodec;
import com.activitytracker.engine.fraud.FraudThresholds;
import com.activitytracker.engine.generator.InjectedScenario;
import com.activitytracker.engine.kafka.KafkaCluster;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The engine's "what if" backtests: at most one at a time (a new one cancels the one before), each
 * on its own thread with its own group-less reader, all ended when the engine closes.
 */
final class WhatIfBacktests implements AutoCloseable {
    private final Clock clock;
    private BacktestRun current;
    private boolean closed;

    WhatIfBacktests(Clock clock) {
        this.clock = clock;
    }

    synchronized BacktestRun start(
            KafkaCluster cluster,
            FraudThresholds live,
            FraudThresholds candidate,
            Duration span,
            List<InjectedScenario> groundTruth,
            BacktestProgress progress) {
        if (closed || cluster == null) {
            throw new IllegalStateException("the engine is not running");
        }
        if (current != null) {
            current.close();
        }
        Backtest backtest = new Backtest(
                () -> cluster.clients().reader("fraud-backtest"),
                cluster.settings().activitiesTopic(),
                new ActivityEventCodec(),
                clock);
        current = BacktestRun.start(
                backtest, BacktestRequest.withGroundTruth(live, candidate, span, groundTruth), progress);
        return current;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (current != null) {
            current.close();
        }
    }
}
