package com.activitytracker.app.model;

import static com.activitytracker.app.model.TestSnapshots.T0;
import static com.activitytracker.app.model.TestSnapshots.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import com.activitytracker.engine.fraud.Severity;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class DashboardModelTest {
    private final DashboardModel dashboard = new DashboardModel();

    @Test
    void tilesShowFormattedFigures() {
        dashboard.apply(snapshot(T0, 1_500, 1_234, 1_200, 9_876.5, List.of(), false));
        assertThat(dashboard.tile("events-per-second").valueProperty().get()).isEqualTo("99");
        assertThat(dashboard.tile("events-per-second").captionProperty().get()).isEqualTo("target 100/s");
        assertThat(dashboard.tile("total-events").valueProperty().get()).isEqualTo("1,234");
        assertThat(dashboard.tile("revenue").valueProperty().get()).isEqualTo("$9,876.50");
        assertThat(dashboard.tile("average-order").valueProperty().get()).isEqualTo("$2,469.13");
        assertThat(dashboard.tile("conversion").valueProperty().get()).isEqualTo("10.0%");
        assertThat(dashboard.tile("active-sessions").valueProperty().get()).isEqualTo("42");
        assertThat(dashboard.tile("alerts").valueProperty().get()).isEqualTo("6");
        assertThat(dashboard.alertCountProperty(Severity.CRITICAL).get()).isEqualTo("3");
        assertThat(dashboard.tile("consumer-lag").valueProperty().get()).isEqualTo("15 records");
        assertThat(dashboard.tile("consumer-lag").captionProperty().get()).isEqualTo("0.4 s behind");
        assertThat(dashboard.tile("latency").valueProperty().get()).isEqualTo("p50 12 ms");
        assertThat(dashboard.tile("latency").captionProperty().get()).isEqualTo("p99 85 ms");
    }

    @Test
    void pausedShowsInTheRateTileAndAsAZeroTarget() {
        dashboard.apply(snapshot(T0, 0, 0, 0, 0, List.of(), true));
        dashboard.apply(snapshot(T0.plusSeconds(1), 0, 0, 0, 0, List.of(), true));
        assertThat(dashboard.tile("events-per-second").captionProperty().get()).isEqualTo("paused");
        assertThat(dashboard.throughputSeries().get(0).points())
                .singleElement()
                .satisfies(p -> assertThat(p.value()).isZero());
    }

    @Test
    void throughputChartGetsOnePointPerSecondFromTheCounts() {
        for (int i = 0; i <= 8; i++) {
            // snapshots every 250 ms, 100 events per second
            dashboard.apply(snapshot(T0.plusMillis(250L * i), 25L * i, 25L * i, 20L * i));
        }
        List<SlidingSeries> series = dashboard.throughputSeries();
        assertThat(series)
                .extracting(SlidingSeries::name)
                .containsExactly("Target", "Produced", "Analysed", "Fraud-checked");
        assertThat(series.get(1).points()).hasSize(2);
        assertThat(series.get(1).points().get(0).value()).isEqualTo(100);
        assertThat(series.get(3).points().get(0).value()).isEqualTo(80);
        assertThat(series.get(1).points().get(1).seconds()).isEqualTo(2.0);
        assertThat(dashboard.revenueSeries().points()).hasSize(2);
    }

    @Test
    void chartsStayBoundedOverALongRun() {
        for (int i = 0; i < 2_000; i++) {
            dashboard.apply(snapshot(T0.plusSeconds(i), 100L * i, 100L * i, 100L * i));
        }
        assertThat(dashboard.throughputSeries().get(1).points().size())
                .isLessThanOrEqualTo((int) DashboardModel.CHART_WINDOW.toSeconds() + 1);
    }

    @Test
    void eventMixAndFunnelShowSharesAndStepPercentages() {
        dashboard.apply(snapshot(T0, 100, 100, 100));
        CategoryValue pageViews = dashboard.eventMix().stream()
                .filter(v -> v.category().equals("page_view"))
                .findFirst()
                .orElseThrow();
        assertThat(pageViews.count()).isEqualTo(50);
        assertThat(pageViews.percent()).isEqualTo(50.0);
        assertThat(dashboard.funnel())
                .extracting(FunnelStepModel::name)
                .containsExactly("Viewed a page", "Added to cart", "Checked out", "Purchased");
        assertThat(dashboard.funnel().get(0).stepPercentProperty().get()).isEqualTo("100%");
        assertThat(dashboard.funnel().get(2).usersProperty().get()).isEqualTo("50");
        assertThat(dashboard.funnel().get(2).stepPercentProperty().get()).isEqualTo("50.0%");
        assertThat(dashboard.funnel().get(3).fractionOfFirstProperty().get()).isEqualTo(0.1);
        assertThat(dashboard.funnelSummaryProperty().get()).isEqualTo("10.0% of visitors purchased");
    }

    @Test
    void aStepNeverShowsMoreThanAllOfThePreviousOne() {
        FunnelStepModel step = new FunnelStepModel("Purchased");
        step.show(2, 58, 1L);
        assertThat(step.stepPercentProperty().get()).isEqualTo("100.0%");
        assertThat(step.usersProperty().get()).isEqualTo("2");
    }

    @Test
    void clearEmptiesTilesAndCharts() {
        for (int i = 0; i < 5; i++) {
            dashboard.apply(snapshot(T0.plusSeconds(i), 100L * i, 100L * i, 100L * i));
        }
        dashboard.clear();
        assertThat(dashboard.tile("total-events").valueProperty().get()).isEqualTo("–");
        assertThat(dashboard.throughputSeries())
                .allSatisfy(s -> assertThat(s.points()).isEmpty());
        assertThat(dashboard.eventMix()).allSatisfy(v -> assertThat(v.count()).isZero());
    }
}
