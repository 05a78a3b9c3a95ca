package com.activitytracker.app.feed;

import java.util.Objects;
import java.util.function.Consumer;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;

/**
 * Drains the {@link EngineFeed} on the FX thread at a fixed cadence (10 Hz) and hands each non-empty
 * update to the presentation models: the only path from engine threads to the view.
 */
public final class FeedPump {
    public static final Duration CADENCE = Duration.millis(100);

    private final Timeline timeline;

    public FeedPump(EngineFeed feed, Consumer<FeedUpdate> target) {
        Objects.requireNonNull(feed);
        Objects.requireNonNull(target);
        timeline = new Timeline(new KeyFrame(CADENCE, e -> {
            FeedUpdate update = feed.drain();
            target.accept(update);
        }));
        timeline.setCycleCount(Animation.INDEFINITE);
    }

    public void start() {
        timeline.play();
    }

    public void stop() {
        timeline.stop();
    }
}
