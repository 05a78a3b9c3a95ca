package com.activitytracker.engine.consumer;

import com.activitytracker.engine.analytics.AnalyticsSnapshot;
import com.activitytracker.engine.analytics.AnalyticsState;
import com.activitytracker.engine.event.ActivityEvent;
import com.activitytracker.engine.event.ActivityEventCodec;
import com.activitytracker.engine.event.EventTypes;
import com.activitytracker.engine.observability.EventTimer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;

/**
 * The analytics consumer's work: every valid event into {@link AnalyticsState}, every invalid one to
 * the DLQ. Publishes an immutable snapshot a few times a second for dashboards, and a report every
 * {@code STATS_INTERVAL} events for the console. Runs on the consumer thread only, except the
 * thread-safe {@link #latest()} and {@link #requestReset()}.
 */
public final class AnalyticsProcessor implements RecordProcessor {
    private final AnalyticsState state;
    private final RecordDecoder decoder;
    private final Producer<byte[], byte[]> dlqProducer;
    private final int reportEvery;
    private final Consumer<AnalyticsSnapshot> onReport;
    private final EventTimer processing;
    private final Counter revenue;
    private final Counter purchases;
    /** Guards the hand-over of {@link #latest} against a reset requested meanwhile. */
    private final Object publication = new Object();

    private final AnalyticsSnapshot empty;
    private long resetsRequested;
    private long resetsApplied;
    private volatile AnalyticsSnapshot latest;
    private long sinceReport;

    public AnalyticsProcessor(
            Producer<byte[], byte[]> dlqProducer,
            String dlqTopic,
            Clock clock,
            MeterRegistry registry,
            int reportEvery,
            Consumer<AnalyticsSnapshot> onReport) {
        this.state = new AnalyticsState(clock);
        this.dlqProducer = dlqProducer;
        this.decoder = new RecordDecoder(
                new ActivityEventCodec(),
                new DeadLetterQueue(dlqProducer, dlqTopic, "analytics"),
                clock,
                registry,
                "analytics");
        this.reportEvery = reportEvery;
        this.onReport = onReport;
        this.processing = EventTimer.register(
                registry,
                "tracker.consumer.processing.time",
                null,
                TimeUnit.NANOSECONDS,
                Duration.ofMinutes(2),
                "consumer",
                "analytics");
        this.revenue =
                Counter.builder("tracker.business.revenue").baseUnit("USD").register(registry);
        this.purchases = Counter.builder("tracker.business.purchases").register(registry);
        Gauge.builder(
                        "tracker.business.conversion.rate",
                        this,
                        p -> p.latest().funnel().conversionRate())
                .register(registry);
        Gauge.builder("tracker.business.unique.users", this, p -> p.latest().uniqueUsers())
                .register(registry);
        this.empty = state.snapshot();
        this.latest = empty;
    }

    @Override
    public void process(ConsumerRecord<byte[], byte[]> record) {
        long t0 = System.nanoTime();
        ActivityEvent event = decoder.decode(record);
        if (event == null) {
            state.recordInvalid();
        } else {
            state.record(event);
            if (event.is(EventTypes.PURCHASE) && event.amount() != null) {
                purchases.increment();
                revenue.increment(event.amount());
            }
        }
        processing.record(System.nanoTime() - t0);
        if (reportEvery > 0 && ++sinceReport >= reportEvery) {
            sinceReport = 0;
            onReport.accept(publish());
        }
    }

    @Override
    public void beforeCommit() {
        if (decoder.takeDeadLettersPending()) {
            dlqProducer.flush(); // a dead letter is an effect too: durable before the offset moves on
            EffectsLost.check("dead letters", decoder.deadLettersLost());
        }
    }

    @Override
    public void onTick() {
        decoder.tick();
        processing.rotate();
        publish();
    }

    @Override
    public void onStop() {
        dlqProducer.flush();
        publish();
    }

    /**
     * Applies a pending reset, then publishes the state's snapshot unless another reset was requested
     * meanwhile: after {@link #requestReset()} returns, no figure from before it is ever published.
     */
    private AnalyticsSnapshot publish() {
        long requested;
        synchronized (publication) {
            requested = resetsRequested;
        }
        if (requested != resetsApplied) {
            state.reset();
            resetsApplied = requested;
        }
        AnalyticsSnapshot snapshot = state.snapshot();
        synchronized (publication) {
            if (resetsRequested == requested) {
                latest = snapshot;
            }
        }
        return snapshot;
    }

    /** The newest snapshot; at most a tick old. */
    public AnalyticsSnapshot latest() {
        return latest;
    }

    /** Clears the figures: at once in what {@link #latest()} shows, in the state at the consumer's next tick. */
    public void requestReset() {
        synchronized (publication) {
            resetsRequested++;
            latest = empty;
        }
    }

    public long invalidRecords() {
        return decoder.invalid();
    }

    public EventTimer endToEndLatency() {
        return decoder.endToEnd();
    }
}
