package com.activitytracker.app.view;

/**
 * What the view asks of the composition root, beyond the presentation models: open the settings
 * dialog (it restarts the engine), open "what if…" (it replays on an engine thread), open the Kafka
 * view (it reads with a client of its own) and quit (it stops the engine first).
 */
public record ViewActions(Runnable openSettings, Runnable openWhatIf, Runnable quit, Runnable openKafkaView) {
    /** Without a Kafka view. */
    public ViewActions(Runnable openSettings, Runnable openWhatIf, Runnable quit) {
        this(openSettings, openWhatIf, quit, () -> {});
    }
}
