package com.activitytracker.engine.fraud;

/**
 * Renders an alert for the console in the classic fraud-detector terminal format:
 * <pre>
 * 🔴 FRAUD ALERT [HIGH_VELOCITY] - HIGH SEVERITY
 *    User ID: user-1234
 *    User has 8 events in the last minute
 * </pre>
 * Lines are separated by {@code \n} with no trailing newline, for the caller's {@code println}.
 * Control characters in the alert's text are replaced, since user ids and descriptions come from
 * the topics and must not be able to drive the terminal.
 */
public final class FraudAlertConsoleFormat {
    private static final String RED = "\u001B[1;31m";
    private static final String YELLOW = "\u001B[1;33m";
    private static final String BLUE = "\u001B[1;34m";
    private static final String RESET = "\u001B[0m";

    private final boolean ansiColour;

    private FraudAlertConsoleFormat(boolean ansiColour) {
        this.ansiColour = ansiColour;
    }

    /** Without escape codes: for files, pipes and terminals that do not understand them. */
    public static FraudAlertConsoleFormat plain() {
        return new FraudAlertConsoleFormat(false);
    }

    /** Header coloured by severity: CRITICAL and HIGH red, MEDIUM yellow, LOW blue. */
    public static FraudAlertConsoleFormat ansiColour() {
        return new FraudAlertConsoleFormat(true);
    }

    public String format(FraudAlert alert) {
        String header = "🔴 FRAUD ALERT [" + printable(alert.rule()) + "] - " + alert.severity() + " SEVERITY";
        if (ansiColour) {
            header = colour(alert.severity()) + header + RESET;
        }
        return header + "\n"
                + "   User ID: " + printable(alert.userId()) + "\n"
                + "   " + printable(alert.description());
    }

    private static String colour(Severity severity) {
        return switch (severity) {
            case CRITICAL, HIGH -> RED;
            case MEDIUM -> YELLOW;
            case LOW -> BLUE;
        };
    }

    private static String printable(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                if (out == null) {
                    out = new StringBuilder(text.length()).append(text, 0, i);
                }
                out.append('?');
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }
}
