package com.activitytracker.app;

import com.activitytracker.app.model.KafkaTap;
import com.activitytracker.app.model.KafkaTaps;
import com.activitytracker.engine.EngineStatus;
import com.activitytracker.engine.observability.InspectedRecord;
import com.activitytracker.engine.observability.InspectorBatch;
import com.activitytracker.engine.observability.KafkaInspector;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The Kafka view's readers on the session's current engine: each is a {@link KafkaInspector} with
 * clients of its own, built from the settings the engine runs with (the embedded broker's address
 * included), so the app never builds a Kafka client itself.
 */
final class EngineKafkaTaps implements KafkaTaps {
    private final EngineSession session;
    private final List<KafkaInspector> opened = new CopyOnWriteArrayList<>();

    EngineKafkaTaps(EngineSession session) {
        this.session = Objects.requireNonNull(session);
    }

    @Override
    public KafkaTap open(Consumer<InspectorBatch> sink) {
        EngineStatus status = session.engine().status();
        if (!status.isRunning()) {
            throw new IllegalStateException("the engine is " + status.state());
        }
        KafkaInspector inspector = new KafkaInspector(session.engine().effectiveSettings(), sink);
        opened.removeIf(KafkaInspector::isClosed);
        opened.add(inspector);
        inspector.start();
        return new Tap(inspector);
    }

    /** Closes every reader still open and waits (at most {@code timeout}) until their threads have closed their clients. */
    void closeAll(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (KafkaInspector i : opened) {
            i.close();
        }
        for (KafkaInspector i : opened) {
            i.awaitClosed(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        }
        opened.removeIf(KafkaInspector::isClosed);
    }

    /** The inspector behind the model's interface. */
    record Tap(KafkaInspector inspector) implements KafkaTap {
        @Override
        public String activitiesTopic() {
            return inspector.activitiesTopic();
        }

        @Override
        public String alertsTopic() {
            return inspector.alertsTopic();
        }

        @Override
        public String deadLettersTopic() {
            return inspector.deadLettersTopic();
        }

        @Override
        public void filter(String userId) {
            inspector.filter(userId);
        }

        @Override
        public void pause(boolean pause) {
            inspector.pause(pause);
        }

        @Override
        public Optional<String> check(InspectedRecord letter, byte[] corrected) {
            return inspector.check(letter, corrected);
        }

        @Override
        public CompletableFuture<String> resend(InspectedRecord letter, byte[] corrected) {
            return inspector.resend(letter, corrected);
        }

        @Override
        public CompletableFuture<String> sendBrokenPurchase(String userId) {
            return inspector.sendBrokenPurchase(userId);
        }

        @Override
        public void close() {
            inspector.close();
        }
    }
}
