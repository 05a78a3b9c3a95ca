package com.activitytracker.app.feed;

import com.activitytracker.engine.EngineListener;
import com.activitytracker.engine.EngineSnapshot;
import com.activitytracker.engine.EngineStatus;
import com.activitytracker.engine.fraud.FraudAlert;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one hand-over from engine threads to the UI: snapshots and status coalesce (latest wins), alerts
 * wait in a bounded queue (the oldest dropped when full). The FX side {@link #drain drains} it on a
 * fixed cadence, so however fast the engine publishes, the FX thread does one update per tick.
 * Thread-safe; the listener methods never block.
 */
public final class EngineFeed implements EngineListener {
    /** More than the feed shows, so a burst between two ticks loses nothing a presenter would see. */
    public static final int DEFAULT_ALERT_CAPACITY = 1_000;

    private final AtomicReference<EngineSnapshot> snapshot = new AtomicReference<>();
    private final AtomicReference<EngineStatus> status = new AtomicReference<>();
    private final BlockingQueue<FraudAlert> alerts;
    private final AtomicLong dropped = new AtomicLong();

    public EngineFeed() {
        this(DEFAULT_ALERT_CAPACITY);
    }

    public EngineFeed(int alertCapacity) {
        this.alerts = new ArrayBlockingQueue<>(alertCapacity);
    }

    @Override
    public void onSnapshot(EngineSnapshot s) {
        snapshot.set(s);
    }

    @Override
    public void onStatus(EngineStatus s) {
        status.set(s);
    }

    @Override
    public void onAlert(FraudAlert alert) {
        while (!alerts.offer(alert)) {
            if (alerts.poll() != null) {
                dropped.incrementAndGet();
            }
        }
    }

    /** Takes everything that arrived since the last call. */
    public FeedUpdate drain() {
        List<FraudAlert> batch = new ArrayList<>();
        alerts.drainTo(batch);
        return new FeedUpdate(status.getAndSet(null), snapshot.getAndSet(null), batch, dropped.getAndSet(0));
    }
}
