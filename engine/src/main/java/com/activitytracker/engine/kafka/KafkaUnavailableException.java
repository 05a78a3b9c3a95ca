package com.activitytracker.engine.kafka;

import java.io.Serial;

/** Kafka could not be started, reached or used as asked; the message says what to do about it. */
public final class KafkaUnavailableException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    public KafkaUnavailableException(String message) {
        super(message, null, false, false);
    }

    public KafkaUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
