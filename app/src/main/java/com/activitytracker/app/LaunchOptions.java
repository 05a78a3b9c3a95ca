package com.activitytracker.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The console's command line.
 *
 * @param envFile       an explicit {@code .env} file instead of the working directory's
 * @param snapshotDir   where "save snapshot" writes; the default is in the home directory
 * @param screenshotDir when set, the console streams, injects every scenario, saves dark and light
 *                      screenshots there and exits
 * @param screenshotSizes the window sizes the screenshot tour also shoots, normal and presenter mode
 * @param selfTest      run the headless self-test instead of opening a window (proves an installation)
 * @param startupCheck  open the window, start streaming, and exit once the first event is counted on
 *                      screen (0), or after a minute without one (1): proves a launch with a display,
 *                      and is the training run of the installed app's class-data archive
 */
public record LaunchOptions(
        Optional<Path> envFile,
        Optional<Path> snapshotDir,
        Optional<Path> screenshotDir,
        List<WindowSize> screenshotSizes,
        boolean help,
        boolean selfTest,
        boolean startupCheck) {

    public static final String USAGE = """
            Usage: java -jar activity-tracker-console.jar [options]
              --env-file FILE       read settings from FILE instead of ./.env
              --snapshot-dir DIR    where "save snapshot" writes (default ~/ActivityTracker-snapshots)
              --screenshots DIR     stream ~10 s, inject every scenario, save screenshots of the
                                    dashboard into DIR (dark, light, presenter, help, and at
                                    1366x768, 1920x1080 and 2560x1440 in normal and presenter
                                    mode), then exit
              --screenshot-sizes W1xH1,W2xH2
                                    the window sizes --screenshots shoots (none: "")
              --self-test           no window: stream a few thousand events through a throwaway
                                    embedded broker, producer, analytics and fraud; exit 0 if all is well
              --startup-check       open the window, stream, and exit 0 once the first event is
                                    counted on screen (1 if none within a minute)
              --help                show this help
            Settings (KAFKA_BOOTSTRAP_SERVERS, EVENTS_PER_SECOND, ...) come from .env and the environment;
            without KAFKA_BOOTSTRAP_SERVERS the console starts an embedded Kafka broker.""";

    /** @throws IllegalArgumentException with a one-line message for an unknown option or a missing value */
    public static LaunchOptions parse(String... args) {
        Path envFile = null;
        Path snapshotDir = null;
        Path screenshotDir = null;
        List<WindowSize> sizes = WindowSize.CHECKED;
        boolean help = false;
        boolean selfTest = false;
        boolean startupCheck = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--env-file" -> envFile = Path.of(value(args, ++i, arg));
                case "--snapshot-dir" -> snapshotDir = Path.of(value(args, ++i, arg));
                case "--screenshots" -> screenshotDir = Path.of(value(args, ++i, arg));
                case "--screenshot-sizes" -> {
                    String list = value(args, ++i, arg);
                    sizes = list.isBlank() ? List.of() : WindowSize.parseList(list);
                }
                case "--help", "-h" -> help = true;
                case "--self-test" -> selfTest = true;
                case "--startup-check" -> startupCheck = true;
                default -> throw new IllegalArgumentException("unknown option " + arg + " (try --help)");
            }
        }
        return new LaunchOptions(
                Optional.ofNullable(envFile),
                Optional.ofNullable(snapshotDir),
                Optional.ofNullable(screenshotDir),
                sizes,
                help,
                selfTest,
                startupCheck);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}
