package com.activitytracker.engine.backtest;

import com.activitytracker.engine.event.ActivityEvent;
import com.activitytracker.engine.event.ActivityEventCodec;
import com.activitytracker.engine.event.InvalidEventException;
import com.activitytracker.engine.generator.InjectedScenario;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * Replays a span of the activities topic through two fraud detectors, one with the live thresholds
 * and one with candidate thresholds, and compares what each would have raised.
 *
 * <p>It reads with a consumer of its own that is assigned partitions rather than subscribed, so it
 * belongs to no group, commits nothing and cannot make the live consumers rebalance. It reads from
 * the offsets for the span's start ({@code offsetsForTimes}) up to the end offsets found when it
 * started: records written meanwhile belong to the live detectors, not to this comparison.
 *
 * <p>Both detectors start empty at the span's start, so the live side here is "the live thresholds
 * over the same span", the fair comparison, rather than a copy of the alerts raised live (which
 * saw what came before the span).
 */
public final class Backtest {
    private static final Duration POLL = Duration.ofMillis(200);
    private static final long PROGRESS_EVERY_NANOS = 250_000_000L;

    private final Supplier<Consumer<byte[], byte[]>> readerFactory;
    private final String topic;
    private final ActivityEventCodec codec;
    private final Clock clock;
    private final IntSupplier usersPerSide;

    /**
     * A backtest whose detectors keep the users that fit in the heap left when it runs ({@link ReplayMemory}).
     *
     * @param readerFactory makes the consumer this backtest owns and closes; it must have no group
     *                      (or at least never commit) and read raw bytes
     */
    public Backtest(
            Supplier<Consumer<byte[], byte[]>> readerFactory, String topic, ActivityEventCodec codec, Clock clock) {
        this(readerFactory, topic, codec, clock, ReplayMemory::usersPerSide);
    }

    /** @param usersPerSide asked once per run: how many users each side's detector keeps at most */
    public Backtest(
            Supplier<Consumer<byte[], byte[]>> readerFactory,
            String topic,
            ActivityEventCodec codec,
            Clock clock,
            IntSupplier usersPerSide) {
        this.readerFactory = Objects.requireNonNull(readerFactory, "readerFactory");
        this.topic = Objects.requireNonNull(topic, "topic");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.usersPerSide = Objects.requireNonNull(usersPerSide, "usersPerSide");
    }

    /**
     * Runs the replay on the calling thread.
     *
     * @param cancelled polled between batches; when it turns true the replay stops
     * @throws BacktestCancelledException when cancelled
     */
    public BacktestReport run(BacktestRequest request, BacktestProgress progress, BooleanSupplier cancelled) {
        long startedAt = System.nanoTime();
        Instant to = clock.instant();
        Instant from = to.minus(request.span());
        int users = usersPerSide.getAsInt();
        OutcomeTally live = new OutcomeTally(request.live(), clock, users);
        OutcomeTally candidate = new OutcomeTally(request.candidate(), clock, users);
        long read = 0;
        long invalid = 0;
        try (Consumer<byte[], byte[]> reader = readerFactory.get()) {
            Map<TopicPartition, Long> end = seekToSpan(reader, from);
            long total = remaining(reader, end);
            progress.onProgress(0, total);
            long nextProgress = System.nanoTime() + PROGRESS_EVERY_NANOS;
            while (!end.isEmpty()) {
                if (cancelled.getAsBoolean()) {
                    throw new BacktestCancelledException();
                }
                for (ConsumerRecord<byte[], byte[]> record : reader.poll(POLL)) {
                    TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                    Long stop = end.get(tp);
                    if (stop == null || record.offset() >= stop) {
                        continue; // written after the backtest started
                    }
                    read++;
                    try {
                        ActivityEvent event = codec.decode(record.value());
                        live.accept(event);
                        candidate.accept(event);
                    } catch (InvalidEventException e) {
                        invalid++;
                    }
                }
                dropFinished(reader, end);
                if (System.nanoTime() >= nextProgress) {
                    progress.onProgress(read, total);
                    nextProgress = System.nanoTime() + PROGRESS_EVERY_NANOS;
                }
            }
            progress.onProgress(read, total);
        }
        return report(
                request,
                from,
                to,
                read,
                invalid,
                live,
                candidate,
                new ReplayLimit(users, Math.max(live.forgottenUsers(), candidate.forgottenUsers())),
                Duration.ofNanos(System.nanoTime() - startedAt));
    }

    /** Assigns every partition, seeks each to the span's start and returns the offsets to stop at. */
    private Map<TopicPartition, Long> seekToSpan(Consumer<byte[], byte[]> reader, Instant from) {
        List<PartitionInfo> infos = reader.partitionsFor(topic);
        if (infos == null || infos.isEmpty()) {
            throw new IllegalStateException("topic " + topic + " does not exist");
        }
        List<TopicPartition> partitions = infos.stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
        reader.assign(partitions);
        Map<TopicPartition, Long> end = new HashMap<>(reader.endOffsets(partitions));
        Map<TopicPartition, Long> times =
                partitions.stream().collect(Collectors.toMap(tp -> tp, tp -> from.toEpochMilli()));
        Map<TopicPartition, OffsetAndTimestamp> start = reader.offsetsForTimes(times);
        for (TopicPartition tp : partitions) {
            OffsetAndTimestamp found = start.get(tp);
            // no record at or after `from`: nothing of this partition is in the span
            reader.seek(tp, found != null ? found.offset() : end.get(tp));
        }
        dropFinished(reader, end);
        return end;
    }

    private static long remaining(Consumer<byte[], byte[]> reader, Map<TopicPartition, Long> end) {
        long total = 0;
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            total += Math.max(0, e.getValue() - reader.position(e.getKey()));
        }
        return total;
    }

    /** Forgets (and pauses) the partitions read up to their end offset. */
    private static void dropFinished(Consumer<byte[], byte[]> reader, Map<TopicPartition, Long> end) {
        List<TopicPartition> done = new ArrayList<>();
        end.forEach((tp, stop) -> {
            if (reader.position(tp) >= stop) {
                done.add(tp);
            }
        });
        if (!done.isEmpty()) {
            reader.pause(done);
            done.forEach(end::remove);
        }
    }

    private static BacktestReport report(
            BacktestRequest request,
            Instant from,
            Instant to,
            long read,
            long invalid,
            OutcomeTally live,
            OutcomeTally candidate,
            ReplayLimit limit,
            Duration elapsed) {
        List<InjectedScenario> inSpan = request.groundTruth().stream()
                .filter(a -> !a.injectedAt().isBefore(from) && !a.injectedAt().isAfter(to))
                .toList();
        Set<String> attackers =
                request.groundTruth().stream().map(InjectedScenario::userId).collect(Collectors.toSet());
        Set<String> newly = new TreeSet<>(candidate.flaggedUsers());
        newly.removeAll(live.flaggedUsers());
        Set<String> noLonger = new TreeSet<>(live.flaggedUsers());
        noLonger.removeAll(candidate.flaggedUsers());
        boolean known = request.groundTruthKnown();
        return new BacktestReport(
                from,
                to,
                read,
                invalid,
                live.ruleNames(),
                request.live(),
                request.candidate(),
                live.outcome(inSpan, attackers, known),
                candidate.outcome(inSpan, attackers, known),
                known,
                inSpan.size(),
                List.copyOf(newly),
                List.copyOf(noLonger),
                limit,
                elapsed);
    }
}
