package com.activitytracker.engine.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Every JVM the benchmark starts, each with its output in a file of the work folder. Closing stops
 * them all (their own children first) and deletes the work folder; a shutdown hook does the same on
 * Ctrl+C, a kill or a failure, so a run never leaves a broker or a consumer behind. A sampler
 * thread reads each JVM's CPU time every {@link #CPU_EVERY}, so what a JVM used is known after it
 * exits too (the system forgets an exited process's times).
 */
final class ChildProcesses implements AutoCloseable {
    /** Prefixes of the settings a newcomer's shell may hold; children get the benchmark's own. */
    private static final List<String> SETTING_PREFIXES = List.of(
            "KAFKA_",
            "FRAUD_",
            "EVENTS_PER_SECOND",
            "STATS_INTERVAL",
            "LOG_",
            "DATA_DIR",
            "JAVA_TOOL_OPTIONS",
            "JDK_JAVA_OPTIONS");

    private static final Duration CPU_EVERY = Duration.ofMillis(100);

    private final Path workDir;
    private final String javaBinary;
    private final List<Child> started = new ArrayList<>();
    private final Thread hook = new Thread(this::stopAll, "bench-cleanup");
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Thread cpuSampler = new Thread(this::sampleCpu, "bench-cpu-sampler");

    ChildProcesses(Path workDir) {
        this.workDir = workDir;
        this.javaBinary =
                Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Runtime.getRuntime().addShutdownHook(hook);
        cpuSampler.setDaemon(true);
        cpuSampler.start();
    }

    private void sampleCpu() {
        try {
            do {
                List<Child> now;
                synchronized (this) {
                    now = List.copyOf(started);
                }
                now.forEach(Child::cpu);
            } while (!closed.await(CPU_EVERY.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A JVM on the benchmark's own classpath (Kafka's tools are on it as test dependencies). */
    Child startClass(String name, String heap, String mainClass, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                javaBinary,
                "-Xmx" + heap,
                "-DLOG_DIR=" + workDir.resolve("logs"),
                // the tools print figures with the default locale's decimal sign; the parser reads a point
                "-Duser.language=en",
                "-Duser.country=US",
                "-cp",
                System.getProperty("java.class.path"),
                mainClass));
        command.addAll(args);
        return start(name, command, Map.of());
    }

    /** {@code java -jar activity-tracker-engine.jar ...} as a newcomer runs it. */
    Child startJar(String name, String heap, Path jar, List<String> args, Map<String, String> env) throws IOException {
        List<String> command = new ArrayList<>(List.of(javaBinary, "-Xmx" + heap, "-jar", jar.toString()));
        command.addAll(args);
        return start(name, command, env);
    }

    private synchronized Child start(String name, List<String> command, Map<String, String> env) throws IOException {
        Path log = workDir.resolve(name + ".out");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(k -> SETTING_PREFIXES.stream().anyMatch(k::startsWith));
        builder.environment().putAll(env);
        Child child = new Child(name, builder.start(), log);
        started.add(child);
        return child;
    }

    @Override
    public void close() {
        closed.countDown();
        try {
            cpuSampler.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or has run: nothing left to remove
        }
    }

    /** Stops every JVM started after {@code keep} (a failed section's, leaving the broker up). */
    synchronized void stopAllStartedAfter(Child keep) {
        for (int i = started.size() - 1; i >= 0 && started.get(i) != keep; i--) {
            started.remove(i).stop();
        }
    }

    private synchronized void stopAll() {
        // newest first: the roles before the broker they talk to
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).stop();
        }
        started.clear();
        deleteWorkDir();
    }

    private void deleteWorkDir() {
        if (!Files.exists(workDir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(workDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            System.err.println("(could not delete " + workDir + ": " + e.getMessage() + ")");
        }
    }

    /** One started JVM and the file its output goes to. */
    static final class Child {
        private final String name;
        private final Process process;
        private final Path log;
        private volatile Duration cpu = Duration.ZERO;

        private Child(String name, Process process, Path log) {
            this.name = name;
            this.process = process;
            this.log = log;
        }

        String name() {
            return name;
        }

        boolean isAlive() {
            return process.isAlive();
        }

        /**
         * The JVM's CPU time (user + system, all its threads) so far; once it has exited, the last
         * value read, at most {@link #CPU_EVERY} before its end. Zero where the system does not tell.
         */
        Duration cpu() {
            if (process.isAlive()) {
                process.toHandle().info().totalCpuDuration().ifPresent(d -> {
                    if (d.compareTo(cpu) > 0) {
                        cpu = d;
                    }
                });
            }
            return cpu;
        }

        /** Exit code, or empty when it is still running after the timeout. */
        OptionalInt awaitExit(Duration timeout) throws InterruptedException {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    ? OptionalInt.of(process.exitValue())
                    : OptionalInt.empty();
        }

        String output() throws IOException {
            return Files.readString(log, StandardCharsets.UTF_8);
        }

        /** The last lines of its output, to show why it failed. */
        String tail() {
            try {
                List<String> lines = output().lines().toList();
                return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - 15), lines.size()));
            } catch (IOException e) {
                return "(no output: " + e.getMessage() + ")";
            }
        }

        /** SIGTERM (each role and the broker shut down cleanly on it), then SIGKILL after 10 s. */
        void stop() {
            if (!process.isAlive()) {
                return;
            }
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
