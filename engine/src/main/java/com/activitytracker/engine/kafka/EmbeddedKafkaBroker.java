package com.activitytracker.engine.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node KRaft Kafka broker (broker and controller in one node) running in this JVM from
 * Apache Kafka's own artifacts, so the demo needs no Docker and no network. Its log lives in a data
 * directory that survives restarts unless the broker was asked to delete it on close.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final String HOST = "localhost";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final Path dataDir;
    private final int port;
    private final boolean deleteDataOnClose;
    private final KafkaRaftServer server;
    private final DataFolderLock lock;
    private final Duration startTime;
    private boolean closed;

    private EmbeddedKafkaBroker(
            Path dataDir,
            int port,
            boolean deleteDataOnClose,
            KafkaRaftServer server,
            DataFolderLock lock,
            Duration startTime) {
        this.dataDir = dataDir;
        this.port = port;
        this.deleteDataOnClose = deleteDataOnClose;
        this.server = server;
        this.lock = lock;
        this.startTime = startTime;
    }

    /**
     * Formats the storage when new, starts the broker and returns once it answers clients.
     *
     * @param port 0 for any free port
     * @throws KafkaUnavailableException when the port is taken, the data folder is another broker's, or the
     *     broker does not come up
     */
    public static EmbeddedKafkaBroker start(Path dataDir, int port, boolean deleteDataOnClose) {
        long t0 = System.nanoTime();
        int brokerPort = port == 0 ? freePort() : requireFree(port);
        int controllerPort = freePort();
        Path logDir = dataDir.resolve("kafka-logs");
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new KafkaUnavailableException(
                    "cannot create the broker's data folder " + logDir + ": " + e.getMessage());
        }
        DataFolderLock lock = DataFolderLock.acquire(dataDir);
        try {
            KafkaRaftServer server = startServer(logDir, brokerPort, controllerPort);
            EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(
                    dataDir, brokerPort, deleteDataOnClose, server, lock, Duration.ofNanos(System.nanoTime() - t0));
            log.info(
                    "Embedded Kafka broker ready at {} in {} ms (data in {})",
                    broker.bootstrapServers(),
                    broker.startTime.toMillis(),
                    dataDir);
            return broker;
        } catch (RuntimeException e) {
            lock.close(); // the folder is free again for the next try
            throw e;
        }
    }

    /** Formats the storage when new and starts the server; returns once it answers clients, shut down if not. */
    private static KafkaRaftServer startServer(Path logDir, int brokerPort, int controllerPort) {
        KafkaConfig config = KafkaConfig.fromProps(brokerProperties(logDir, brokerPort, controllerPort), false);
        format(config, logDir);
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            server.startup();
        } catch (RuntimeException e) {
            shutdownQuietly(server);
            throw new KafkaUnavailableException("embedded Kafka broker failed to start: " + e.getMessage(), e);
        }
        try {
            awaitReady(HOST + ":" + brokerPort);
        } catch (RuntimeException e) {
            shutdownQuietly(server);
            throw e;
        }
        return server;
    }

    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Wall time from {@link #start} until the broker answered clients. */
    public Duration startTime() {
        return startTime;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        shutdownQuietly(server);
        lock.close();
        if (deleteDataOnClose) {
            deleteRecursively(dataDir);
        }
        log.info("Embedded Kafka broker at {} stopped", bootstrapServers());
    }

    private static Properties brokerProperties(Path logDir, int port, int controllerPort) {
        Properties p = new Properties();
        p.putAll(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", "1"),
                // a static one-voter quorum: nothing to bootstrap, and the ports may change between restarts
                Map.entry("controller.quorum.voters", "1@" + HOST + ":" + controllerPort),
                Map.entry(
                        "listeners",
                        "PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                Map.entry("log.dirs", logDir.toString()),
                // one node: internal topics cannot have more replicas than that
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("offsets.topic.num.partitions", "6"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                // consumers join at once instead of waiting 3 s for more members: the demo starts faster
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                Map.entry("num.partitions", "6"),
                // records over the contract's 1 MiB limit must reach the consumers to be dead-lettered
                Map.entry("message.max.bytes", String.valueOf(4 * 1024 * 1024)),
                Map.entry("replica.fetch.max.bytes", String.valueOf(4 * 1024 * 1024)),
                // a laptop demo: keep a day of events at most, in small segments
                Map.entry("log.retention.hours", "24"),
                Map.entry("log.segment.bytes", String.valueOf(64 * 1024 * 1024)),
                Map.entry("num.network.threads", "2"),
                Map.entry("num.io.threads", "4"),
                // the log cleaner (it compacts the consumer-offsets topic) keeps a dedupe map of this many
                // bytes on the heap for the broker's whole life; Kafka's default of 128 MiB is sized for a
                // server's heap, and a demo's few groups need far less (8 MiB maps ~300,000 keys)
                Map.entry("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024))));
        return p;
    }

    private static void format(KafkaConfig config, Path logDir) {
        try {
            new Formatter()
                    .setPrintStream(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()))
                    .setNodeId(1)
                    .setClusterId(existingClusterId(logDir)
                            .orElseGet(() -> Uuid.randomUuid().toString()))
                    .setDirectories(List.of(logDir.toString()))
                    .setMetadataLogDirectory(logDir.toString())
                    .setControllerListenerName("CONTROLLER")
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    // a restart on the same data keeps its cluster id and its topics
                    .setIgnoreFormatted(true)
                    .run();
        } catch (Exception e) {
            throw new KafkaUnavailableException(
                    "cannot format the broker's storage in " + logDir + ": " + e.getMessage(), e);
        }
    }

    /** A restart on the same data must keep its cluster id, which the storage's meta.properties holds. */
    private static Optional<String> existingClusterId(Path logDir) {
        Path meta = logDir.resolve("meta.properties");
        if (!Files.isRegularFile(meta)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(meta)) {
            p.load(in);
        } catch (IOException e) {
            throw new KafkaUnavailableException("cannot read " + meta + ": " + e.getMessage());
        }
        return Optional.ofNullable(p.getProperty("cluster.id"));
    }

    private static void awaitReady(String bootstrapServers) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        try (Admin admin = Admin.create(p)) {
            while (true) {
                try {
                    admin.describeCluster(new DescribeClusterOptions().timeoutMs(5_000))
                            .nodes()
                            .get(5, TimeUnit.SECONDS);
                    return;
                } catch (Exception e) {
                    if (System.nanoTime() > deadline) {
                        throw new KafkaUnavailableException("embedded Kafka broker did not answer within "
                                + READY_TIMEOUT.toSeconds() + " s: " + e.getMessage());
                    }
                }
            }
        }
    }

    private static int requireFree(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getByName(HOST), port));
            return port;
        } catch (IOException e) {
            throw new KafkaUnavailableException("port " + port + " is already in use (is another Kafka running?); "
                    + "stop it, or point KAFKA_BOOTSTRAP_SERVERS at it instead of starting a broker");
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 0, InetAddress.getByName(HOST))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free local port", e);
        }
    }

    private static void shutdownQuietly(KafkaRaftServer server) {
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            log.warn("Embedded Kafka broker did not stop cleanly: {}", e.getMessage());
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.warn("Could not delete the broker's data in {}: {}", dir, e.getMessage());
        }
    }
}
