package com.activitytracker.engine.testing;

import com.activitytracker.engine.event.ActivityEvent;
import com.activitytracker.engine.event.ActivityEventCodec;
import com.activitytracker.engine.event.EventTypes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Hand-written activity for tests whose expected figures are computed by hand. */
public final class EventScript {
    private final ActivityEventCodec codec = new ActivityEventCodec();
    private final List<ActivityEvent> events = new ArrayList<>();
    private final Instant start;
    private int sequence;

    public EventScript(Instant start) {
        this.start = start;
    }

    public EventScript add(String user, String type, double secondsAfterStart) {
        return add(user, type, secondsAfterStart, null, "US");
    }

    public EventScript purchase(String user, double secondsAfterStart, double amount) {
        return add(user, EventTypes.PURCHASE, secondsAfterStart, amount, "US");
    }

    public EventScript from(String user, String type, double secondsAfterStart, String country) {
        return add(user, type, secondsAfterStart, null, country);
    }

    private EventScript add(String user, String type, double seconds, Double amount, String country) {
        sequence++;
        events.add(ActivityEvent.builder("evt-" + sequence, type, user, start.plusMillis(Math.round(seconds * 1000)))
                .sessionId("sess-" + user)
                .amount(amount)
                .currency(amount == null ? null : "USD")
                .geo(new ActivityEvent.Geo(country, null))
                .build());
        return this;
    }

    public List<ActivityEvent> events() {
        return List.copyOf(events);
    }

    public List<ProducerRecord<String, byte[]>> records(String topic) {
        return records(topic, events);
    }

    public List<ProducerRecord<String, byte[]>> records(String topic, List<ActivityEvent> subset) {
        List<ProducerRecord<String, byte[]>> out = new ArrayList<>();
        for (ActivityEvent e : subset) {
            out.add(new ProducerRecord<>(topic, null, e.timestamp().toEpochMilli(), e.userId(), codec.encode(e)));
        }
        return out;
    }
}
