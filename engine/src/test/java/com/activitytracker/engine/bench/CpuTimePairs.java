package com.activitytracker.engine.bench;

import com.activitytracker.engine.event.ActivityEventCodec;
import com.activitytracker.engine.event.InvalidEventException;
import com.activitytracker.engine.producer.GeneratedTraffic;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;

/**
 * The before/after pairs of {@link DecodeBenchmark} and {@link GenerateBenchmark} timed in this
 * thread's CPU time rather than wall time, alternating old and new round by round. On a machine
 * shared with other builds (load far above the core count) JMH's wall-clock scores swing by 100 %
 * and more; CPU time leaves out the time the thread waited for a core. Median of the rounds.
 */
public final class CpuTimePairs {
    private static final int POOL = 4096;
    private static final int OPS_PER_ROUND = 200_000;
    private static final int ROUNDS = 15;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static long sink;

    private CpuTimePairs() {}

    public static void main(String[] args) throws Exception {
        ActivityEventCodec codec = new ActivityEventCodec();
        TreeDecodeBaseline treeDecoder = new TreeDecodeBaseline();
        JacksonEncodeBaseline jacksonEncoder = new JacksonEncodeBaseline();
        GeneratedTraffic traffic = new GeneratedTraffic(42);
        traffic.setTargetRate(Double.POSITIVE_INFINITY);
        Instant t = Instant.parse("2026-11-26T10:30:45.123Z");
        byte[][] records = new byte[POOL][];
        var events = new com.activitytracker.engine.event.ActivityEvent[POOL];
        for (int i = 0; i < POOL; i++) {
            events[i] = traffic.next(t.plusMillis(i / 8));
            records[i] = codec.encode(events[i]);
        }
        Op decodeOld =
                i -> treeDecoder.decode(records[i & (POOL - 1)]).eventId().length();
        Op decodeNew = i -> codec.decode(records[i & (POOL - 1)]).eventId().length();
        Op encodeOld = i -> jacksonEncoder.encode(events[i & (POOL - 1)]).length;
        Op encodeNew = i -> codec.encode(events[i & (POOL - 1)]).length;
        Op generate = i -> traffic.next(t.plusMillis(i >> 6)).eventId().length();
        pair("decode", decodeOld, decodeNew);
        pair("encode", encodeOld, encodeNew);
        pair("generate", generate, generate);
        System.out.println(sink == 42 ? "" : "done");
    }

    private interface Op {
        long run(int i) throws InvalidEventException;
    }

    private static void pair(String name, Op before, Op after) throws InvalidEventException {
        long[] b = new long[ROUNDS];
        long[] a = new long[ROUNDS];
        for (int warm = 0; warm < 5; warm++) {
            round(before);
            round(after);
        }
        for (int r = 0; r < ROUNDS; r++) {
            b[r] = round(before);
            a[r] = round(after);
        }
        Arrays.sort(b);
        Arrays.sort(a);
        System.out.printf(
                Locale.US,
                "%-8s before %,6d ns/op   after %,6d ns/op   (CPU time, median of %d rounds of %,d)%n",
                name,
                b[ROUNDS / 2] / OPS_PER_ROUND,
                a[ROUNDS / 2] / OPS_PER_ROUND,
                ROUNDS,
                OPS_PER_ROUND);
    }

    private static long round(Op op) throws InvalidEventException {
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        long acc = 0;
        for (int i = 0; i < OPS_PER_ROUND; i++) {
            acc += op.run(i);
        }
        sink += acc;
        return THREADS.getCurrentThreadCpuTime() - cpu0;
    }
}
