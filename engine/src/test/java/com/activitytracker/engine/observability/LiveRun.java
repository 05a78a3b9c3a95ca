package com.activitytracker.engine.observability;

import static org.awaitility.Awaitility.await;

import com.activitytracker.engine.Engine;
import com.activitytracker.engine.config.MetricsPort;
import com.activitytracker.engine.config.Settings;
import com.activitytracker.engine.generator.Scenario;
import com.activitytracker.engine.testing.KafkaTestCluster;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * An engine streaming against a real broker with its metrics served on a free loopback port, run
 * until every kind of meter has a value: a whale purchase (an alert, revenue) and a record that is
 * not JSON (a dead letter), and a garbage collection (JVM's pause timer is only registered once the
 * first collection is reported, which a short run on a large heap may never see).
 */
final class LiveRun implements AutoCloseable {
    final MetricsExport metrics;
    final Engine engine;

    private LiveRun(MetricsExport metrics, Engine engine) {
        this.metrics = metrics;
        this.engine = engine;
    }

    static LiveRun start(KafkaTestCluster kafka, Path dir, long seed) throws Exception {
        Settings settings =
                kafka.freshSettings(dir, Map.of(Settings.EVENTS_PER_SECOND, "200", Settings.METRICS_PORT, "0"));
        MetricsExport metrics = MetricsExport.start("run", MetricsPort.of(settings, true));
        Engine engine = new Engine(settings, Clock.systemUTC(), metrics.registry(), seed);
        LiveRun run = new LiveRun(metrics, engine);
        try {
            engine.startAndAwait(Duration.ofSeconds(60));
            engine.inject(Scenario.WHALE_PURCHASE);
            kafka.produceRaw(
                    settings.activitiesTopic(),
                    List.of(new ProducerRecord<>(
                            settings.activitiesTopic(), "u-bad", "{not json".getBytes(StandardCharsets.UTF_8))));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> engine.latestSnapshot() != null
                            && engine.latestSnapshot().alertsTotal() > 0
                            && engine.latestSnapshot().analytics().invalidRecords() > 0
                            && engine.latestSnapshot().analytics().purchases() > 0);
            System.gc();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> metrics.registry().find("jvm.gc.pause").timer() != null);
            return run;
        } catch (Exception | AssertionError e) {
            run.close();
            throw e;
        }
    }

    /** The {@code http://127.0.0.1:PORT/metrics} address. */
    String url() {
        return metrics.endpoint().orElseThrow().url();
    }

    @Override
    public void close() {
        engine.close();
        metrics.close();
    }
}
