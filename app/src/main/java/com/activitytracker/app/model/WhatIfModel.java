package com.activitytracker.app.model;

import com.activitytracker.engine.backtest.BacktestCancelledException;
import com.activitytracker.engine.backtest.BacktestOutcome;
import com.activitytracker.engine.backtest.BacktestReport;
import com.activitytracker.engine.backtest.BacktestReportFormat;
import com.activitytracker.engine.backtest.BacktestRequest;
import com.activitytracker.engine.fraud.FraudThresholds;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;

/**
 * "What if…": candidate thresholds edited beside the live ones, replayed over the recent stream
 * before anything is applied. The replay runs on an engine thread; its progress and result come back
 * through {@code ui} (the FX thread in the app), a handful of times a second at most.
 */
public final class WhatIfModel {
    private final EngineCommands engine;
    private final ThresholdsModel live;
    private final Executor ui;
    private final ThresholdsForm candidate;
    private final ObjectProperty<Integer> spanMinutes = new SimpleObjectProperty<>(60);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyListWrapper<WhatIfRow> rows = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final ReadOnlyListWrapper<String> findings = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final ReadOnlyBooleanWrapper hasResult = new ReadOnlyBooleanWrapper();
    private CompletableFuture<BacktestReport> current;
    private FraudThresholds compared;

    public WhatIfModel(EngineCommands engine, ThresholdsModel live, Executor ui) {
        this.engine = Objects.requireNonNull(engine);
        this.live = Objects.requireNonNull(live);
        this.ui = Objects.requireNonNull(ui);
        this.candidate = new ThresholdsForm(engine.thresholds());
        // an edit after a comparison: "apply" must not apply values nobody has seen compared
        candidate.all().forEach(p -> p.addListener((obs, old, value) -> hasResult.set(false)));
    }

    // ---- Properties ----------------------------------------------------------------------------

    /** The candidate thresholds being edited. */
    public ThresholdsForm candidate() {
        return candidate;
    }

