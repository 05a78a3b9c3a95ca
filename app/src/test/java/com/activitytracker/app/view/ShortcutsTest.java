package com.activitytracker.app.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.activitytracker.app.model.ConsoleModel;
import com.activitytracker.app.model.FakeEngine;
import com.activitytracker.app.model.MainModel;
import com.activitytracker.app.model.SnapshotSaver;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The one shortcut registry writes its keys as the platform does; tooltips and the help read them from it. */
@Tag("unit")
class ShortcutsTest {
    private static final SnapshotSaver NO_SNAPSHOTS = new SnapshotSaver() {
        @Override
        public Path folder() {
            return Path.of("/tmp/snaps");
        }

        @Override
        public CompletionStage<List<Path>> save() {
            return CompletableFuture.completedFuture(List.of());
        }
    };

    private static Shortcuts on(String os) {
        ConsoleModel model = new ConsoleModel(
                new FakeEngine(),
                new MainModel(NO_SNAPSHOTS, Runnable::run),
                Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC));
        return new Shortcuts(model, new ViewActions(() -> {}, () -> {}, () -> {}), os);
    }

    @Test
    void macOsShowsTheCommandKey() {
        Shortcuts mac = on("Mac OS X");
        assertThat(mac.keysOf(Shortcuts.Command.THEME)).isEqualTo("⌘T");
        assertThat(mac.keysOf(Shortcuts.Command.FASTER)).isEqualTo("⌘↑");
        assertThat(mac.keysOf(Shortcuts.Command.SETTINGS)).isEqualTo("⌘,");
        assertThat(mac.keysOf(Shortcuts.Command.PAUSE)).isEqualTo("Space");
        assertThat(mac.help())
                .extracting(Shortcuts.Help::keys)
                .contains("⌘1", "⌘Q", "F11", "F1", "Esc")
                .noneMatch(k -> k.contains("Ctrl"));
    }

    @Test
    void linuxAndWindowsShowCtrl() {
        for (String os : List.of("Linux", "Windows 11")) {
            Shortcuts shortcuts = on(os);
            assertThat(shortcuts.keysOf(Shortcuts.Command.THEME)).isEqualTo("Ctrl+T");
            assertThat(shortcuts.keysOf(Shortcuts.Command.SLOWER)).isEqualTo("Ctrl+↓");
            assertThat(shortcuts.keysOf(Shortcuts.Command.RESET)).isEqualTo("Ctrl+R");
            assertThat(shortcuts.help())
                    .extracting(Shortcuts.Help::keys)
                    .contains("Ctrl+1", "Ctrl+S", "F11")
                    .noneMatch(k -> k.contains("⌘"));
        }
    }

    @Test
    void otherModifiersAreWrittenToo() {
        KeyCombination all = new KeyCodeCombination(
                KeyCode.K, KeyCombination.CONTROL_DOWN, KeyCombination.ALT_DOWN, KeyCombination.SHIFT_DOWN);
        assertThat(new KeyText(true).of(all)).isEqualTo("⌃⌥⇧K");
        assertThat(new KeyText(false).of(all)).isEqualTo("Ctrl+Alt+Shift+K");
    }
}
