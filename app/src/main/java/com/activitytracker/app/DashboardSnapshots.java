package com.activitytracker.app;

import com.activitytracker.app.model.SnapshotSaver;
import com.activitytracker.app.model.Theme;
import com.activitytracker.engine.EngineSnapshot;
import com.activitytracker.engine.analytics.AnalyticsReportJson;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/**
 * Saves the dashboard as a PNG and the current analytics report as JSON. The scene is captured on the
 * FX thread (it must be); converting and writing the files happen on a background executor.
 */
public final class DashboardSnapshots implements SnapshotSaver {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    private final Path folder;
    private final Supplier<Scene> scene;
    private final Supplier<EngineSnapshot> latest;
    private final Supplier<Theme> theme;
    private final Executor background;
    private final Clock clock;
    private final AnalyticsReportJson reports = new AnalyticsReportJson();

    public DashboardSnapshots(
            Path folder,
            Supplier<Scene> scene,
            Supplier<EngineSnapshot> latest,
            Supplier<Theme> theme,
            Executor background,
            Clock clock) {
        this.folder = Objects.requireNonNull(folder);
        this.scene = Objects.requireNonNull(scene);
        this.latest = Objects.requireNonNull(latest);
        this.theme = Objects.requireNonNull(theme);
        this.background = Objects.requireNonNull(background);
        this.clock = Objects.requireNonNull(clock);
    }

    /** The user's default: a folder in the home directory, easy to find after a demo. */
    public static Path defaultFolder() {
        return Path.of(System.getProperty("user.home"), "ActivityTracker-snapshots");
    }

    @Override
    public Path folder() {
        return folder;
    }

    /** Call on the FX thread. */
    @Override
    public CompletionStage<List<Path>> save() {
        String stamp = STAMP.format(clock.instant().atZone(clock.getZone()));
        WritableImage image = scene.get().snapshot(null);
        EngineSnapshot snapshot = latest.get();
        Path png =
                folder.resolve("dashboard-" + stamp + "-" + theme.get().name().toLowerCase(Locale.ROOT) + ".png");
        Path json = folder.resolve("analytics-" + stamp + ".json");
        return CompletableFuture.supplyAsync(
                () -> {
                    List<Path> written = new ArrayList<>();
                    written.add(writePng(image, png));
                    if (snapshot != null) {
                        try {
                            reports.write(snapshot.analytics(), json);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        written.add(json);
                    }
                    return written;
                },
                background);
    }

    /** Captures the scene now (FX thread) and writes it to {@code file} in the background. */
    public CompletableFuture<Path> saveImage(Path file) {
        return saveImage(scene.get(), file);
    }

    /** A PNG of another window's scene, e.g. a dialog; the snapshot is taken now, on the FX thread. */
    public CompletableFuture<Path> saveImage(Scene other, Path file) {
        WritableImage image = other.snapshot(null);
        return CompletableFuture.supplyAsync(() -> writePng(image, file), background);
    }

    private static Path writePng(WritableImage image, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            BufferedImage buffered = SwingFXUtils.fromFXImage(image, null);
            if (!ImageIO.write(buffered, "png", file.toFile())) {
                throw new IOException("no PNG writer available");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