    /** How many minutes of the recent stream to replay. */
    public ObjectProperty<Integer> spanMinutesProperty() {
        return spanMinutes;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** From 0 to 1 while running; -1 until the number of records to read is known. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** What the replay read and how fast, once done. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Alerts per rule and the totals, live beside candidate. */
    public ReadOnlyListProperty<WhatIfRow> rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    /** The sentences a presenter reads out: attacks caught, ordinary users flagged, who changes. */
    public ReadOnlyListProperty<String> findingsProperty() {
        return findings.getReadOnlyProperty();
    }

    /** True once a comparison is shown for the candidate as it is now (so "apply" means what was shown). */
    public ReadOnlyBooleanProperty hasResultProperty() {
        return hasResult.getReadOnlyProperty();
    }

    // ---- Commands ------------------------------------------------------------------------------

    /** Starts from the live thresholds and a span covering the longest rule window. */
    public void open() {
        cancel();
        FraudThresholds t = engine.thresholds();
        candidate.load(t);
        spanMinutes.set((int) Math.max(1, BacktestRequest.defaultSpan(t, t).toMinutes()));
        clear();
    }

    /** Replays the recent stream through the candidate; a run under way is replaced. */
    public void run() {
        FraudThresholds t;
        try {
            t = candidate.toThresholds();
            if (spanMinutes.get() == null || spanMinutes.get() < 1) {
                throw new IllegalArgumentException("The span to replay needs at least 1 minute");
            }
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return;
        }
        cancel();
        clear();
        running.set(true);
        progress.set(-1);
        status.set("Replaying the last " + spanMinutes.get() + " min…");
        CompletableFuture<BacktestReport> run;
        try {
            run = engine.whatIf(
                    t, Duration.ofMinutes(spanMinutes.get()), (read, total) -> ui.execute(() -> progress(read, total)));
        } catch (IllegalStateException e) {
            running.set(false);
            status.set("");
            error.set("The engine is not streaming yet: " + e.getMessage());
            return;
        }
        current = run;
        run.whenComplete((report, failure) -> ui.execute(() -> finished(run, t, report, failure)));
    }

    /** Stops a replay under way. */
    public void cancel() {
        CompletableFuture<BacktestReport> run = current;
        if (run != null) {
            current = null; // first: the cancellation's own callback must find the run replaced
            run.cancel(true);
            running.set(false);
            status.set("Cancelled");
        }
    }

    /** Makes the compared candidate the live thresholds. */
    public void applyCandidate() {
        if (compared == null) {
            return;
        }
        engine.updateThresholds(compared);
        live.load(compared);
        status.set("Applied: these thresholds are live now");
    }

    // ---- Engine thread results (through `ui`) ---------------------------------------------------

    private void progress(long read, long total) {
        if (running.get()) {
            progress.set(total <= 0 ? -1 : Math.min(1.0, read / (double) total));
        }
    }

    private void finished(
            CompletableFuture<BacktestReport> run, FraudThresholds t, BacktestReport report, Throwable failure) {
        if (run != current) {
            return; // replaced or cancelled meanwhile
        }
        current = null;
        running.set(false);
        progress.set(1);
        Throwable cause = Failures.cause(failure);
        if (cause != null) {
            status.set("");
            if (!(cause instanceof BacktestCancelledException || cause instanceof CancellationException)) {
                error.set("The replay failed: " + cause.getMessage());
            }
            return;
        }
        show(report);
        compared = t;
        hasResult.set(true);
    }

    private void show(BacktestReport r) {
        status.set(Formats.count(r.recordsRead()) + " events replayed in " + Formats.duration(r.elapsed())
                + (r.invalidRecords() == 0 ? "" : " (" + Formats.count(r.invalidRecords()) + " invalid skipped)"));
        List<WhatIfRow> table = new ArrayList<>();
        long max = 1;
        for (String rule : r.rules()) {
            max = Math.max(max, Math.max(r.live().alerts(rule), r.candidate().alerts(rule)));
        }
        for (String rule : r.rules()) {
            long a = r.live().alerts(rule);
            long b = r.candidate().alerts(rule);
            table.add(WhatIfRow.rule(rule, a, b, max));
        }
        table.add(WhatIfRow.total(
                "All alerts", r.live().alertsTotal(), r.candidate().alertsTotal()));
        table.add(WhatIfRow.total(
                "Users flagged", r.live().usersFlagged(), r.candidate().usersFlagged()));
        rows.setAll(table);
        findings.setAll(findings(r));
    }

    private static List<String> findings(BacktestReport r) {
        List<String> lines = new ArrayList<>();
        BacktestOutcome a = r.live();
        BacktestOutcome b = r.candidate();
        if (r.attacksInSpan() > 0) {
            String missed = b.attacksMissed().isEmpty() ? "" : "; misses " + String.join(", ", b.attacksMissed());
            lines.add("Injected attacks caught: " + a.attacksCaught() + " of " + r.attacksInSpan() + " live, "
                    + b.attacksCaught() + " with the candidate" + missed);
        } else {
            lines.add("No attack was injected in this span: inject one to see what the candidate would catch");
        }
        lines.add("Ordinary users flagged: " + a.ordinaryUsersFlagged().orElse(0) + " live, "
                + b.ordinaryUsersFlagged().orElse(0) + " with the candidate");
        lines.add(users("Newly flagged", r.newlyFlagged()));
        lines.add(users("No longer flagged", r.noLongerFlagged()));
        if (r.limit().forgotAny()) {
            lines.add(BacktestReportFormat.memoryNote(r.limit()));
        }
        return lines;
    }

    private static String users(String title, List<String> users) {
        if (users.isEmpty()) {
            return title + ": nobody";
        }
        List<String> shown = users.subList(0, Math.min(3, users.size()));
        String more = users.size() > shown.size() ? " and " + Formats.count(users.size() - shown.size()) + " more" : "";
        return title + ": " + Formats.count(users.size(), "user") + " (" + String.join(", ", shown) + more + ")";
    }

    private void clear() {
        error.set("");
        rows.clear();
        findings.clear();
        hasResult.set(false);
        compared = null;
        progress.set(0);
    }
}
