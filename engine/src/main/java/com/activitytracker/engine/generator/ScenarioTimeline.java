package com.activitytracker.engine.generator;

import com.activitytracker.engine.event.ActivityEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/** Scheduled scenario events waiting for their time, in timestamp order (then in the order written). */
final class ScenarioTimeline {
    private final PriorityQueue<Pending> pending = new PriorityQueue<>();
    private long written;

    void schedule(List<ActivityEvent> events) {
        for (ActivityEvent event : events) {
            pending.add(new Pending(event, written++));
        }
    }

    /** Removes and returns the events timestamped at or before {@code now}. */
    List<ActivityEvent> takeDue(Instant now) {
        if (pending.isEmpty() || pending.peek().event().timestamp().isAfter(now)) {
            return List.of();
        }
        List<ActivityEvent> due = new ArrayList<>();
        while (!pending.isEmpty() && !pending.peek().event().timestamp().isAfter(now)) {
            due.add(pending.poll().event());
        }
        return due;
    }

    int size() {
        return pending.size();
    }

    private record Pending(ActivityEvent event, long order) implements Comparable<Pending> {
        @Override
        public int compareTo(Pending other) {
            int byTime = event.timestamp().compareTo(other.event.timestamp());
            return byTime != 0 ? byTime : Long.compare(order, other.order);
        }
    }
}
