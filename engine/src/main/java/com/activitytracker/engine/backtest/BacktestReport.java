package com.activitytracker.engine.backtest;

import com.activitytracker.engine.fraud.FraudThresholds;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The live and candidate thresholds side by side over the same replayed span.
 *
 * @param from            event time the replay started at
 * @param to              when the replay started: records written after it are not read
 * @param recordsRead     records read from the activities topic
 * @param invalidRecords  records that break the contract (skipped; the live consumers sent them to the DLQ)
 * @param rules           rule names, in the detector's order
 * @param attacksInSpan   injected attacks whose events fall in the span (0 when the ground truth is unknown)
 * @param newlyFlagged    users the candidate flags and the live thresholds do not, sorted
 * @param noLongerFlagged users the live thresholds flag and the candidate does not, sorted
 * @param limit           how many users each side could keep, and how many it had to forget
 * @param elapsed         how long the replay took
 */
public record BacktestReport(
        Instant from,
        Instant to,
        long recordsRead,
        long invalidRecords,
        List<String> rules,
        FraudThresholds liveThresholds,
        FraudThresholds candidateThresholds,
        BacktestOutcome live,
        BacktestOutcome candidate,
        boolean groundTruthKnown,
        int attacksInSpan,
        List<String> newlyFlagged,
        List<String> noLongerFlagged,
        ReplayLimit limit,
        Duration elapsed) {

    public BacktestReport {
        rules = List.copyOf(rules);
        newlyFlagged = List.copyOf(newlyFlagged);
        noLongerFlagged = List.copyOf(noLongerFlagged);
    }

    /** Records replayed per second of the replay. */
    public double recordsPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : recordsRead / seconds;
    }
}
