package com.activitytracker.engine.producer;

import com.activitytracker.engine.event.ActivityEvent;
import java.time.Instant;
import java.util.List;

/** Where the producer's events come from: the simulated shop traffic and any injected attacks. */
public interface EventSource {
    /** Told whenever the target rate changes, so the simulation can size its population of sessions. */
    void setTargetRate(double eventsPerSecond);

    /** The next ordinary event, stamped {@code now}. */
    ActivityEvent next(Instant now);

    /** Events that must go out now on top of the rate (injected scenarios); removed once returned. */
    List<ActivityEvent> dueExtraEvents(Instant now);

    /** Sessions currently simulated, for the progress line. */
    int activeSessions();
}
