package com.activitytracker.engine.backtest;

import com.activitytracker.engine.fraud.FraudThresholds;
import com.activitytracker.engine.generator.InjectedScenario;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What to compare: the thresholds in force, the candidate ones, how far back to replay, and the
 * attacks known to have been injected.
 *
 * @param span             how much event time to replay, ending now; at most what the topic still retains
 * @param groundTruth      the attacks injected by whoever asks (the engine knows what it injected)
 * @param groundTruthKnown false when the caller cannot know (a separate process replaying a topic):
 *                         then no user can be told apart as ordinary or attacker
 */
public record BacktestRequest(
        FraudThresholds live,
        FraudThresholds candidate,
        Duration span,
        List<InjectedScenario> groundTruth,
        boolean groundTruthKnown) {

    /** Longest span accepted: the longest window a rule may have. */
    public static final Duration MAX_SPAN = FraudThresholds.MAX_WINDOW;

    public BacktestRequest {
        Objects.requireNonNull(live, "live");
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(span, "span");
        if (span.isNegative() || span.isZero() || span.compareTo(MAX_SPAN) > 0) {
            throw new IllegalArgumentException("the span to replay must be from 1 s to " + MAX_SPAN.toDays() + " days");
        }
        groundTruth = List.copyOf(groundTruth);
    }

    /** A request from one who injected {@code groundTruth} (possibly nothing) and so knows every attack. */
    public static BacktestRequest withGroundTruth(
            FraudThresholds live, FraudThresholds candidate, Duration span, List<InjectedScenario> groundTruth) {
        return new BacktestRequest(live, candidate, span, groundTruth, true);
    }

    /** A request from one who does not know which users were attackers. */
    public static BacktestRequest withoutGroundTruth(FraudThresholds live, FraudThresholds candidate, Duration span) {
        return new BacktestRequest(live, candidate, span, List.of(), false);
    }

    /** The default span: the longest window either set of thresholds looks back over. */
    public static Duration defaultSpan(FraudThresholds live, FraudThresholds candidate) {
        Duration a = live.longestWindow();
        Duration b = candidate.longestWindow();
        return a.compareTo(b) >= 0 ? a : b;
    }
}
