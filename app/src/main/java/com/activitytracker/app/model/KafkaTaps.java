package com.activitytracker.app.model;

import com.activitytracker.engine.observability.InspectorBatch;
import java.util.function.Consumer;

/** Opens a reader for the Kafka view on the engine in use. */
@FunctionalInterface
public interface KafkaTaps {
    /**
     * @param sink receives the reader's batches on the reader's thread (a few a second at most)
     * @throws IllegalStateException when the engine is not streaming (no cluster to read yet)
     */
    KafkaTap open(Consumer<InspectorBatch> sink);
}
