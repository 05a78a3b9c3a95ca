package com.activitytracker.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("unit")
class MetricsPortAndLogDirTest {
    @TempDir
    Path dir;

    private Settings load(boolean installed, Map<String, String> overrides) {
        return new SettingsLoader(Map.of(), dir, dir.resolve("home"), "Linux", installed).load(null, overrides);
    }

    @Test
    void unsetMeansTheCommandsDefault() {
        Settings s = load(false, Map.of());
        assertThat(MetricsPort.of(s, true).port()).isEqualTo(MetricsPort.DEFAULT);
        assertThat(MetricsPort.of(s, false).enabled()).isFalse();
    }

    @Test
    void offZeroAndAPortAreAccepted() {
        assertThat(MetricsPort.of(load(false, Map.of(Settings.METRICS_PORT, "off")), true)
                        .enabled())
                .isFalse();
        assertThat(MetricsPort.of(load(false, Map.of(Settings.METRICS_PORT, "0")), false)
                        .port())
                .isZero();
        assertThat(MetricsPort.of(load(false, Map.of(Settings.METRICS_PORT, " 9500 ")), false)
                        .port())
                .isEqualTo(9500);
    }

    @Test
    void aBadPortFailsAtLoadNamingTheSetting() {
        assertThatThrownBy(() -> load(false, Map.of(Settings.METRICS_PORT, "70000")))
                .isInstanceOf(SettingsException.class)
                .hasMessage("METRICS_PORT must be a port from 1 to 65535, 0 (any free port) or off, got '70000'");
    }

    @Test
    void logsGoToTheWorkingDirectoryForADeveloper() {
        assertThat(load(false, Map.of()).logDir()).isEqualTo(dir.resolve("logs"));
    }

    @Test
    void anInstalledAppLogsIntoTheDataFolder() {
        Settings s = load(true, Map.of());
        assertThat(s.logDir()).isEqualTo(dir.resolve("home/.local/share/activity-tracker/logs"));
        assertThat(s.logDir()).isEqualTo(s.dataDir().resolve("logs"));
    }

    @Test
    void anExplicitLogDirWinsEvenWhenInstalled() {
        assertThat(load(true, Map.of(Settings.LOG_DIR, "mine")).logDir()).isEqualTo(dir.resolve("mine"));
    }
}
