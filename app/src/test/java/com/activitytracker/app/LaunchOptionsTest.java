package com.activitytracker.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class LaunchOptionsTest {
    @Test
    void noOptionsMeansTheDefaults() {
        LaunchOptions o = LaunchOptions.parse();
        assertThat(o.screenshotDir()).isEmpty();
        assertThat(o.snapshotDir()).isEmpty();
        assertThat(o.help()).isFalse();
        assertThat(o.selfTest()).isFalse();
        assertThat(o.startupCheck()).isFalse();
    }

    @Test
    void startupCheckAsksForALaunchThatExitsAtTheFirstEvent() {
        LaunchOptions o = LaunchOptions.parse("--startup-check");
        assertThat(o.startupCheck()).isTrue();
        assertThat(o.selfTest()).isFalse();
        assertThat(LaunchOptions.USAGE).contains("--startup-check");
    }

    @Test
    void selfTestAsksForTheHeadlessCheck() {
        assertThat(LaunchOptions.parse("--self-test").selfTest()).isTrue();
    }

    @Test
    void readsScreenshotsSnapshotDirAndEnvFile() {
        LaunchOptions o =
                LaunchOptions.parse("--screenshots", "docs/img", "--snapshot-dir", "/tmp/s", "--env-file", "x.env");
        assertThat(o.screenshotDir()).contains(Path.of("docs/img"));
        assertThat(o.snapshotDir()).contains(Path.of("/tmp/s"));
        assertThat(o.envFile()).contains(Path.of("x.env"));
    }

    @Test
    void theTourShootsTheCheckedWindowSizesUnlessToldOtherwise() {
        assertThat(LaunchOptions.parse().screenshotSizes()).isEqualTo(WindowSize.CHECKED);
        assertThat(LaunchOptions.parse("--screenshot-sizes", "800x600").screenshotSizes())
                .containsExactly(new WindowSize(800, 600));
        assertThat(LaunchOptions.parse("--screenshot-sizes", "").screenshotSizes())
                .isEmpty();
        assertThatThrownBy(() -> LaunchOptions.parse("--screenshot-sizes", "huge"))
                .hasMessage("expected a window size like 1366x768, got \"huge\"");
    }

    @Test
    void unknownOptionsAndMissingValuesAreRefused() {
        assertThatThrownBy(() -> LaunchOptions.parse("--fast")).hasMessage("unknown option --fast (try --help)");
        assertThatThrownBy(() -> LaunchOptions.parse("--screenshots")).hasMessage("--screenshots needs a value");
    }
}
