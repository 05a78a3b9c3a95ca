package com.activitytracker.engine.consumer;

/**
 * A consumer's progress, as an immutable snapshot.
 *
 * @param lagRecords  records on its partitions not yet read (-1 until known)
 * @param lagSeconds  how far behind the newest event it is, in event time: now minus the time of
 *                    the last record processed, when records are waiting; 0 when caught up
 */
public record ConsumerStats(
        String name,
        long processed,
        long lagRecords,
        double lagSeconds,
        int partitions,
        boolean running,
        String error) {}
