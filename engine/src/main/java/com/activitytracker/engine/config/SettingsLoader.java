package com.activitytracker.engine.config;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Resolves settings in the order of docs/CONTRACTS.md, later wins: built-in defaults, a {@code .env} file
 * (the working directory's, or an explicit one), environment variables, command-line options.
 * Every value is checked here, so a bad one fails at start with one line naming it.
 */
public final class SettingsLoader {
    private static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");
    private static final Pattern HOST_PORT = Pattern.compile("[^\\s,:]+:\\d{1,5}");
    private static final Set<String> LOG_LEVELS = Set.of("TRACE", "DEBUG", "INFO", "WARN", "WARNING", "ERROR", "OFF");

    private final Map<String, String> environment;
    private final Path workingDir;
    private final Path userHome;
    private final String osName;
    private final boolean installedApp;

    public SettingsLoader(Map<String, String> environment, Path workingDir, Path userHome, String osName) {
        this(environment, workingDir, userHome, osName, false);
    }

    /**
     * @param installedApp true when running from an installed package: its working directory is
     *                     wherever the launcher was started (often {@code /}), so logs go to the data folder
     */
    public SettingsLoader(
            Map<String, String> environment, Path workingDir, Path userHome, String osName, boolean installedApp) {
        this.environment = Map.copyOf(environment);
        this.workingDir = workingDir;
        this.userHome = userHome;
        this.osName = osName;
        this.installedApp = installedApp;
    }

    /** The loader for this process: its environment, working directory and home. */
    public static SettingsLoader forProcess() {
        // jpackage's launchers set jpackage.app-path; a jar started by hand does not
        return new SettingsLoader(
                System.getenv(),
                Path.of("").toAbsolutePath(),
                Path.of(System.getProperty("user.home")),
                System.getProperty("os.name", ""),
                System.getProperty("jpackage.app-path") != null);
    }

    /**
     * @param envFile     an explicit env file ({@code --env-file}); when null, {@code .env} in the working
     *                    directory is read if it exists
     * @param overrides   values from command-line options, keyed by setting name
     */
    public Settings load(Path envFile, Map<String, String> overrides) {
        Map<String, String> v = new HashMap<>();
        Path file = envFile != null ? envFile : workingDir.resolve(".env");
        if (envFile != null && !Files.isRegularFile(envFile)) {
            throw new SettingsException("--env-file: no such file " + envFile);
        }
        if (Files.isRegularFile(file)) {
            v.putAll(relevant(EnvFile.read(file)));
        }
        v.putAll(relevant(environment));
        overrides.forEach((k, value) -> {
            if (value != null) {
                v.put(k, value);
            }
        });
        return build(v);
    }

    private static Map<String, String> relevant(Map<String, String> source) {
        Map<String, String> out = new HashMap<>();
        source.forEach((k, value) -> {
            if (Settings.KEYS.contains(k) || k.startsWith(Settings.FRAUD_PREFIX)) {
                out.put(k, value);
            }
        });
        return out;
    }

    private Settings build(Map<String, String> v) {
        Optional<String> bootstrap = Optional.ofNullable(blankToNull(v.get(Settings.KAFKA_BOOTSTRAP_SERVERS)));
        bootstrap.ifPresent(SettingsLoader::checkBootstrap);
        Optional<Path> clientConfig = Optional.ofNullable(blankToNull(v.get(Settings.KAFKA_CLIENT_CONFIG)))
                .map(p -> path(Settings.KAFKA_CLIENT_CONFIG, p));
        clientConfig.ifPresent(p -> {
            if (!Files.isReadable(p)) {
                throw new SettingsException(Settings.KAFKA_CLIENT_CONFIG + ": cannot read file " + p);
            }
        });
        if (v.containsKey(Settings.METRICS_PORT)) {
            MetricsPort.parse(v.get(Settings.METRICS_PORT));
        }
        Path dataDir =
                v.containsKey(Settings.DATA_DIR) ? path(Settings.DATA_DIR, v.get(Settings.DATA_DIR)) : defaultDataDir();
        return new Settings(
                bootstrap,
                topic(v, Settings.KAFKA_ACTIVITIES_TOPIC, "user-activities"),
                topic(v, Settings.KAFKA_ALERTS_TOPIC, "fraud-alerts"),
                topic(v, Settings.KAFKA_DLQ_TOPIC, "user-activities.dlq"),
                intIn(v, Settings.KAFKA_PARTITIONS, 6, 1, 10_000),
                (short) intIn(v, Settings.KAFKA_REPLICATION_FACTOR, 1, 1, Short.MAX_VALUE),
                clientConfig,
                rate(v.getOrDefault(Settings.EVENTS_PER_SECOND, "10")),
                intIn(v, Settings.STATS_INTERVAL, 50, 1, Integer.MAX_VALUE),
                logLevel(v.getOrDefault(Settings.LOG_LEVEL, "INFO")),
                v.containsKey(Settings.LOG_DIR)
                        ? path(Settings.LOG_DIR, v.get(Settings.LOG_DIR))
                        : defaultLogDir(dataDir),
                dataDir,
                v);
    }

    /** Highest target rate accepted; far above what one machine produces, it only catches typos. */
    public static final double MAX_RATE = 1_000_000;

    /**
     * @return events per second; {@code max} (or {@code unlimited}) gives {@link Double#POSITIVE_INFINITY},
     *         the benchmark's send-as-fast-as-possible mode
     */
    public static double rate(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("max") || t.equals("unlimited")) {
            return Double.POSITIVE_INFINITY;
        }
        double rate;
        try {
            rate = Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new SettingsException(
                    Settings.EVENTS_PER_SECOND + " must be a number of events per second, got '" + text + "'");
        }
        if (!(rate >= 0 && rate <= MAX_RATE)) {
            throw new SettingsException(Settings.EVENTS_PER_SECOND + " must be between 0 and " + (long) MAX_RATE
                    + " events per second (or max), got " + text);
        }
        return rate;
    }

    private static void checkBootstrap(String servers) {
        for (String server : servers.split(",")) {
            String s = server.strip();
            if (!HOST_PORT.matcher(s).matches() || Integer.parseInt(s.substring(s.lastIndexOf(':') + 1)) > 65535) {
                throw new SettingsException(
                        Settings.KAFKA_BOOTSTRAP_SERVERS + " must be host:port[,host:port...], got '" + servers + "'");
            }
        }
    }

    private static String topic(Map<String, String> v, String key, String fallback) {
        String t = v.getOrDefault(key, fallback).strip();
        if (!TOPIC.matcher(t).matches() || t.equals(".") || t.equals("..")) {
            throw new SettingsException(
                    key + " must be a Kafka topic name (letters, digits, '.', '_', '-'), got '" + t + "'");
        }
        return t;
    }

    private static int intIn(Map<String, String> v, String key, int fallback, int min, int max) {
        String text = v.get(key);
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted range
        }
        throw new SettingsException(
                key + " must be a whole number from " + min + " to " + max + ", got '" + text + "'");
    }

    private static String logLevel(String text) {
        String level = text.strip().toUpperCase(Locale.ROOT);
        if (!LOG_LEVELS.contains(level)) {
            throw new SettingsException(Settings.LOG_LEVEL
                    + " must be one of DEBUG, INFO, WARNING, ERROR (or TRACE, OFF), got '" + text + "'");
        }
        return level.equals("WARNING") ? "WARN" : level;
    }

    private Path path(String key, String text) {
        try {
            Path p = Path.of(text.strip());
            return p.isAbsolute() ? p : workingDir.resolve(p);
        } catch (InvalidPathException e) {
            throw new SettingsException(key + " is not a valid path: '" + text + "'");
        }
    }

    /**
     * {@code logs} in the working directory, as a developer expects; but an installed app, or one
     * started where it cannot write (a desktop launcher's {@code /}), logs into the data folder instead.
     */
    private Path defaultLogDir(Path dataDir) {
        Path local = workingDir.resolve("logs");
        boolean writable = Files.isDirectory(local) ? Files.isWritable(local) : Files.isWritable(workingDir);
        return installedApp || !writable ? dataDir.resolve("logs") : local;
    }

    /** The per-user application data folder of each desktop OS, where the embedded broker keeps its log. */
    private Path defaultDataDir() {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String local = environment.get("LOCALAPPDATA");
            return (local != null ? Path.of(local) : userHome.resolve("AppData").resolve("Local"))
                    .resolve("ActivityTracker");
        }
        if (os.contains("mac")) {
            return userHome.resolve("Library").resolve("Application Support").resolve("Activity Tracker");
        }
        String xdg = environment.get("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank()
                        ? Path.of(xdg)
                        : userHome.resolve(".local").resolve("share"))
                .resolve("activity-tracker");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
