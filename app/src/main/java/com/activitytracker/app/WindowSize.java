package com.activitytracker.app;

import java.util.Arrays;
import java.util.List;

/** A window size in pixels, written {@code 1366x768} on the command line and in screenshot names. */
record WindowSize(int width, int height) {
    /** The screens the console is checked at: a small laptop, full HD, and a large monitor. */
    static final List<WindowSize> CHECKED =
            List.of(new WindowSize(1366, 768), new WindowSize(1920, 1080), new WindowSize(2560, 1440));

    WindowSize {
        if (width < 640 || height < 480 || width > 10_000 || height > 10_000) {
            throw new IllegalArgumentException(
                    "window size " + width + "x" + height + " is out of range (640x480 to 10000x10000)");
        }
    }

    /** @throws IllegalArgumentException with a one-line message for anything but {@code WIDTHxHEIGHT} */
    static WindowSize parse(String text) {
        String[] parts = text.strip().toLowerCase(java.util.Locale.ROOT).split("x");
        try {
            if (parts.length == 2) {
                return new WindowSize(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
            }
        } catch (NumberFormatException e) {
            // fall through to the one message below
        }
        throw new IllegalArgumentException("expected a window size like 1366x768, got \"" + text + "\"");
    }

    /** {@code 1366x768,1920x1080} */
    static List<WindowSize> parseList(String text) {
        return Arrays.stream(text.split(",")).map(WindowSize::parse).toList();
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
