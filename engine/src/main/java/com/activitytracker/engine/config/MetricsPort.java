package com.activitytracker.engine.config;

import java.util.Locale;

/**
 * {@code METRICS_PORT}: where the Prometheus endpoint listens on loopback. Unset means the command's
 * own default ({@link #DEFAULT} for {@code run} and the console, off for the single roles, so that
 * several roles on one machine do not fight over one port); {@code off} turns it off; {@code 0} takes
 * any free port (printed at start); otherwise a port from 1 to 65535.
 *
 * @param port {@link #OFF}, 0 for any free port, or the port
 */
public record MetricsPort(int port) {
    /** The port OpenTelemetry's Prometheus exporter uses by default, so scrape configs often expect it already. */
    public static final int DEFAULT = 9464;

    public static final int OFF = -1;

    public boolean enabled() {
        return port != OFF;
    }

    /**
     * @param onByDefault whether this command serves metrics when the setting is unset
     * @throws SettingsException naming the setting when the value is neither a port, 0 nor off
     */
    public static MetricsPort of(Settings settings, boolean onByDefault) {
        String text = settings.values().get(Settings.METRICS_PORT);
        if (text == null || text.isBlank()) {
            return new MetricsPort(onByDefault ? DEFAULT : OFF);
        }
        return new MetricsPort(parse(text));
    }

    /** @return {@link #OFF}, 0 or a port */
    public static int parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("off") || t.equals("false") || t.equals("none")) {
            return OFF;
        }
        try {
            int port = Integer.parseInt(t);
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below with what is accepted
        }
        throw new SettingsException(Settings.METRICS_PORT
                + " must be a port from 1 to 65535, 0 (any free port) or off, got '" + text + "'");
    }
}
