package com.activitytracker.app.view;

/**
 * What the view asks of the composition root, beyond the presentation models: open the settings
 * dialog (it restarts the engine) and quit (it stops the engine first).
 */
public record ViewActions(Runnable openSettings, Runnable quit) {
}
