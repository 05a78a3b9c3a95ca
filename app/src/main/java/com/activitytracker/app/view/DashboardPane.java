package com.activitytracker.app.view;

import com.activitytracker.app.model.AlertFeedModel;
import com.activitytracker.app.model.DashboardModel;
import com.activitytracker.app.model.Formats;
import com.activitytracker.app.model.SlidingSeries;
import com.activitytracker.app.model.TileModel;
import com.activitytracker.engine.fraud.Severity;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.AreaChart;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The middle: headline tiles above four cards (throughput, revenue, event mix, funnel). */
final class DashboardPane {
    private static final int TILE_COLUMNS = 3;
    private final VBox box;

    DashboardPane(DashboardModel dashboard) {
        GridPane tiles = new GridPane();
        tiles.getStyleClass().add("tiles");
        tiles.setId("tiles");
        ColumnConstraints third = new ColumnConstraints();
        third.setPercentWidth(100.0 / TILE_COLUMNS);
        for (int c = 0; c < TILE_COLUMNS; c++) {
            tiles.getColumnConstraints().add(third);
        }
        List<TileModel> all = dashboard.tiles();
        for (int i = 0; i < all.size(); i++) {
            TileModel tile = all.get(i);
            Region view = tile.id().equals("alerts")
                    ? new TileView(tile, severityCounts(dashboard)).node()
                    : new TileView(tile).node();
            view.setMaxWidth(Double.MAX_VALUE);
            tiles.add(view, i % TILE_COLUMNS, i / TILE_COLUMNS);
        }

        GridPane charts = new GridPane();
        charts.getStyleClass().add("chart-grid");
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        charts.getColumnConstraints().addAll(half, half);
        RowConstraints row = new RowConstraints();
        row.setVgrow(Priority.ALWAYS);
        // two rows of equal height; on a short window each as high as it needs at least (the throughput
        // legend's lines, the funnel's four steps) and the rest shared, rather than both as high as the higher
        row.percentHeightProperty()
                .bind(Bindings.when(ThemeStyler.whileShort(charts)).then(-1.0).otherwise(50.0));
        charts.getRowConstraints().addAll(row, row);
        charts.add(
                card("Throughput", legend(dashboard.throughputSeries()), throughputChart(dashboard.throughputSeries())),
                0,
                0);
        charts.add(card("Revenue", "total since the start", revenueChart(dashboard.revenueSeries())), 1, 0);
        charts.add(
                card("Event type mix", "share of all events, largest first", new EventMixView(dashboard).node()), 0, 1);
        charts.add(
                card("Conversion funnel", "users per step, % of the step before", new FunnelView(dashboard).node()),
                1,
                1);
        VBox.setVgrow(charts, Priority.ALWAYS);

        // the middle takes what the side columns leave; its content shrinks rather than push them off screen
        charts.setMinWidth(0);
        tiles.setMinWidth(0);
        box = new VBox(12, tiles, charts);
        box.setMinWidth(0);
        box.setMinHeight(0);
        box.getStyleClass().add("dashboard");
        box.setId("dashboard");
    }

    Node node() {
        return box;
    }

    private static Node severityCounts(DashboardModel dashboard) {
        HBox row = new HBox(6);
        row.setAlignment(Pos.CENTER_LEFT);
        for (Severity s : Severity.values()) {
            Label count = Styles.label("", "severity-badge", AlertFeedModel.styleClass(s));
            count.setMinWidth(Region.USE_PREF_SIZE);
            count.setId("alerts-" + s.name().toLowerCase(Locale.ROOT));
            count.textProperty()
                    .bind(dashboard.alertCountProperty(s).map(n -> s.name().charAt(0) + " " + n));
            row.getChildren().add(count);
        }
        return row;
    }

    private static Node throughputChart(List<SlidingSeries> series) {
        LineChart<Number, Number> chart =
                new LineChart<>(SecondsAxis.following(series.get(0).points()), valueAxis());
        chart.setId("throughput-chart");
        configure(chart);
        chart.setCreateSymbols(false);
        // the legend is in the card's heading (see legend): the chart's own would take its plot's height
        chart.setLegendVisible(false);
        series.forEach(s -> chart.getData().add(SeriesMirror.of(s.name(), s.points())));
        return chart;
    }

    private static Node revenueChart(SlidingSeries series) {
        NumberAxis dollars = valueAxis();
        dollars.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number value) {
                return Formats.moneyTick(value.doubleValue(), dollars.getUpperBound());
            }

            @Override
            public Number fromString(String text) {
                throw new UnsupportedOperationException("tick labels are only shown");
            }
        });
        AreaChart<Number, Number> chart = new AreaChart<>(SecondsAxis.following(series.points()), dollars);
        chart.setId("revenue-chart");
        configure(chart);
        chart.setCreateSymbols(false);
        chart.setLegendVisible(false);
        chart.getData().add(SeriesMirror.of(series.name(), series.points()));
        return chart;
    }

    private static NumberAxis valueAxis() {
        NumberAxis axis = new NumberAxis();
        axis.setMinorTickVisible(false);
        return axis;
    }

    private static void configure(XYChart<?, ?> chart) {
        chart.setAnimated(false);
        // small minimums: on a low window the grid shares what is left, rather than push the cards off it
        chart.setMinSize(160, 80);
        chart.getStyleClass().add("live-chart");
    }

    /**
     * The throughput lines' names in their colours, one line beside the title that wraps when narrow;
     * a chart legend below the plot would cost the plot its height on a low screen.
     */
    private static Node legend(List<SlidingSeries> series) {
        FlowPane legend = new FlowPane(10, 2);
        legend.getStyleClass().add("series-legend");
        legend.setId("throughput-legend");
        Label unit = Styles.label("events/s:", "card-note");
        legend.getChildren().add(unit);
        for (int i = 0; i < series.size(); i++) {
            Region swatch = Styles.styled(new Region(), "legend-swatch", "legend-swatch-" + i);
            Label name = Styles.label(
                    i == 0 ? series.get(i).name() + " (dashed)" : series.get(i).name(), "card-note");
            name.setGraphic(swatch);
            name.setMinWidth(Region.USE_PREF_SIZE);
            legend.getChildren().add(name);
        }
        HBox.setHgrow(legend, Priority.ALWAYS);
        return legend;
    }

    /** A titled card; the note says what the figures are, and wraps rather than cut the title short. */
    private static Node card(String title, String note, Node content) {
        Label explanation = Styles.label(note, "card-note");
        explanation.setWrapText(true);
        ThemeStyler.leaveOutWhenShort(explanation);
        return card(title, explanation, content);
    }

    private static Node card(String title, Node note, Node content) {
        Label heading = Styles.label(title, "card-title");
        heading.setMinWidth(Region.USE_PREF_SIZE);
        HBox top = new HBox(8, heading, note);
        top.setAlignment(Pos.BASELINE_LEFT);
        top.setMinHeight(Region.USE_PREF_SIZE); // the content shrinks first, never the heading
        VBox card = new VBox(4, top, content);
        card.getStyleClass().add("card");
        VBox.setVgrow(content, Priority.ALWAYS);
        return card;
    }
}
