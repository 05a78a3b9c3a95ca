package com.activitytracker.app.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class EventMixRankingTest {
    private static final List<CategoryValue> MIX = List.of(
            new CategoryValue("click", 190, 19.0),
            new CategoryValue("signup", 1, 0.1),
            new CategoryValue("page_view", 900, 90.0),
            new CategoryValue("login", 4, 0.4),
            new CategoryValue("logout", 0, 0));

    @Test
    void largestShareFirstWithItsFigure() {
        assertThat(EventMixRanking.rank(MIX))
                .extracting(EventMixRanking.Bar::category, EventMixRanking.Bar::share)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("page_view", "90.0%"),
                        org.assertj.core.groups.Tuple.tuple("click", "19.0%"),
                        org.assertj.core.groups.Tuple.tuple("login", "0.40%"),
                        org.assertj.core.groups.Tuple.tuple("signup", "0.10%"),
                        org.assertj.core.groups.Tuple.tuple("logout", "0%"));
    }

    @Test
    void barsAreScaledToTheLargestAndATinyShareStillShows() {
        List<EventMixRanking.Bar> bars = EventMixRanking.rank(MIX);
        assertThat(bars.get(0).fill()).isEqualTo(1.0);
        assertThat(bars.get(1).fill()).isCloseTo(19.0 / 90.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(bars.get(3).fill()).isEqualTo(EventMixRanking.MIN_VISIBLE); // 0.1 % of events: a sliver
        assertThat(bars.get(4).fill()).isZero(); // none at all: no bar
    }

    @Test
    void whatDoesNotFitIsSummedIntoALastBar() {
        List<EventMixRanking.Bar> bars = EventMixRanking.rank(MIX, 3);
        assertThat(bars)
                .extracting(EventMixRanking.Bar::category)
                .containsExactly("page_view", "click", "3 more types");
        assertThat(bars.get(2).share()).isEqualTo("0.50%");
    }

    @Test
    void tiesKeepAStableOrderAndAnEmptyMixShowsNoBars() {
        List<CategoryValue> ties = List.of(new CategoryValue("b", 1, 50), new CategoryValue("a", 1, 50));
        assertThat(EventMixRanking.rank(ties))
                .extracting(EventMixRanking.Bar::category)
                .containsExactly("a", "b");
        assertThat(EventMixRanking.rank(List.of(new CategoryValue("a", 0, 0))))
                .extracting(EventMixRanking.Bar::fill)
                .containsExactly(0.0);
    }
}
