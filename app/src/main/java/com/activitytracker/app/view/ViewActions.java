package com.activitytracker.app.view;

/**
 * What the view asks of the composition root, beyond the presentation models: open the settings
 * dialog (it restarts the engine), open "what if…" (it replays on an engine thread) and quit (it
 * stops the engine first).
 */
public record ViewActions(Runnable openSettings, Runnable openWhatIf, Runnable quit) {}
