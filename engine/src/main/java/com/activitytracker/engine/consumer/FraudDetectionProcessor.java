package com.activitytracker.engine.consumer;

import static net.logstash.logback.argument.StructuredArguments.kv;

import com.activitytracker.engine.event.ActivityEvent;
import com.activitytracker.engine.event.ActivityEventCodec;
import com.activitytracker.engine.fraud.FraudAlert;
import com.activitytracker.engine.fraud.FraudAlertCodec;
import com.activitytracker.engine.fraud.FraudDetector;
import com.activitytracker.engine.fraud.FraudThresholds;
import com.activitytracker.engine.observability.EventTimer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fraud consumer's work: every valid event through the {@link FraudDetector} rules, each alert
 * published to the alerts topic (keyed by user) and handed to the listener, invalid records to the DLQ.
 *
 * <p>Restarts neither miss nor repeat alerts: each committed offset carries the partition's event-time
 * watermark, and a consumer given a partition re-reads the last window of event time before it in
 * warm-up mode, rebuilding the per-user windows and the one-alert-per-window suppression without
 * raising anything again.
 */
public final class FraudDetectionProcessor implements RecordProcessor {
    private static final Logger log = LoggerFactory.getLogger(FraudDetectionProcessor.class);
    private static final String WATERMARK_PREFIX = "watermark=";

    private final FraudDetector detector;
    private final RecordDecoder decoder;
    private final ActivityEventCodec codec = new ActivityEventCodec();
    private final FraudAlertCodec alertCodec = new FraudAlertCodec();
    private final Producer<byte[], byte[]> producer;
    private final String alertsTopic;
    private final Consumer<FraudAlert> onAlert;
    private final MeterRegistry registry;
    private final EventTimer detectionLatency;
    private final AtomicReference<FraudThresholds> pendingThresholds = new AtomicReference<>();
    private final AtomicBoolean resetRequested = new AtomicBoolean();
    private final AtomicLong alertsRaised = new AtomicLong();
    private final AtomicLong checked = new AtomicLong();
    private final Map<TopicPartition, Long> warmUpUntil = new HashMap<>();
    private final Map<TopicPartition, Long> watermarks = new HashMap<>();
    private final AtomicLong alertFailures = new AtomicLong();
    private volatile FraudThresholds thresholds;
    private boolean effectsPending;

    public FraudDetectionProcessor(
            FraudThresholds thresholds,
            Producer<byte[], byte[]> producer,
            String alertsTopic,
            String dlqTopic,
            Clock clock,
            MeterRegistry registry,
            Consumer<FraudAlert> onAlert) {
        this.detector = new FraudDetector(thresholds, clock);
        this.thresholds = thresholds;
        this.producer = producer;
        this.alertsTopic = alertsTopic;
        this.onAlert = onAlert;
        this.registry = registry;
        this.decoder =
                new RecordDecoder(codec, new DeadLetterQueue(producer, dlqTopic, "fraud"), clock, registry, "fraud");
        io.micrometer.core.instrument.Gauge.builder(
                        "tracker.fraud.users.tracked", detector, FraudDetector::trackedUsers)
                .description("users whose windows the fraud rules hold")
                .register(registry);
        io.micrometer.core.instrument.FunctionCounter.builder(
                        "tracker.fraud.users.forgotten", detector, FraudDetector::forgottenUsers)
                .description("users dropped by the memory cap while inside the longest window")
                .register(registry);
        this.detectionLatency = EventTimer.register(
                registry,
                "tracker.fraud.detection.latency",
                "from the time of the event that completed a pattern to the alert",
                TimeUnit.MILLISECONDS,
                Duration.ofMinutes(2));
    }

    @Override
    public void process(ConsumerRecord<byte[], byte[]> record) {
        applyRequests();
        TopicPartition tp = new TopicPartition(record.topic(), record.partition());
        Long until = warmUpUntil.get(tp);
        if (until != null && record.offset() < until) {
            warmUp(record); // already processed before the restart: rebuild state, raise nothing
            return;
        }
        ActivityEvent event = decoder.decode(record);
        if (event == null) {
            effectsPending = true;
            return;
        }
        checked.incrementAndGet();
        watermarks.merge(tp, event.timestamp().toEpochMilli(), Math::max);
        for (FraudAlert alert : detector.onEvent(event)) {
            publish(alert);
        }
    }

