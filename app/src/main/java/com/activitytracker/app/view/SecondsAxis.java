package com.activitytracker.app.view;

import com.activitytracker.app.model.ChartPoint;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.chart.NumberAxis;
import javafx.util.StringConverter;

/**
 * A time axis in whole seconds whose tick spacing follows its width: at most one tick per
 * {@value #MIN_TICK_PIXELS} px, on round steps (1, 2, 5, 10, 15, 30 s, ...), so the labels never run
 * into each other on a small screen. Its range follows the points of the series it shows (the newest at
 * the right edge); the chart's own auto-ranging picks fractional steps such as 2.5 whose labels crowd.
 */
final class SecondsAxis {
    static final double MIN_TICK_PIXELS = 56;
    private static final double[] STEPS = {1, 2, 5, 10, 15, 20, 30, 60, 120, 300, 600, 900, 1800, 3600};

    private SecondsAxis() {}

    static NumberAxis following(ObservableList<ChartPoint> points) {
        NumberAxis axis = new NumberAxis();
        axis.setAutoRanging(false);
        // the unit in each label ("60 s") rather than an axis title below them: a title's line is the
        // plot's height on a low window, where three value ticks must still fit beside the plot
        axis.setMinorTickVisible(false);
        axis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                // the axis always marks its two ends; those that are not on a step stay unlabelled
                double steps = n.doubleValue() / axis.getTickUnit();
                return Math.abs(steps - Math.rint(steps)) < 1e-6 ? Math.round(n.doubleValue()) + " s" : "";
            }

            @Override
            public Number fromString(String s) {
                return Double.valueOf(s.replace(" s", ""));
            }
        });
        Runnable update = () -> range(axis, points);
        points.addListener((ListChangeListener<ChartPoint>) c -> update.run());
        axis.widthProperty().addListener((o, was, now) -> update.run());
        update.run();
        return axis;
    }

    private static void range(NumberAxis axis, ObservableList<ChartPoint> points) {
        double first = points.isEmpty() ? 0 : points.get(0).seconds();
        double last = points.isEmpty() ? 10 : points.get(points.size() - 1).seconds();
        double step = step(last - first, axis.getWidth());
        // the axis places its ticks one step apart from its lower bound, so that bound must be a round
        // step; rounded up, the oldest few seconds slide out to the left rather than leave a gap there
        double lower = Math.ceil(first / step) * step;
        if (lower > last - step) {
            lower = Math.floor(first / step) * step;
        }
        double upper = Math.max(last, lower + step);
        // only real changes: each one lays the chart out again
        if (axis.getTickUnit() != step) {
            axis.setTickUnit(step);
        }
        if (axis.getLowerBound() != lower) {
            axis.setLowerBound(lower);
        }
        if (axis.getUpperBound() != upper) {
            axis.setUpperBound(upper);
        }
    }

    /** The smallest round step that keeps ticks at least {@link #MIN_TICK_PIXELS} apart. */
    static double step(double spanSeconds, double widthPixels) {
        double ticks = Math.max(1, Math.floor((widthPixels > 0 ? widthPixels : 300) / MIN_TICK_PIXELS));
        for (double s : STEPS) {
            if (Math.ceil(spanSeconds / s) + 1 <= ticks) {
                return s;
            }
        }
        return STEPS[STEPS.length - 1];
    }
}
