package com.activitytracker.engine.observability;

import com.activitytracker.engine.config.Settings;
import com.activitytracker.engine.event.ActivityEventCodec;
import com.activitytracker.engine.kafka.KafkaClientFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The records behind the console's Kafka view: one thread of its own tails the activities, alerts
 * and dead-letter topics with a consumer that belongs to no group (assign and seek, nothing
 * committed, so the live consumers never rebalance or move), reads the consumer groups' lag with an
 * admin client every {@link #LAGS_EVERY}, and hands the newest records to {@code sink} in batches,
 * at most every {@link #BATCH_EVERY}. It also sends a corrected dead letter back to the activities
 * topic, validated first with the consumers' own codec ({@link DeadLetterRepair}). The thread owns
 * every client it opens and closes them when {@link #close()} is called.
 */
public final class KafkaInspector implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(KafkaInspector.class);

    /** At most this many records of a live topic per batch: the newest; the rest are counted only. */
    public static final int MAX_PER_BATCH = 60;
    /** Dead letters are few and each matters: a batch holds up to this many. */
    public static final int MAX_DEAD_LETTERS_PER_BATCH = 500;

    public static final Duration BATCH_EVERY = Duration.ofMillis(500);
    public static final Duration LAGS_EVERY = Duration.ofSeconds(2);
    /** On opening, each partition of a live topic is read from this many records before its end. */
    static final int LIVE_BACK = 20;
    /** … and the dead-letter topic from this many, so the dead letters already there are shown. */
    static final int DEAD_LETTERS_BACK = 500;
    /** A new user filter looks this far back on every partition for that user's records. */
    static final int FILTER_BACK = 5_000;
    /** Unfiltered, each batch reads at most this many of the newest records per live partition. */
    static final int TAIL_SAMPLE = 10;

    private static final Duration POLL = Duration.ofMillis(100);
    private static final long ADMIN_TIMEOUT_SECONDS = 5;

    /** A correction the codec refuses: nothing was sent. */
    public static final class InvalidCorrectionException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public InvalidCorrectionException(String reason) {
            super(reason);
        }
    }

    /** A record for the activities topic, sent on the reader's thread. */
    private record PendingSend(
            byte[] key, byte[] value, RecordHeaders headers, String what, CompletableFuture<String> result) {}

    private final KafkaClientFactory clients;
    private final String activities;
    private final String alerts;
    private final String deadLetters;
    private final Consumer<InspectorBatch> sink;
    private final RecordText text = new RecordText();
    private final ObjectMapper mapper = new ObjectMapper();
    private final ActivityEventCodec codec = new ActivityEventCodec();
    private final ConcurrentLinkedQueue<PendingSend> sends = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean rewind = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread thread;
    private volatile String filter = "";
    private volatile boolean paused;
    private volatile boolean closed;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private boolean started;

    /**
     * @param settings the settings in use, with the bootstrap servers of the running cluster
     * @param sink     receives the batches on the reader's thread; it must hand them on quickly
     */
    public KafkaInspector(Settings settings, Consumer<InspectorBatch> sink) {
        this.clients = new KafkaClientFactory(settings);
        this.activities = settings.activitiesTopic();
        this.alerts = settings.alertsTopic();
        this.deadLetters = settings.dlqTopic();
        this.sink = Objects.requireNonNull(sink);
        this.thread = new Thread(this::run, "kafka-view-reader");
        thread.setDaemon(true);
        // it reads for a view: when the cores are busy, whatever draws the records goes first (its
        // consumer's heartbeat thread inherits this)
        thread.setPriority(Thread.MIN_PRIORITY);
    }

    public String activitiesTopic() {
        return activities;
    }

    public String alertsTopic() {
        return alerts;
    }

    public String deadLettersTopic() {
        return deadLetters;
    }

    /** Starts the reader's thread; returns at once. */
    public synchronized void start() {
        if (started || closed) {
            throw new IllegalStateException("a Kafka view reader starts once");
        }
        started = true;
        thread.start();
    }

    /** Only records whose key (the user id) contains this text; blank for all. Looks back for that user's records. */
    public void filter(String userId) {
        String f = userId == null ? "" : userId.strip();
        if (!f.equals(filter)) {
            filter = f;
            rewind.set(true);
        }
    }

    /** While paused nothing is read; on resume the reader carries on where it stopped (or jumps to the tail). */
    public void pause(boolean pause) {
        paused = pause;
        LockSupport.unpark(thread);
    }

    /** Why a corrected value would be refused by the consumers, or empty when it is a valid activity event. */
    public Optional<String> check(InspectedRecord letter, byte[] corrected) {
        ConsumerRecord<byte[], byte[]> r =
                new ConsumerRecord<>(letter.topic(), letter.partition(), letter.offset(), letter.rawKey(), corrected);
        DeadLetterRepair.Verdict verdict = new DeadLetterRepair(codec).check(DeadLetter.of(r));
        return verdict.valid() ? Optional.empty() : Optional.of(verdict.stillInvalid());
    }

    /**
     * Sends a corrected dead letter to the activities topic with its original key and headers (not the
     * {@code dlq.*} ones) and {@code dlq.replayed.from}; completes with where it landed
     * ({@code topic/partition@offset}). An invalid correction completes exceptionally with
     * {@link InvalidCorrectionException} and sends nothing.
     */
    public CompletableFuture<String> resend(InspectedRecord letter, byte[] corrected) {
        if (letter.deadLetter().isEmpty()) {
            return CompletableFuture.failedFuture(
                    new IllegalArgumentException(letter.place() + " is not a dead letter"));
        }
        Optional<String> invalid = check(letter, corrected);
        if (invalid.isPresent()) {
            return CompletableFuture.failedFuture(new InvalidCorrectionException(invalid.get()));
        }
        RecordHeaders headers = new RecordHeaders();
        for (InspectedRecord.Header h : letter.headers()) {
            if (!h.name().startsWith("dlq.")) {
                headers.add(h.name(), h.raw());
            }
        }
        String from = letter.deadLetter().orElseThrow().place();
        headers.add(DeadLetter.REPLAYED_FROM, from.getBytes(StandardCharsets.UTF_8));
        return enqueue(new PendingSend(letter.rawKey(), corrected.clone(), headers, from, new CompletableFuture<>()));
    }

    /**
     * For a demonstration: sends a purchase without an amount for {@code userId} to the activities
     * topic; both consumers refuse it, so it shows up twice in the dead-letter topic, ready to be
     * corrected. Completes with where it landed.
     */
    public CompletableFuture<String> sendBrokenPurchase(String userId) {
        String json = "{\"event_id\":\"" + UUID.randomUUID() + "\",\"event_type\":\"purchase\",\"user_id\":\""
                + userId + "\",\"timestamp\":\"" + Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS)
                + "\",\"order_id\":\"ord-demo-"
                + UUID.randomUUID().toString().substring(0, 8)
                + "\",\"product_id\":\"p-1042\",\"currency\":\"USD\"}";
        return enqueue(new PendingSend(
                userId.getBytes(StandardCharsets.UTF_8),
                json.getBytes(StandardCharsets.UTF_8),
                new RecordHeaders(),
                "a purchase without an amount",
                new CompletableFuture<>()));
    }

    private CompletableFuture<String> enqueue(PendingSend send) {
        sends.add(send);
        if (closed || stopped.getCount() == 0) {
            failPendingSends();
        }
        LockSupport.unpark(thread);
        return send.result();
    }

    /** Stops the reader; its thread closes the consumer, the admin client and the producer. Returns at once. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        KafkaConsumer<byte[], byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        LockSupport.unpark(thread);
        if (!started) {
            stopped.countDown();
        }
    }

    /** Waits until the thread has closed its clients; true when it has. */
    public boolean awaitClosed(Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean isClosed() {
        return stopped.getCount() == 0;
    }

    // ---- The reader's thread --------------------------------------------------------------------

    private void run() {
        KafkaProducer<byte[], byte[]> producer = null;
        log.info("Kafka view reading {}, {} and {}", activities, alerts, deadLetters);
        try (KafkaConsumer<byte[], byte[]> c = clients.reader("activity-tracker-kafka-view");
                Admin admin = clients.admin()) {
            consumer = c;
            if (closed) {
                return;
            }
            List<TopicPartition> partitions = assign(c);
            seekBack(c, partitions, false);
            Map<String, ArrayDeque<ConsumerRecord<byte[], byte[]>>> newest = new HashMap<>();
            Map<String, Long> read = new HashMap<>();
            Optional<List<ConsumerGroupLag>> lags = Optional.empty();
            Optional<String> problem = Optional.empty();
            List<TopicPartition> live = partitions.stream()
                    .filter(tp -> !tp.topic().equals(deadLetters))
                    .toList();
            Map<TopicPartition, Long> sampling = null;
            long nextBatch = System.nanoTime();
            long nextLags = nextBatch;
            while (!closed) {
                producer = sendPending(producer);
                if (rewind.getAndSet(false)) {
                    newest.clear();
                    c.resume(partitions);
                    sampling = null;
                    seekBack(c, partitions, !filter.isEmpty());
                }
                if (paused) {
                    LockSupport.parkNanos(POLL.toNanos());
                } else {
                    String f = filter;
                    for (ConsumerRecord<byte[], byte[]> r : c.poll(POLL)) {
                        read.merge(r.topic(), 1L, Long::sum);
                        if (matches(r, f)) {
                            ArrayDeque<ConsumerRecord<byte[], byte[]>> q =
                                    newest.computeIfAbsent(r.topic(), t -> new ArrayDeque<>());
                            q.addLast(r);
                            if (q.size() > cap(r.topic())) {
                                q.removeFirst();
                            }
                        }
                    }
                    if (sampling != null) {
                        sampling = pauseWhereReached(c, sampling);
                    }
                }
                long now = System.nanoTime();
                if (now >= nextLags) {
                    try {
                        lags = Optional.of(readLags(admin, c));
                        problem = Optional.empty();
                    } catch (ExecutionException | TimeoutException e) {
                        problem = Optional.of("Could not read the consumer groups: " + rootMessage(e));
                    }
                    nextLags = now + LAGS_EVERY.toNanos();
                }
                if (now >= nextBatch) {
                    if (!newest.isEmpty() || !read.isEmpty() || lags.isPresent() || problem.isPresent()) {
                        sink.accept(new InspectorBatch(render(newest), read, lags, problem));
                        newest.clear();
                        read.clear();
                        lags = Optional.empty();
                        problem = Optional.empty();
                    }
                    if (filter.isEmpty() && !paused) {
                        sampling = sampleTail(c, live);
                    } else if (sampling != null) {
                        c.resume(partitions);
                        sampling = null;
                    }
                    nextBatch = now + BATCH_EVERY.toNanos();
                }
            }
        } catch (WakeupException e) {
            // close() woke the consumer: stopping
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (!closed) {
                log.warn("Kafka view reader stopped: {}", e.toString());
                sink.accept(new InspectorBatch(
                        Map.of(), Map.of(), Optional.empty(), Optional.of("Reading stopped: " + rootMessage(e))));
            }
        } finally {
            consumer = null;
            if (producer != null) {
                producer.close(Duration.ofSeconds(5));
            }
            stopped.countDown();
            failPendingSends();
            log.info("Kafka view reader closed");
        }
    }

    private List<TopicPartition> assign(KafkaConsumer<byte[], byte[]> c) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(activities, alerts, deadLetters)) {
            List<PartitionInfo> infos = c.partitionsFor(topic, Duration.ofSeconds(15));
            if (infos != null) {
                infos.forEach(i -> partitions.add(new TopicPartition(topic, i.partition())));
            }
        }
        c.assign(partitions);
        return partitions;
    }

    private void seekBack(KafkaConsumer<byte[], byte[]> c, List<TopicPartition> partitions, boolean forFilter) {
        Map<TopicPartition, Long> begin = c.beginningOffsets(partitions);
        Map<TopicPartition, Long> end = c.endOffsets(partitions);
        for (TopicPartition tp : partitions) {
            long back = forFilter ? FILTER_BACK : tp.topic().equals(deadLetters) ? DEAD_LETTERS_BACK : LIVE_BACK;
            c.seek(tp, Math.max(begin.getOrDefault(tp, 0L), end.getOrDefault(tp, 0L) - back));
        }
    }

    /**
     * Unfiltered, the live topics are sampled at their tail: each batch, a partition more than
     * {@link #TAIL_SAMPLE} records behind its end jumps to that many before it, is read up to the end
     * as it was then, and is paused until the next batch. So at any rate the reader fetches at most
     * that many records per partition per batch: the view shows the newest, and a fast stream costs
     * it (and the broker) no more than a slow one. The dead-letter topic is read whole.
     *
     * @return the end offsets the resumed partitions are read up to
     */
    private static Map<TopicPartition, Long> sampleTail(KafkaConsumer<byte[], byte[]> c, List<TopicPartition> live) {
        Map<TopicPartition, Long> ends = c.endOffsets(live);
        List<TopicPartition> resume = new ArrayList<>();
        for (TopicPartition tp : live) {
            long end = ends.getOrDefault(tp, 0L);
            long position = c.position(tp);
            if (end - position > TAIL_SAMPLE) {
                c.seek(tp, end - TAIL_SAMPLE);
            }
            if (position < end || end - position > TAIL_SAMPLE) {
                resume.add(tp);
            }
        }
        c.resume(resume);
        return ends;
    }

    /** Pauses each sampled partition once it has been read up to its end of the sample; null when all are. */
    private static Map<TopicPartition, Long> pauseWhereReached(
            KafkaConsumer<byte[], byte[]> c, Map<TopicPartition, Long> sampling) {
        List<TopicPartition> reached = new ArrayList<>();
        for (Map.Entry<TopicPartition, Long> e : sampling.entrySet()) {
            if (!c.paused().contains(e.getKey()) && c.position(e.getKey()) >= e.getValue()) {
                reached.add(e.getKey());
            }
        }
        c.pause(reached);
        return sampling;
    }

    private int cap(String topic) {
        return topic.equals(deadLetters) ? MAX_DEAD_LETTERS_PER_BATCH : MAX_PER_BATCH;
    }

    private static boolean matches(ConsumerRecord<byte[], byte[]> r, String filter) {
        return filter.isEmpty() || (r.key() != null && new String(r.key(), StandardCharsets.UTF_8).contains(filter));
    }

    private KafkaProducer<byte[], byte[]> sendPending(KafkaProducer<byte[], byte[]> producer) {
        PendingSend s;
        while ((s = sends.poll()) != null) {
            PendingSend send = s;
            try {
                if (producer == null) {
                    producer = clients.rawProducer("activity-tracker-kafka-view-resend");
                }
                producer.send(
                        new ProducerRecord<>(activities, null, send.key(), send.value(), send.headers()),
                        (m, error) -> {
                            if (error != null) {
                                send.result().completeExceptionally(error);
                            } else {
                                log.info(
                                        "Kafka view sent {} to {}/{}@{}",
                                        send.what(),
                                        m.topic(),
                                        m.partition(),
                                        m.offset());
                                send.result().complete(m.topic() + "/" + m.partition() + "@" + m.offset());
                            }
                        });
            } catch (RuntimeException e) {
                send.result().completeExceptionally(e);
            }
        }
        return producer;
    }

    private void failPendingSends() {
        PendingSend s;
        while ((s = sends.poll()) != null) {
            s.result().completeExceptionally(new IllegalStateException("the Kafka view is closed"));
        }
    }

    /** Every consumer group with offsets on (or members reading) the tracker's topics, partition by partition. */
    private List<ConsumerGroupLag> readLags(Admin admin, KafkaConsumer<byte[], byte[]> c)
            throws ExecutionException, TimeoutException, InterruptedException {
        Set<String> topics = Set.of(activities, alerts, deadLetters);
        List<String> ids = admin
                .listGroups(ListGroupsOptions.forConsumerGroups())
                .all()
                .get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .stream()
                .map(GroupListing::groupId)
                .sorted()
                .toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, ConsumerGroupDescription> described =
                admin.describeConsumerGroups(ids).all().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<String, Map<TopicPartition, Long>> committedByGroup = new LinkedHashMap<>();
        Set<TopicPartition> all = new HashSet<>();
        for (String id : ids) {
            Map<TopicPartition, Long> committed = new HashMap<>();
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(id)
                    .partitionsToOffsetAndMetadata()
                    .get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            offsets.forEach((tp, om) -> {
                if (om != null && topics.contains(tp.topic())) {
                    committed.put(tp, om.offset());
                }
            });
            ConsumerGroupDescription d = described.get(id);
            if (d != null) {
                for (MemberDescription m : d.members()) {
                    for (TopicPartition tp : m.assignment().topicPartitions()) {
                        if (topics.contains(tp.topic())) {
                            committed.putIfAbsent(tp, -1L);
                        }
                    }
                }
            }
            if (!committed.isEmpty()) {
                committedByGroup.put(id, committed);
                all.addAll(committed.keySet());
            }
        }
        Map<TopicPartition, Long> ends = all.isEmpty() ? Map.of() : c.endOffsets(all);
        List<ConsumerGroupLag> rows = new ArrayList<>();
        committedByGroup.forEach((id, committed) -> {
            ConsumerGroupDescription d = described.get(id);
            String state = d == null ? "?" : d.groupState().toString();
            int members = d == null ? 0 : d.members().size();
            committed.forEach((tp, offset) -> rows.add(new ConsumerGroupLag(
                    id, state, members, tp.topic(), tp.partition(), offset, ends.getOrDefault(tp, 0L))));
        });
        rows.sort(Comparator.comparing((ConsumerGroupLag r) -> r.members() == 0)
                .thenComparing(ConsumerGroupLag::group)
                .thenComparing(ConsumerGroupLag::topic)
                .thenComparingInt(ConsumerGroupLag::partition));
        return rows;
    }

    private Map<String, List<InspectedRecord>> render(Map<String, ArrayDeque<ConsumerRecord<byte[], byte[]>>> newest) {
        Map<String, List<InspectedRecord>> out = new HashMap<>();
        newest.forEach((topic, records) -> {
            List<InspectedRecord> list = new ArrayList<>(records.size());
            records.forEach(r -> list.add(inspect(r)));
            // a batch holds the newest of each partition in turn; the view lists them by time
            list.sort(Comparator.comparingLong(InspectedRecord::timestampMillis));
            out.put(topic, list);
        });
        return out;
    }

    /** One record as the view shows it (public for tests). */
    public InspectedRecord inspect(ConsumerRecord<byte[], byte[]> r) {
        List<InspectedRecord.Header> headers = new ArrayList<>();
        for (org.apache.kafka.common.header.Header h : r.headers()) {
            byte[] raw = h.value() == null ? new byte[0] : h.value();
            headers.add(new InspectedRecord.Header(
                    RecordText.safe(h.key().getBytes(StandardCharsets.UTF_8), 256),
                    h.value() == null ? "(null)" : RecordText.safe(raw, 1024),
                    raw));
        }
        Optional<InspectedRecord.DeadLetterFacts> facts = Optional.empty();
        if (r.topic().equals(deadLetters)) {
            DeadLetter letter = DeadLetter.of(r);
            facts = Optional.of(new InspectedRecord.DeadLetterFacts(
                    RecordText.safe(letter.error().getBytes(StandardCharsets.UTF_8), 1024),
                    RecordText.safe(letter.consumer().getBytes(StandardCharsets.UTF_8), 64),
                    letter.source(),
                    letter.place()));
        }
        return new InspectedRecord(
                r.topic(),
                r.partition(),
                r.offset(),
                r.timestamp(),
                r.key() == null ? "" : RecordText.safe(r.key(), 256),
                headers,
                text.value(r.value()),
                facts.map(InspectedRecord.DeadLetterFacts::error).orElseGet(() -> summary(r)),
                r.key(),
                r.value(),
                facts);
    }

    private String summary(ConsumerRecord<byte[], byte[]> r) {
        byte[] v = r.value();
        if (v == null) {
            return "(tombstone)";
        }
        try {
            JsonNode node = v.length > RecordText.SHOW_BYTES * 16 ? null : mapper.readTree(v);
            if (node == null || !node.isObject()) {
                return "not a JSON object (" + v.length + " bytes)";
            }
            if (r.topic().equals(alerts)) {
                return node.path("severity").asText("?") + " "
                        + node.path("rule").asText("?") + ": "
                        + node.path("description").asText("");
            }
            StringBuilder s = new StringBuilder(node.path("event_type").asText("?"));
            if (node.hasNonNull("amount")) {
                s.append(' ')
                        .append(node.get("amount").asText())
                        .append(' ')
                        .append(node.path("currency").asText("USD"));
            }
            if (node.hasNonNull("page")) {
                s.append("  ").append(node.get("page").asText());
            }
            return RecordText.safe(s.toString().getBytes(StandardCharsets.UTF_8), 200);
        } catch (IOException e) {
            return "not JSON (" + v.length + " bytes)";
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
