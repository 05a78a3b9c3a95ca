package com.activitytracker.engine.observability;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.List;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

/**
 * Keeps off the terminal a log line that repeats, for the JSON log, a report a command has just
 * printed on stdout: during a broker outage {@code produce} prints "⏳ Waiting for Kafka …" and logs
 * the same as a warning, and the user should read it once. Such lines carry {@link #MARKER}; the
 * JSON file keeps them (tagged with the marker's name).
 */
public final class AlreadyPrinted extends Filter<ILoggingEvent> {
    /** Marks a log line whose words the user has already read on stdout. */
    public static final Marker MARKER = MarkerFactory.getMarker("printed-on-stdout");

    @Override
    public FilterReply decide(ILoggingEvent event) {
        List<Marker> markers = event.getMarkerList();
        if (markers != null) {
            for (Marker marker : markers) {
                if (marker.contains(MARKER)) {
                    return FilterReply.DENY;
                }
            }
        }
        return FilterReply.NEUTRAL;
    }
}
