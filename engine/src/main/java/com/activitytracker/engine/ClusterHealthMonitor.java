package com.activitytracker.engine;

import com.activitytracker.engine.EngineStatus.State;
import com.activitytracker.engine.kafka.KafkaCluster;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * Asks the cluster every 2 s whether it answers, with one long-lived {@link Admin} that reconnects by
 * itself when the cluster comes back (a new client per check cost a connection, a thread and its
 * metadata every time). Owns its thread and its client and closes both.
 */
final class ClusterHealthMonitor implements AutoCloseable {
    private static final Duration CHECK_EVERY = Duration.ofSeconds(2);
    private static final int ANSWER_WITHIN_MS = 1_500;

    private final Admin admin;
    private final KafkaCluster cluster;
    private final EngineListeners listeners;
    private final ScheduledExecutorService executor = EngineThreads.scheduler("engine-health");

    /** Tells the listeners when the cluster stops answering (running → disconnected) and when it is back. */
    ClusterHealthMonitor(KafkaCluster cluster, EngineListeners listeners) {
        this.admin = cluster.clients().admin();
        this.cluster = cluster;
        this.listeners = listeners;
        executor.scheduleWithFixedDelay(
                this::check, CHECK_EVERY.toMillis(), CHECK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void check() {
        boolean reachable;
        try {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs(ANSWER_WITHIN_MS))
                    .nodes()
                    .get(ANSWER_WITHIN_MS + 500L, TimeUnit.MILLISECONDS);
            reachable = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (Exception e) {
            reachable = false;
        }
        State state = listeners.status().state();
        String bootstrap = cluster.bootstrapServers();
        if (!reachable && state == State.RUNNING) {
            listeners.status(
                    State.DISCONNECTED,
                    "Lost the connection to Kafka at " + bootstrap + "; retrying…",
                    bootstrap,
                    cluster.embeddedBroker().isPresent());
        } else if (reachable && state == State.DISCONNECTED) {
            listeners.status(
                    State.RUNNING,
                    "Connection to Kafka is back",
                    bootstrap,
                    cluster.embeddedBroker().isPresent());
        }
    }

    @Override
    public void close() {
        EngineThreads.shutdown(executor);
        admin.close(Duration.ofSeconds(2));
    }
}
