package com.activitytracker.app.model;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A chart series that keeps only its recent past: points older than the window before the newest are
 * dropped, and never more than {@code maxPoints}, so a chart costs the same after an hour as after a minute.
 */
public final class SlidingSeries {
    private final String name;
    private final double windowSeconds;
    private final int maxPoints;
    private final ObservableList<ChartPoint> points = FXCollections.observableArrayList();
    private final ObservableList<ChartPoint> readOnly = FXCollections.unmodifiableObservableList(points);

    public SlidingSeries(String name, double windowSeconds, int maxPoints) {
        if (windowSeconds <= 0 || maxPoints < 2) {
            throw new IllegalArgumentException("window and point count must be positive");
        }
        this.name = name;
        this.windowSeconds = windowSeconds;
        this.maxPoints = maxPoints;
    }

    public String name() {
        return name;
    }

    /** The points, oldest first; read-only. */
    public ObservableList<ChartPoint> points() {
        return readOnly;
    }

    public void add(double seconds, double value) {
        points.add(new ChartPoint(seconds, Double.isFinite(value) ? value : 0));
        int stale = 0;
        while (stale < points.size() && points.get(stale).seconds() < seconds - windowSeconds) {
            stale++;
        }
        stale = Math.max(stale, points.size() - maxPoints);
        if (stale > 0) {
            points.remove(0, stale);
        }
    }

    public void clear() {
        points.clear();
    }
}
