package com.activitytracker.engine.bench;

import com.activitytracker.engine.event.ActivityEvent;
import com.activitytracker.engine.event.EventTypes;
import com.activitytracker.engine.fraud.FraudAlert;
import com.activitytracker.engine.fraud.FraudDetector;
import com.activitytracker.engine.fraud.FraudThresholds;
import com.activitytracker.engine.producer.GeneratedTraffic;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * What the fraud detector's per-user state costs per event, in CPU time rather than wall time (the
 * machine is shared; see {@link CpuTimePairs}). The events are generated first and kept, so only the
 * detector is measured; each round feeds all of them through a fresh {@link FraudDetector} with the
 * default thresholds and cap, each as a copy with new id strings, as decoding gives them (the copy
 * costs the same before and after a change). Uses the detector's public API only, so the same class can be run
 * against an older build of the engine's classes for a before/after pair:
 *
 * <pre>
 * ./mvnw -B -q -o -pl engine test-compile org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
 *     -Dmdep.outputFile=target/test.classpath
 * java -Xmx1g -XX:+UseG1GC -cp engine/target/test-classes:engine/target/classes:$(cat engine/target/test.classpath) \
 *     com.activitytracker.engine.bench.FraudStateBenchmark [traffic|crowd] [events] [rounds]
 * </pre>
 *
 * <p>Workloads: {@code traffic} is the producer's simulated shop at 20,000 events/s of event time;
 * {@code crowd} is 150,000 regular users and a long tail of passers-by that keeps the detector past its
 * 250,000-user cap (the least recently seen are forgotten all the time), each event with a UUID id.
 *
 * <p>Per round it prints: the consumer thread's CPU ns/event and allocated bytes/event, the whole
 * process's CPU (GC workers, refinement and JIT included) per event, the collectors' count and time,
 * the CPU of G1's threads (and of its refinement threads) per event, read from {@code /proc},
 * and the alerts raised with a digest of all their fields, which must be the same before and
 * after a change that keeps the rules' behaviour.
 */
public final class FraudStateBenchmark {
    private static final Instant START = Instant.parse("2026-12-05T08:00:00Z");
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** {@code /proc} counts CPU time in ticks of 1/100 s on Linux (USER_HZ). */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private FraudStateBenchmark() {}

    public static void main(String[] args) {
        String workload = args.length > 0 ? args[0] : "crowd";
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        ActivityEvent[] events = "traffic".equals(workload) ? traffic(count) : crowd(count);
        Clock clock = Clock.fixed(events[events.length - 1].timestamp().plusSeconds(60), ZoneOffset.UTC);
        long baseHeap = usedHeapAfterGc();
        long[] cpu = new long[rounds];
        long[] processCpu = new long[rounds];
        long[] gcThreads = new long[rounds];
        long[] refinement = new long[rounds];
        FraudDetector detector = null;
        for (int r = -1; r < rounds; r++) {
            detector = null;
            usedHeapAfterGc(); // the previous round's state is not this round's garbage
            long threadId = Thread.currentThread().getId();
            long gcCount0 = gcCount();
            long gcMillis0 = gcMillis();
            long alloc0 = THREADS.getThreadAllocatedBytes(threadId);
            long process0 = OS.getProcessCpuTime();
            long[] jvmThreads0 = jvmThreadTicks();
            long cpu0 = THREADS.getCurrentThreadCpuTime();
            detector = new FraudDetector(FraudThresholds.defaults(), clock);
            long alerts = 0;
            long digest = 17;
            for (ActivityEvent event : events) {
                List<FraudAlert> raised = detector.onEvent(decoded(event));
                for (int i = 0; i < raised.size(); i++) {
                    FraudAlert alert = raised.get(i);
                    alerts++;
                    // every field; not hashCode(), as an enum's hash differs from one JVM to the next
                    digest = digest * 31 + alert.toString().hashCode();
                }
            }
            long threadCpu = THREADS.getCurrentThreadCpuTime() - cpu0;
            long allProcess = OS.getProcessCpuTime() - process0;
            long[] jvmThreads = jvmThreadTicks();
            long allocated = THREADS.getThreadAllocatedBytes(threadId) - alloc0;
            long gcs = gcCount() - gcCount0;
            long gcTime = gcMillis() - gcMillis0;
            long retained = usedHeapAfterGc() - baseHeap;
            System.out.printf(
                    Locale.US,
                    "%s %s: thread CPU %,d ns/event, process CPU %,d ns/event, allocated %,d B/event,"
                            + " %d GCs %,d ms, GC threads %,d ns/event of which refinement %,d, state %,d MB for %,d users (%,d forgotten), %,d alerts digest %x%n",
                    workload,
                    r < 0 ? "warm-up" : "round " + r,
                    threadCpu / count,
                    allProcess / count,
                    allocated / count,
                    gcs,
                    gcTime,
                    (jvmThreads[0] - jvmThreads0[0]) * NANOS_PER_TICK / count,
                    (jvmThreads[1] - jvmThreads0[1]) * NANOS_PER_TICK / count,
                    retained >> 20,
                    detector.trackedUsers(),
                    detector.forgottenUsers(),
                    alerts,
                    digest);
            if (r >= 0) {
                cpu[r] = threadCpu;
                processCpu[r] = allProcess;
                gcThreads[r] = (jvmThreads[0] - jvmThreads0[0]) * NANOS_PER_TICK;
                refinement[r] = (jvmThreads[1] - jvmThreads0[1]) * NANOS_PER_TICK;
            }
        }
        Arrays.sort(cpu);
        Arrays.sort(processCpu);
        Arrays.sort(gcThreads);
        Arrays.sort(refinement);
        System.out.printf(
                Locale.US,
                "%s median of %d rounds of %,d events: thread CPU %,d ns/event, process CPU %,d ns/event,"
                        + " GC threads %,d ns/event, refinement %,d ns/event%n",
                workload,
                rounds,
                count,
                cpu[rounds / 2] / count,
                processCpu[rounds / 2] / count,
                gcThreads[rounds / 2] / count,
                refinement[rounds / 2] / count);
    }

