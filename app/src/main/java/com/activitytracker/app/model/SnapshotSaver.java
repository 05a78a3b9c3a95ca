package com.activitytracker.app.model;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** Saves the dashboard as an image and the analytics report as JSON, off the FX thread. */
public interface SnapshotSaver {
    /** Where snapshots go. */
    Path folder();

    /** Starts saving; completes with the files written. */
    CompletionStage<List<Path>> save();
}
