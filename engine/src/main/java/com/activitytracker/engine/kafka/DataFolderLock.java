package com.activitytracker.engine.kafka;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The embedded broker's claim on its data folder, held for the broker's life.
 *
 * <p>Why: Kafka locks its log folder only part way through its start, after it has begun to read the
 * metadata log; a second broker on a folder another one is writing can read a half-written record as
 * corrupt, and Kafka's fault handler then halts the whole process (the second console vanished). Taken
 * before anything is read, this lock turns that into one clear sentence.
 */
final class DataFolderLock implements AutoCloseable {
    static final String FILE_NAME = "activity-tracker.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataFolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * @throws KafkaUnavailableException when another process (or another broker in this one) holds the folder
     */
    static DataFolderLock acquire(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new KafkaUnavailableException("cannot open " + file + ": " + e.getMessage());
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by another broker in this process
        } catch (IOException e) {
            closeQuietly(channel);
            throw new KafkaUnavailableException("cannot lock " + file + ": " + e.getMessage());
        }
        if (lock == null) {
            closeQuietly(channel);
            throw new KafkaUnavailableException("the data folder " + dataDir
                    + " is in use by another Activity Tracker: close that one, or set DATA_DIR to another folder");
        }
        return new DataFolderLock(channel, lock);
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // the channel's close below releases it as well
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing is left to release
        }
    }
}
