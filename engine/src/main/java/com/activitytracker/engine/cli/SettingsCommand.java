package com.activitytracker.engine.cli;

import com.activitytracker.engine.config.Settings;
import com.activitytracker.engine.config.SettingsLoader;
import com.activitytracker.engine.observability.LogSetup;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that resolves the settings (defaults, .env, environment, options) and sets up logging first. */
abstract class SettingsCommand implements Callable<Integer> {
    private static final Set<String> VERBOSE = Set.of("DEBUG", "TRACE");

    @Spec
    CommandSpec spec;

    /** Overrides from this command's options, keyed by setting name (null values are ignored). */
    protected abstract void addOverrides(Map<String, String> overrides);

    protected abstract Path envFile();

    protected Settings loadSettings() {
        Map<String, String> overrides = new HashMap<>();
        addOverrides(overrides);
        Settings settings = SettingsLoader.forProcess().load(envFile(), overrides);
        // the console shows warnings only, so the reports stay readable; DEBUG asks for everything
        LogSetup.apply(settings, VERBOSE.contains(settings.logLevel()) ? settings.logLevel() : "WARN", spec.name());
        return settings;
    }

    protected PrintStream out() {
        // the root, not the parent: a command may sit under another (fraud backtest)
        return ((TrackerCli) spec.root().userObject()).out();
    }
}
