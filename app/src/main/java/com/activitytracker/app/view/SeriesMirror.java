package com.activitytracker.app.view;

import com.activitytracker.app.model.ChartPoint;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;

/**
 * Keeps a chart series equal to a model's point list by applying each change (points appended at the
 * end, old ones dropped at the front) rather than rebuilding the series every tick.
 */
final class SeriesMirror {
    private SeriesMirror() {}

    static XYChart.Series<Number, Number> of(String name, ObservableList<ChartPoint> points) {
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        series.setName(name);
        points.forEach(p -> series.getData().add(data(p)));
        points.addListener((ListChangeListener<ChartPoint>) c -> {
            ObservableList<XYChart.Data<Number, Number>> data = series.getData();
            while (c.next()) {
                if (c.wasPermutated() || c.wasUpdated()) {
                    data.setAll(c.getList().stream().map(SeriesMirror::data).toList());
                    continue;
                }
                if (c.wasRemoved()) {
                    data.remove(c.getFrom(), c.getFrom() + c.getRemovedSize());
                }
                if (c.wasAdded()) {
                    data.addAll(
                            c.getFrom(),
                            c.getAddedSubList().stream().map(SeriesMirror::data).toList());
                }
            }
        });
        return series;
    }

    private static XYChart.Data<Number, Number> data(ChartPoint p) {
        return new XYChart.Data<>(p.seconds(), p.value());
    }
}
