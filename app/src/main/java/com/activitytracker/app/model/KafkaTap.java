package com.activitytracker.app.model;

import com.activitytracker.engine.observability.InspectedRecord;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What the Kafka view asks of its reader on the engine side (a non-committing consumer on a thread of
 * its own). Every call returns at once; tests pass a fake.
 */
public interface KafkaTap extends AutoCloseable {
    String activitiesTopic();

    String alertsTopic();

    String deadLettersTopic();

    /** Only records whose key (the user id) contains this text; blank for all. */
    void filter(String userId);

    void pause(boolean pause);

    /** Why the consumers would refuse this corrected value, or empty when they would accept it. */
    Optional<String> check(InspectedRecord letter, byte[] corrected);

    /** Sends a valid correction to the activities topic; completes with where it landed. */
    CompletableFuture<String> resend(InspectedRecord letter, byte[] corrected);

    /** For a demonstration: a purchase without an amount, which both consumers refuse into the dead-letter topic. */
    CompletableFuture<String> sendBrokenPurchase(String userId);

    /** Stops the reader; its thread closes its clients. Returns at once. */
    @Override
    void close();
}
