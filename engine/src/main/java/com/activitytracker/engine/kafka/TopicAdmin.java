package com.activitytracker.engine.kafka;

import com.activitytracker.engine.config.Settings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Checks that the cluster answers and creates the activity, alert and DLQ topics when missing. */
public final class TopicAdmin {
    private static final Logger log = LoggerFactory.getLogger(TopicAdmin.class);

    /** Largest record the topics accept: twice the contract's limit, plus headers. */
    static final int MAX_MESSAGE_BYTES = 2 * 1024 * 1024 + 64 * 1024;

    private static final long LEADER_POLL_MS = 50;

    private final KafkaClientFactory clients;
    private final Duration timeout;

    public TopicAdmin(KafkaClientFactory clients, Duration timeout) {
        this.clients = clients;
        this.timeout = timeout;
    }

    /**
     * @return the number of brokers in the cluster
     * @throws KafkaUnavailableException when no broker answers within the timeout
     */
    public int awaitCluster() {
        try (Admin admin = clients.admin()) {
            return awaitCluster(admin);
        }
    }

    /**
     * What a program does before its clients start, with one admin client: waits for the cluster and
     * creates the missing topics. First it asks for the coordinator of {@code group}, without waiting
     * for the answer: on a new cluster that question makes the broker create and load its
     * consumer-offsets topic while ours are created, instead of when the consumers first ask for their
     * coordinator (about 0.3 s more before the first event of a demo counts).
     *
     * @return the topics that were created (empty when all existed)
     */
    public List<String> prepare(Settings settings, String group) {
        Admin admin = clients.admin();
        try {
            boolean singleBroker = awaitCluster(admin) == 1;
            admin.listConsumerGroupOffsets(group);
            return ensureTopics(admin, settings, singleBroker);
        } finally {
            // the lookup may still be retrying while the broker loads that topic: its work is done once
            // the broker has the question, so it is not waited for
            admin.close(Duration.ZERO);
        }
    }

    /** How many brokers answered, and which topics were created (empty when all existed). */
    public record ClusterTopics(int brokers, List<String> created) {}

    /**
     * What a command does first, with one admin client: waits for the cluster and creates the missing
     * topics (replication factor 1 on a single broker).
     *
     * @throws KafkaUnavailableException when no broker answers or a topic is refused
     */
    public ClusterTopics awaitClusterAndTopics(Settings settings) {
        try (Admin admin = clients.admin()) {
            int brokers = awaitCluster(admin);
            return new ClusterTopics(brokers, ensureTopics(admin, settings, brokers == 1));
        }
    }

    private int awaitCluster(Admin admin) {
        try {
            return admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                    .nodes()
                    .get(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS)
                    .size();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailableException("interrupted while connecting to Kafka");
        } catch (ExecutionException | TimeoutException e) {
            throw unreachable();
        }
    }

    /**
     * Creates each missing topic with the settings' partitions; replication factor 1 on a single-broker
     * cluster, {@code KAFKA_REPLICATION_FACTOR} otherwise.
     *
     * @return the topics that were created (empty when all existed)
     */
    public List<String> ensureTopics(Settings settings, boolean singleBroker) {
        try (Admin admin = clients.admin()) {
            return ensureTopics(admin, settings, singleBroker);
        }
    }

    private List<String> ensureTopics(Admin admin, Settings settings, boolean singleBroker) {
        short replication = singleBroker ? 1 : settings.replicationFactor();
        List<String> wanted = List.of(settings.activitiesTopic(), settings.alertsTopic(), settings.dlqTopic());
        List<String> created = new ArrayList<>();
        try {
            Set<String> existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            List<NewTopic> missing = wanted.stream()
                    .filter(topic -> !existing.contains(topic))
                    .map(topic -> new NewTopic(topic, settings.partitions(), replication)
                            .configs(Map.of(
                                    "retention.ms",
                                    String.valueOf(Duration.ofDays(1).toMillis()),
                                    // room for records over the 1 MiB contract limit, so they reach the DLQ intact
                                    "max.message.bytes",
                                    String.valueOf(MAX_MESSAGE_BYTES))))
                    .toList();
            // one request for all of them: each creation is a round of the controller's metadata log
            Map<String, KafkaFuture<Void>> results =
                    missing.isEmpty() ? Map.of() : admin.createTopics(missing).values();
            for (NewTopic topic : missing) {
                try {
                    results.get(topic.name()).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                    created.add(topic.name());
                    log.info(
                            "Created topic {} ({} partitions, replication factor {})",
                            topic.name(),
                            settings.partitions(),
                            replication);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) { // another process won the race: fine
                        throw new KafkaUnavailableException("the cluster refused to create topic '" + topic.name()
                                + "' (" + settings.partitions() + " partitions, replication factor " + replication
                                + "): " + e.getCause().getMessage());
                    }
                }
            }
            awaitLeaders(admin, created, settings.partitions());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailableException("interrupted while creating topics");
        } catch (ExecutionException | TimeoutException e) {
            throw unreachable();
        }
        return created;
    }

    /**
     * Waits until the leader of every new partition serves requests. A produce request that reaches
     * the broker before it has applied the partition's creation fails with a retriable error, and an
     * idempotent producer with several requests in flight can then have its retry refused forever as
     * out of order (KAFKA-15591): the retried records would only go out after the delivery timeout,
     * as a failure. A ListOffsets answer comes from the same replica manager a produce request uses,
     * so once every partition answers one, producing is safe.
     */
    private void awaitLeaders(Admin admin, List<String> topics, int partitions) throws InterruptedException {
        if (topics.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (String topic : topics) {
            for (int p = 0; p < partitions; p++) {
                latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!partitionsServe(admin, topics, partitions, latest)) {
            if (System.nanoTime() >= deadline) {
                throw new KafkaUnavailableException(
                        "the partitions of " + topics + " have no leader after " + timeout.toSeconds() + " s");
            }
            Thread.sleep(LEADER_POLL_MS); // a backoff between checks, not a wait for a result
        }
    }

    private boolean partitionsServe(
            Admin admin, List<String> topics, int partitions, Map<TopicPartition, OffsetSpec> latest)
            throws InterruptedException {
        try {
            // leaders known first: a ListOffsets for a topic the admin client has no metadata for yet
            // is logged by Kafka at ERROR, which would alarm whoever reads the terminal
            boolean led = admin
                    .describeTopics(topics)
                    .allTopicNames()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .values()
                    .stream()
                    .allMatch(d -> d.partitions().size() == partitions
                            && d.partitions().stream().allMatch(p -> p.leader() != null));
            if (!led) {
                return false;
            }
            admin.listOffsets(latest).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    private KafkaUnavailableException unreachable() {
        return new KafkaUnavailableException("cannot reach Kafka at " + clients.bootstrapServers() + " within "
                + timeout.toSeconds() + " s; is the broker running? (start one with the 'broker' command, or set "
                + Settings.KAFKA_BOOTSTRAP_SERVERS + ")");
    }
}