    /**
     * The event as the consumer has it: just decoded, its id and user id new strings (young, their
     * hashes not computed yet), so that what the detector keeps of them is its own and counted in
     * the state, and writing them into long-lived state costs what it does in the consumer.
     */
    private static ActivityEvent decoded(ActivityEvent e) {
        return new ActivityEvent(
                fresh(e.eventId()),
                e.eventType(),
                fresh(e.userId()),
                e.timestamp(),
                e.sessionId(),
                e.page(),
                e.referrer(),
                e.productId(),
                e.category(),
                e.price(),
                e.orderId(),
                e.amount(),
                e.currency(),
                e.query(),
                e.device(),
                e.geo(),
                e.ip(),
                e.properties());
    }

    /** A copy with its own characters: {@code new String(String)} would share the old one's array. */
    private static String fresh(String s) {
        return new String(s.toCharArray());
    }

    /** The producer's simulated shop, unlimited, its clock advancing 50 µs per event (20,000 events/s). */
    private static ActivityEvent[] traffic(int count) {
        GeneratedTraffic traffic = new GeneratedTraffic(42);
        traffic.setTargetRate(Double.POSITIVE_INFINITY);
        ActivityEvent[] events = new ActivityEvent[count];
        for (int i = 0; i < count; i++) {
            events[i] = traffic.next(START.plusNanos(i * 50_000L));
        }
        return events;
    }

    /**
     * Events 5 ms apart (83 minutes of event time for a million, so idle users expire towards the
     * end): four in five from 150,000 regular users, one in five from a tail of 2,000,000 passers-by
     * that pushes the detector past its cap. Each user id is a new string per event, as decoding
     * makes it; one user in 50 is sometimes seen in another country.
     */
    private static ActivityEvent[] crowd(int count) {
        int regulars = 150_000;
        int passersBy = 2_000_000;
        String[] types = {
            EventTypes.PAGE_VIEW,
            EventTypes.PAGE_VIEW,
            EventTypes.CLICK,
            EventTypes.SEARCH,
            EventTypes.ADD_TO_CART,
            EventTypes.LOGIN_FAILED,
            EventTypes.PURCHASE,
            EventTypes.LOGIN
        };
        ActivityEvent.Geo home = new ActivityEvent.Geo("US", "Austin");
        ActivityEvent.Geo away = new ActivityEvent.Geo("FR", "Paris");
        SplittableRandom random = new SplittableRandom(1);
        ActivityEvent[] events = new ActivityEvent[count];
        for (int i = 0; i < count; i++) {
            int user = random.nextInt(5) == 0 ? regulars + random.nextInt(passersBy) : random.nextInt(regulars);
            String type = types[random.nextInt(types.length)];
            boolean traveller = user % 50 == 0 && random.nextInt(4) == 0;
            events[i] = ActivityEvent.builder(
                            new UUID(random.nextLong(), random.nextLong()).toString(),
                            type,
                            "user-" + user,
                            START.plusMillis(i * 5L))
                    .geo(traveller ? away : home)
                    .amount(type.equals(EventTypes.PURCHASE) ? (random.nextInt(10) == 0 ? 4.0 : 42.0) : null)
                    .build();
        }
        return events;
    }

    /**
     * CPU ticks of the JVM's own threads from {@code /proc/self/task/<tid>/stat} (Linux; zeros
     * elsewhere): [all of G1's threads, of which the concurrent refinement threads].
     */
    private static long[] jvmThreadTicks() {
        long[] ticks = new long[2];
        java.io.File[] tasks = new java.io.File("/proc/self/task").listFiles();
        if (tasks == null) {
            return ticks;
        }
        for (java.io.File task : tasks) {
            String stat;
            try {
                stat = java.nio.file.Files.readString(task.toPath().resolve("stat"));
            } catch (java.io.IOException | RuntimeException gone) {
                continue; // the thread ended meanwhile
            }
            int open = stat.indexOf('(');
            int close = stat.lastIndexOf(')');
            if (open < 0 || close < open) {
                continue;
            }
            String name = stat.substring(open + 1, close);
            String[] fields = stat.substring(close + 2).split(" ");
            long used = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
            boolean refinement = name.startsWith("G1 Refine");
            if (refinement || name.startsWith("GC Thread") || name.startsWith("G1 ")) {
                ticks[0] += used;
            }
            if (refinement) {
                ticks[1] += used;
            }
        }
        return ticks;
    }

    private static long gcCount() {
        long n = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            n += Math.max(0, gc.getCollectionCount());
        }
        return n;
    }

    private static long gcMillis() {
        long ms = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ms += Math.max(0, gc.getCollectionTime());
        }
        return ms;
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
