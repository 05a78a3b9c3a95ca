package com.activitytracker.engine.cli;

import com.activitytracker.engine.config.SettingsException;
import com.activitytracker.engine.kafka.KafkaUnavailableException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The headless engine's command line. Exit codes: 0 done; 2 bad usage or settings (one line on stderr
 * naming the option or setting); 1 failure at run time, with a clear message and no stack trace.
 */
@Command(
        name = "activity-tracker",
        mixinStandardHelpOptions = true,
        version = "Activity Tracker 1.0.0",
        description = "Real-time user-activity tracking on Apache Kafka: producer, analytics, fraud detection.",
        footer = {
            "",
            "Logs: LOG_DIR/activity-tracker.jsonl (JSON lines; LOG_DIR is ./logs, or the logs folder in DATA_DIR"
                    + " for an installed app or an unwritable working directory).",
            "Metrics: http://127.0.0.1:9464/metrics during run (METRICS_PORT), and JMX under 'activitytracker'."
        },
        subcommands = {
            BrokerCommand.class,
            TopicsCommand.class,
            ProduceCommand.class,
            AnalyticsCommand.class,
            FraudCommand.class,
            RunCommand.class,
            SelfTestCommand.class,
            TailCommand.class,
            DlqCommand.class
        })
public final class TrackerCli implements Runnable {
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final PrintStream out;

    private TrackerCli(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        System.exit(execute(out, err, args));
    }

    /** Runs one command line; console output goes to {@code out}, errors and usage to {@code err}. */
    public static int execute(PrintStream out, PrintStream err, String... args) {
        CommandLine cli = new CommandLine(new TrackerCli(out));
        cli.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        cli.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        cli.setParameterExceptionHandler((e, ignored) -> usageError(e.getCommandLine(), e.getMessage()));
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> runtimeError(commandLine, e));
        return cli.execute(args);
    }

    /** Where commands print their reports. */
    PrintStream out() {
        return out;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static int usageError(CommandLine cli, String message) {
        PrintWriter err = cli.getErr();
        err.println("error: " + message + " (see '" + cli.getCommandSpec().qualifiedName() + " --help')");
        err.flush();
        return EXIT_USAGE;
    }

    private static int runtimeError(CommandLine cli, Exception e) {
        if (e instanceof CommandLine.ParameterException pe) {
            return usageError(pe.getCommandLine(), pe.getMessage());
        }
        PrintWriter err = cli.getErr();
        if (e instanceof SettingsException) {
            err.println("error: " + e.getMessage());
            err.flush();
            return EXIT_USAGE;
        }
        if (e instanceof KafkaUnavailableException) {
            err.println("error: " + e.getMessage());
        } else {
            err.println(
                    "error: " + e.getClass().getSimpleName() + ": " + e.getMessage() + " (details in the log file)");
            LoggerFactory.getLogger(TrackerCli.class).error("Command failed", e);
        }
        err.flush();
        return EXIT_FAILURE;
    }
}
