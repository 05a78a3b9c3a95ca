package com.activitytracker.app.view;

import java.util.Locale;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * Writes a shortcut the way the platform's own menus do: {@code ⌘T} and {@code ⌘↑} on macOS, where
 * the shortcut key is Command, and {@code Ctrl+T} and {@code Ctrl+↑} elsewhere. Tooltips and the help
 * overlay both use it, so they never disagree with the keys that work.
 */
final class KeyText {
    private final boolean mac;

    KeyText(boolean mac) {
        this.mac = mac;
    }

    /** For this JVM's operating system. */
    static KeyText forOs(String osName) {
        return new KeyText(osName != null && osName.toLowerCase(Locale.ROOT).startsWith("mac"));
    }

    String of(KeyCombination keys) {
        StringBuilder text = new StringBuilder();
        if (keys.getControl() == KeyCombination.ModifierValue.DOWN) {
            text.append(mac ? "⌃" : "Ctrl+");
        }
        if (keys.getShortcut() == KeyCombination.ModifierValue.DOWN) {
            text.append(mac ? "⌘" : "Ctrl+");
        }
        if (keys.getMeta() == KeyCombination.ModifierValue.DOWN) {
            text.append(mac ? "⌘" : "Meta+");
        }
        if (keys.getAlt() == KeyCombination.ModifierValue.DOWN) {
            text.append(mac ? "⌥" : "Alt+");
        }
        if (keys.getShift() == KeyCombination.ModifierValue.DOWN) {
            text.append(mac ? "⇧" : "Shift+");
        }
        if (keys instanceof KeyCodeCombination k) {
            text.append(name(k.getCode()));
        }
        return text.toString();
    }

    private static String name(KeyCode code) {
        return switch (code) {
            case UP -> "↑";
            case DOWN -> "↓";
            case LEFT -> "←";
            case RIGHT -> "→";
            case COMMA -> ",";
            case ESCAPE -> "Esc";
            case SPACE -> "Space";
            default -> code.isDigitKey() ? code.getChar() : code.getName();
        };
    }
}