    private void warmUp(ConsumerRecord<byte[], byte[]> record) {
        try {
            ActivityEvent event = codec.decode(record.value());
            detector.warmUp(event);
            watermarks.merge(
                    new TopicPartition(record.topic(), record.partition()),
                    event.timestamp().toEpochMilli(),
                    Math::max);
        } catch (com.activitytracker.engine.event.InvalidEventException e) {
            // it went to the DLQ the first time round
        }
    }

    private void publish(FraudAlert alert) {
        alertsRaised.incrementAndGet();
        Counter.builder("tracker.fraud.alerts")
                .tag("rule", alert.rule())
                .tag("severity", alert.severity().name())
                .register(registry)
                .increment();
        detectionLatency.record(
                Duration.between(alert.eventTime(), alert.detectedAt()).toMillis());
        log.info(
                "Fraud alert {} {}: {}",
                alert.rule(),
                alert.severity(),
                alert.description(),
                kv("user_id", alert.userId()),
                kv("rule", alert.rule()),
                kv("severity", alert.severity()),
                kv("alert_id", alert.alertId()));
        producer.send(
                new ProducerRecord<>(
                        alertsTopic, alert.userId().getBytes(StandardCharsets.UTF_8), alertCodec.encode(alert)),
                (metadata, e) -> {
                    if (e != null) {
                        alertFailures.incrementAndGet();
                        log.error("Could not publish alert {} to {}: {}", alert.alertId(), alertsTopic, e.getMessage());
                    }
                });
        effectsPending = true;
        onAlert.accept(alert);
    }

    @Override
    public void beforeCommit() {
        if (effectsPending) {
            producer.flush(); // alerts and dead letters are on the cluster before the offsets move past their events
            effectsPending = false;
            EffectsLost.check("alerts", alertFailures.get());
            EffectsLost.check("dead letters", decoder.deadLettersLost());
        }
    }

    @Override
    public void onTick() {
        applyRequests();
        decoder.tick();
        detectionLatency.rotate();
    }

    @Override
    public void onAssigned(PartitionRewinder rewinder, Collection<TopicPartition> partitions) {
        Duration window = detector.thresholds().longestWindow();
        for (TopicPartition tp : partitions) {
            var committed = rewinder.committedOffset(tp);
            var watermark = rewinder.committedMetadata(tp)
                    .filter(m -> m.startsWith(WATERMARK_PREFIX))
                    .map(m -> Long.parseLong(m.substring(WATERMARK_PREFIX.length())));
            if (committed.isEmpty() || watermark.isEmpty()) {
                continue;
            }
            long from =
                    rewinder.rewindTo(tp, Instant.ofEpochMilli(watermark.get()).minus(window));
            if (from < committed.get()) {
                warmUpUntil.put(tp, committed.get());
                log.info("Rebuilding fraud windows of {} from offset {} to {}", tp, from, committed.get());
            }
        }
    }

    @Override
    public String commitMetadata(TopicPartition partition) {
        Long watermark = watermarks.get(partition);
        return watermark == null ? "" : WATERMARK_PREFIX + watermark;
    }

    @Override
    public void onStop() {
        producer.flush();
    }

    /** Applies new thresholds from the next event on (any thread). */
    public void updateThresholds(FraudThresholds newThresholds) {
        thresholds = newThresholds;
        pendingThresholds.set(newThresholds);
    }

    public FraudThresholds thresholds() {
        return thresholds;
    }

    /** Forgets every user's windows at the next event or tick (any thread). */
    public void requestReset() {
        resetRequested.set(true);
    }

    public long alertsRaised() {
        return alertsRaised.get();
    }

    /** Valid events run through the rules. */
    public long eventsChecked() {
        return checked.get();
    }

    public long invalidRecords() {
        return decoder.invalid();
    }

    public EventTimer endToEndLatency() {
        return decoder.endToEnd();
    }

    public EventTimer detectionLatency() {
        return detectionLatency;
    }

    private void applyRequests() {
        FraudThresholds t = pendingThresholds.getAndSet(null);
        if (t != null) {
            detector.updateThresholds(t);
        }
        if (resetRequested.getAndSet(false)) {
            detector.reset();
        }
    }
}
