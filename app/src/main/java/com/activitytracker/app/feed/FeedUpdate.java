package com.activitytracker.app.feed;

import com.activitytracker.engine.EngineSnapshot;
import com.activitytracker.engine.EngineStatus;
import com.activitytracker.engine.fraud.FraudAlert;
import java.util.List;

/**
 * What arrived from the engine since the last drain: the newest status and snapshot (null when none
 * came) and every alert in the order raised.
 *
 * @param droppedAlerts alerts that did not fit the queue since the last drain (the oldest are dropped)
 */
public record FeedUpdate(EngineStatus status, EngineSnapshot snapshot, List<FraudAlert> alerts, long droppedAlerts) {

    public FeedUpdate {
        alerts = List.copyOf(alerts);
    }

    public boolean isEmpty() {
        return status == null && snapshot == null && alerts.isEmpty() && droppedAlerts == 0;
    }
}
