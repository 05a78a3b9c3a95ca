package com.activitytracker.engine.cli;

import com.activitytracker.engine.config.Durations;
import com.activitytracker.engine.consumer.ConsumerPipeline;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Options of the analytics and fraud consumers. */
public final class ConsumerOptions {
    @Option(names = "--from-beginning", description = "read the topic from its first record instead of only new ones")
    boolean fromBeginning;

    @Option(
            names = "--idle-exit",
            paramLabel = "D",
            description = "exit once it has read what was waiting and then D passed with no new records (e.g. 5s)")
    String idleExit;

    @Option(
            names = "--group",
            paramLabel = "ID",
            description = "consumer group; the fraud detectors of one group share the partitions")
    String group;

    ConsumerPipeline.StartFrom startFrom() {
        return fromBeginning
                ? ConsumerPipeline.StartFrom.COMMITTED_OR_EARLIEST
                : ConsumerPipeline.StartFrom.COMMITTED_OR_LATEST;
    }

    Duration idleExitOrNull() {
        return idleExit == null ? null : Durations.parse("--idle-exit", idleExit);
    }
}
