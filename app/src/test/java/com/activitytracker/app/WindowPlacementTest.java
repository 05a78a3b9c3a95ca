package com.activitytracker.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class WindowPlacementTest {

    @Test
    void screensUpToFullHdAreFilled() {
        assertThat(WindowPlacement.on(0, 0, 1366, 768)).isEqualTo(new WindowPlacement(true, 0, 0, 1366, 768));
        assertThat(WindowPlacement.on(0, 27, 1920, 1053)).isEqualTo(new WindowPlacement(true, 0, 27, 1920, 1053));
    }

    @Test
    void largerScreensGetACentredWindowOfMostOfTheScreen() {
        WindowPlacement p = WindowPlacement.on(0, 0, 2560, 1440);
        assertThat(p.maximised()).isFalse();
        assertThat(p.width()).isEqualTo(2048);
        assertThat(p.height()).isEqualTo(1152);
        assertThat(p.x()).isEqualTo(256);
        assertThat(p.y()).isEqualTo(144);
    }

    @Test
    void neverLessThanFullHdOnALargerScreen() {
        WindowPlacement p = WindowPlacement.on(1920, 0, 2100, 1200);
        assertThat(p.width()).isEqualTo(1920);
        assertThat(p.height()).isEqualTo(1080);
        assertThat(p.x()).isEqualTo(1920 + 90);
    }

    @Test
    void windowSizesParseAndSayWhatIsWrong() {
        assertThat(WindowSize.parseList("1366x768,1920X1080"))
                .containsExactly(new WindowSize(1366, 768), new WindowSize(1920, 1080));
        assertThat(WindowSize.CHECKED)
                .extracting(WindowSize::toString)
                .isEqualTo(List.of("1366x768", "1920x1080", "2560x1440"));
        assertThatThrownBy(() -> WindowSize.parse("big"))
                .hasMessage("expected a window size like 1366x768, got \"big\"");
        assertThatThrownBy(() -> WindowSize.parse("10x10")).hasMessageContaining("out of range");
    }
}
