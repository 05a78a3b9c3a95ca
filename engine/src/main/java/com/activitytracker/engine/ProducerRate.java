package com.activitytracker.engine;

import com.activitytracker.engine.config.SettingsLoader;
import com.activitytracker.engine.producer.ActivityProducer;
import java.util.function.Supplier;

/** The rate the presenter asked for and whether the stream is paused, applied to the producer once it runs. */
final class ProducerRate {
    private final Supplier<ActivityProducer> producer;
    private volatile double target;
    private volatile boolean paused;

    ProducerRate(double target, Supplier<ActivityProducer> producer) {
        this.target = target;
        this.producer = producer;
    }

    void set(double eventsPerSecond) {
        if (!(eventsPerSecond >= 0) || eventsPerSecond > SettingsLoader.MAX_RATE) {
            throw new IllegalArgumentException(
                    "rate must be from 0 to " + (long) SettingsLoader.MAX_RATE + " events per second");
        }
        target = eventsPerSecond;
        apply();
    }

    void pause(boolean pause) {
        paused = pause;
        apply();
    }

    double target() {
        return target;
    }

    boolean paused() {
        return paused;
    }

    /** What the producer should send now: 0 while paused. */
    double current() {
        return paused ? 0 : target;
    }

    private void apply() {
        ActivityProducer p = producer.get();
        if (p != null) {
            p.setRate(current());
        }
    }
}
