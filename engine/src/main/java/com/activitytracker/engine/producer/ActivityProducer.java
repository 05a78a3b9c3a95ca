package com.activitytracker.engine.producer;

import static net.logstash.logback.argument.StructuredArguments.kv;

import com.activitytracker.engine.event.ActivityEvent;
import com.activitytracker.engine.event.ActivityEventCodec;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends generated events to the activities topic from its own thread, keyed by user id, paced by a
 * {@link RateLimiter} whose target may change at any moment. Owns its Kafka producer: created inside
 * the thread, flushed and closed when the thread ends.
 */
public final class ActivityProducer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ActivityProducer.class);
    private static final int MAX_BATCH = 1_000;
    private static final long MAX_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    private static final long RATE_SAMPLE_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    /**
     * One acknowledgement in 16 is timed: callbacks run on Kafka's I/O thread, which also sends the
     * batches, so even a sample written to a ring ({@link LatencySamples}) per record is work taken
     * from sending; a sample of one in 16 shows the same distribution.
     */
    private static final long LATENCY_SAMPLE_MASK = 15;

    private final Supplier<Producer<String, byte[]>> clientFactory;
    private final String topic;
    private final EventSource source;
    private final RateLimiter limiter;
    private final ActivityEventCodec codec;
    private final Clock clock;
    private final long maxEvents;
    private final int progressEvery;
    private final Consumer<ProducerStats> onProgress;
    private final Timer sendLatency;
    private final LatencySamples latencySamples = new LatencySamples();

    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicReference<Delivery> lastDelivery = new AtomicReference<>();
    /**
     * When Kafka last moved: the newest acknowledgement, or a send made while nothing was outstanding.
     * With {@link #sendStartedNanos} it tells a broker outage (records wait, nothing comes back) from
     * ordinary back-pressure. Release/acquire only: one plain store each on the hot path.
     */
    private final AtomicLong lastProgressNanos = new AtomicLong();
    /** When the send in progress started, or 0 between sends; send() blocks while Kafka is away. */
    private final AtomicLong sendStartedNanos = new AtomicLong();

    private final AtomicReference<String> error = new AtomicReference<>();
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile double actualRate;
    private volatile boolean closing;
    private volatile long startNanos;
    private volatile long endNanos;
    private Thread thread;

    private ActivityProducer(Builder b) {
        this.clientFactory = b.clientFactory;
        this.topic = b.topic;
        this.source = b.source;
        this.limiter = new RateLimiter(System::nanoTime, b.rate);
        this.codec = b.codec;
        this.clock = b.clock;
        this.maxEvents = b.maxEvents;
        this.progressEvery = b.progressEvery;
        this.onProgress = b.onProgress;
        MeterRegistry registry = b.registry;
        FunctionCounter.builder("tracker.producer.sent", sent, AtomicLong::get)
                .description("events handed to the Kafka producer")
                .register(registry);
        FunctionCounter.builder("tracker.producer.delivered", delivered, AtomicLong::get)
                .description("events acknowledged by the cluster")
                .register(registry);
        FunctionCounter.builder("tracker.producer.failed", failed, AtomicLong::get)
                .description("events Kafka could not deliver")
                .register(registry);
        Gauge.builder("tracker.producer.rate", () -> actualRate)
                .baseUnit("events/s")
                .description("events sent per second, recent")
                .register(registry);
        Gauge.builder("tracker.producer.target.rate", limiter::rate)
                .baseUnit("events/s")
                .register(registry);
        this.sendLatency = Timer.builder("tracker.producer.send.latency")
                .description("from send() to the broker's acknowledgement (one record in 16)")
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(registry);
        source.setTargetRate(b.rate);
    }

    public static Builder builder(Supplier<Producer<String, byte[]>> clientFactory, String topic, EventSource source) {
        return new Builder(clientFactory, topic, source);
    }

    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("already started");
        }
        startNanos = System.nanoTime();
        thread = new Thread(this::run, "activity-producer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Changes the target rate at once; 0 pauses, {@link RateLimiter#UNLIMITED} sends as fast as possible. */
    public void setRate(double eventsPerSecond) {
        limiter.setRate(eventsPerSecond);
        source.setTargetRate(eventsPerSecond);
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t); // a paused producer resumes without waiting out its park
        }
    }

    public double targetRate() {
        return limiter.rate();
    }

    /** Waits until the producer has sent {@code --events} and every record is acknowledged, or has failed. */
    public boolean awaitFinished(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean isRunning() {
        return thread != null && finished.getCount() > 0;
    }

    /**
     * How long records have waited for Kafka without any acknowledgement coming back (a broker
     * outage, or a cluster not reachable yet), or {@link Duration#ZERO} while Kafka keeps up. Events
     * are kept and retried meanwhile, for up to {@link com.activitytracker.engine.kafka.KafkaClientFactory#PRODUCER_OUTAGE_TOLERANCE}.
     */
    public Duration waitingForKafka() {
        boolean blocked = sendStartedNanos.getAcquire() != 0;
        boolean outstanding = sent.get() - delivered.get() - failed.get() > 0;
        if (!blocked && !outstanding) {
            return Duration.ZERO;
        }
        return Duration.ofNanos(Math.max(0, System.nanoTime() - lastProgressNanos.getAcquire()));
    }

    /** Records handed to Kafka and not yet acknowledged or failed. */
    public long inFlight() {
        return sent.get() - delivered.get() - failed.get();
    }

    public ProducerStats stats() {
        long end = endNanos != 0 ? endNanos : System.nanoTime();
        Duration elapsed = startNanos == 0 ? Duration.ZERO : Duration.ofNanos(end - startNanos);
        double seconds = elapsed.toNanos() / 1e9;
        long s = sent.get();
        return new ProducerStats(
                s,
                delivered.get(),
                failed.get(),
                limiter.rate(),
                actualRate,
                seconds > 0 ? s / seconds : 0,
                source.activeSessions(),
                elapsed,
                lastDelivery.get(),
                isRunning(),
                error.get());
    }

    @Override
    public void close() {
        closing = true;
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
            try {
                if (!finished.await(30, TimeUnit.SECONDS)) {
                    log.warn("Producer thread did not stop within 30 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        try (Producer<String, byte[]> producer = clientFactory.get()) {
            produce(producer);
            producer.flush(); // final statistics count acknowledgements, so wait for them
            latencySamples.drainLastTo(sendLatency);
        } catch (RuntimeException e) {
            error.set(describe(e));
            log.error("Producer stopped: {}", describe(e), e);
        } finally {
            endNanos = System.nanoTime();
            finished.countDown();
        }
    }

    private void produce(Producer<String, byte[]> producer) {
        long sampleAt = System.nanoTime();
        long sampleCount = 0;
        while (!closing && !done()) {
            // millisecond event times, like Kafka's record timestamps and the contract's example
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            for (ActivityEvent extra : source.dueExtraEvents(now)) {
                send(producer, extra);
            }
            int due = limiter.acquireDue(permitsWanted());
            for (int i = 0; i < due && !closing; i++) {
                send(producer, source.next(now));
            }
            long t = System.nanoTime();
            if (t - sampleAt >= RATE_SAMPLE_NANOS) {
                latencySamples.drainTo(sendLatency);
                actualRate = (sent.get() - sampleCount) * 1e9 / (t - sampleAt);
                sampleAt = t;
                sampleCount = sent.get();
            }
            if (due == 0) {
                LockSupport.parkNanos(Math.min(limiter.nanosUntilNextPermit(), MAX_PARK_NANOS));
            }
        }
        actualRate = 0;
    }

    private int permitsWanted() {
        return maxEvents > 0 ? (int) Math.min(MAX_BATCH, maxEvents - sent.get()) : MAX_BATCH;
    }

    private boolean done() {
        return maxEvents > 0 && sent.get() >= maxEvents;
    }

    private void send(Producer<String, byte[]> producer, ActivityEvent event) {
        byte[] value = codec.encode(event);
        long t0 = System.nanoTime();
        if (sent.get() - delivered.get() - failed.get() == 0) {
            lastProgressNanos.setRelease(t0); // nothing outstanding: any wait starts now
        }
        sendStartedNanos.setRelease(t0);
        try {
            // the record's timestamp is the event time, so Kafka's time index can find "the last window"
            // of events when the fraud detector rebuilds its state after a restart
            producer.send(
                    new ProducerRecord<>(topic, null, event.timestamp().toEpochMilli(), event.userId(), value),
                    (metadata, exception) -> onAcknowledged(event, metadata, exception, t0));
        } catch (ProducerFencedException
                | OutOfOrderSequenceException
                | AuthorizationException
                | AuthenticationException
                | UnsupportedVersionException e) {
            throw e; // fatal for this producer: stop and report
        } catch (KafkaException e) {
            failed.incrementAndGet();
            log.warn("Could not send event {}: {}", kv("event_id", event.eventId()), describe(e));
            return;
        } finally {
            sendStartedNanos.setRelease(0);
        }
        long n = sent.incrementAndGet();
        if (progressEvery > 0 && n % progressEvery == 0) {
            onProgress.accept(stats());
        }
    }

    /** Runs on the Kafka producer's I/O thread: count and log only, never block. */
    private void onAcknowledged(ActivityEvent event, RecordMetadata metadata, Exception exception, long t0) {
        long now = System.nanoTime();
        lastProgressNanos.setRelease(now);
        if (exception == null) {
            if ((delivered.incrementAndGet() & LATENCY_SAMPLE_MASK) == 0) {
                latencySamples.add(now - t0);
            }
            lastDelivery.set(new Delivery(metadata.topic(), metadata.partition(), metadata.offset()));
            if (log.isDebugEnabled()) {
                log.debug(
                        "Event delivered",
                        kv("event_id", event.eventId()),
                        kv("user_id", event.userId()),
                        kv("event_type", event.eventType()),
                        kv("topic", metadata.topic()),
                        kv("partition", metadata.partition()),
                        kv("offset", metadata.offset()));
            }
        } else {
            failed.incrementAndGet();
            log.warn(
                    "Event delivery failed: {}",
                    describe(exception),
                    kv("event_id", event.eventId()),
                    kv("user_id", event.userId()),
                    kv("event_type", event.eventType()),
                    kv("topic", topic));
        }
    }

    private static String describe(Throwable e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /** Options of a producer; the rate and the event source are the ones that matter. */
    public static final class Builder {
        private final Supplier<Producer<String, byte[]>> clientFactory;
        private final String topic;
        private final EventSource source;
        private double rate = 10;
        private ActivityEventCodec codec = new ActivityEventCodec();
        private Clock clock = Clock.systemUTC();
        private long maxEvents;
        private int progressEvery;
        private Consumer<ProducerStats> onProgress = s -> {};
        private MeterRegistry registry = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();

        private Builder(Supplier<Producer<String, byte[]>> clientFactory, String topic, EventSource source) {
            this.clientFactory = clientFactory;
            this.topic = topic;
            this.source = source;
        }

        public Builder rate(double eventsPerSecond) {
            this.rate = eventsPerSecond;
            return this;
        }

        public Builder codec(ActivityEventCodec c) {
            this.codec = c;
            return this;
        }

        public Builder clock(Clock c) {
            this.clock = c;
            return this;
        }
        /** Stop after this many events (0: run until closed). */
        public Builder maxEvents(long n) {
            this.maxEvents = n;
            return this;
        }

        public Builder registry(MeterRegistry r) {
            this.registry = r;
            return this;
        }

        /** Calls {@code listener} on the producer thread every {@code everyEvents} events sent. */
        public Builder onProgress(int everyEvents, Consumer<ProducerStats> listener) {
            this.progressEvery = everyEvents;
            this.onProgress = listener;
            return this;
        }

        public ActivityProducer build() {
            return new ActivityProducer(this);
        }
    }
}
