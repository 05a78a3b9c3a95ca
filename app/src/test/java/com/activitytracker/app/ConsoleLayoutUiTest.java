package com.activitytracker.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.activitytracker.app.view.ThemeStyler;
import com.activitytracker.engine.generator.Scenario;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The console at the screen sizes a presenter meets (the window's smallest size, a 1280x720 laptop's at 125 %
 * less a task bar; a 1366x768 laptop's at 125 % less a task bar; a 1024x768 projector's less a task bar; a
 * 1024x768 projector, a 1280-wide one, a 1280x1024 monitor, a 1366x768 projector, full HD, a 1440p monitor),
 * in normal and presenter mode, with alerts and a
 * filled scoreboard: no label the audience reads is cut short with an ellipsis, none lies outside the
 * window, no figure spills out of its tile or card, and the rate field holds "50,000".
 */
@Tag("ui")
class ConsoleLayoutUiTest {
    private static final Duration SOON = Duration.ofSeconds(60);

    @TempDir
    static Path dir;

    private static ConsoleFixture fx;

    @BeforeAll
    static void openConsoleWithAlerts() throws Exception {
        fx = ConsoleFixture.start(dir).awaitRunning();
        fx.robot.interact(() -> {
            for (Scenario s : Scenario.values()) {
                fx.console.model().controls().inject(s);
            }
        });
        // every attack caught: the longest rule names and user ids are in the feed, the scoreboard is full
        await().atMost(SOON)
                .until(() -> fx.console.model().scoreboard().rows().size() == Scenario.values().length
                        && fx.console.model().scoreboard().rows().stream().allMatch(r -> r.caught()));
    }

    @AfterAll
    static void closeConsole() throws Exception {
        if (fx != null) {
            fx.robot.interact(() -> {
                if (fx.console.model().main().presenterModeProperty().get()) {
                    fx.console.model().main().togglePresenterMode();
                }
            });
            fx.close();
        }
    }

    @AfterEach
    void noExceptionsOnTheFxThread() {
        fx.assertNoFxErrors();
    }

    /**
     * The smallest window the console allows (its stage's minimum), a scaled laptop's, a 4:3 projector's less
     * a task bar and whole, a 1280-wide one just below the next layout, a 5:4 monitor, then the usual screens.
     */
    static Stream<Arguments> sizesAndModes() {
        return Stream.concat(
                        Stream.of(
                                TrackerConsole.SMALLEST,
                                new WindowSize(1093, 574),
                                new WindowSize(1024, 700),
                                new WindowSize(1024, 768),
                                new WindowSize(1280, 700),
                                new WindowSize(1280, 1024)),
                        WindowSize.CHECKED.stream())
                .flatMap(size -> Stream.of(Arguments.of(size, false), Arguments.of(size, true)));
    }

    @ParameterizedTest(name = "{0}, presenter mode {1}")
    @MethodSource("sizesAndModes")
    void nothingTheAudienceReadsIsCut(WindowSize size, boolean presenter) {
        showAt(size, presenter);

        assertSettlesWithout(
                ConsoleLayoutUiTest::problems, "cut or spilled text at " + size + ", presenter " + presenter);
    }

    /** The shortcut help (F1) over the console: every line whole, the card within the window. */
    @ParameterizedTest(name = "{0}, presenter mode {1}")
    @MethodSource("sizesAndModes")
    void theHelpReadsWhole(WindowSize size, boolean presenter) {
        showAt(size, presenter);
        fx.robot.interact(() -> {
            if (!fx.console.model().main().helpVisibleProperty().get()) {
                fx.console.model().main().toggleHelp();
            }
        });
        try {
            assertSettlesWithout(ConsoleLayoutUiTest::helpProblems, "the help at " + size + ", presenter " + presenter);
        } finally {
            fx.robot.interact(() -> fx.console.model().main().hideHelp());
        }
    }

    /**
     * A pulse or two after a resize every label has its final size; from then on {@code check}, run on
     * the FX thread, finds nothing.
     */
    private static void assertSettlesWithout(Supplier<List<String>> check, String what) {
        await().atMost(SOON).pollDelay(Duration.ofMillis(300)).untilAsserted(() -> {
            List<String> found = new ArrayList<>();
            fx.robot.interact(() -> found.addAll(check.get()));
            assertThat(found).as(what).isEmpty();
        });
    }

    private static void showAt(WindowSize size, boolean presenter) {
        fx.robot.interact(() -> {
            fx.console.resize(size);
            if (fx.console.model().main().presenterModeProperty().get() != presenter) {
                fx.console.model().main().togglePresenterMode();
            }
        });
        await().atMost(SOON)
                .until(() -> Math.abs(fx.scene().getWidth() - size.width()) < 2
                        && Math.abs(fx.scene().getHeight() - size.height()) < 2);
        assertThat(fx.scene().getRoot().getStyleClass().contains(ThemeStyler.PRESENTER_CLASS))
                .isEqualTo(presenter);
        // below the short height the tiles' captions give their line to the charts (taking no room), above it
        // they are there
        boolean isShort = size.height() < ThemeStyler.SHORT_BELOW_HEIGHT;
        await().atMost(SOON).untilAsserted(() -> {
            Label caption = fx.lookup(".tile-caption");
            assertThat(caption.isVisible() && caption.isManaged())
                    .as("a tile caption at " + size)
                    .isEqualTo(!isShort);
            // left out, it is the tile's tooltip (where Tooltip.install keeps it)
            Object tooltip = caption.getParent().getProperties().get("javafx.scene.control.Tooltip");
            if (isShort) {
                assertThat(tooltip)
                        .isInstanceOfSatisfying(
                                Tooltip.class, t -> assertThat(t.getText()).isEqualTo(caption.getText()));
            } else {
                assertThat(tooltip).as("no tooltip where the caption shows").isNull();
            }
        });
    }

    private static List<String> helpProblems() {
        List<String> found = new ArrayList<>();
        Node card = fx.lookup(".help-card");
        Bounds cardBounds = card.localToScene(card.getLayoutBounds());
        if (!contains(new BoundingBox(0, 0, fx.scene().getWidth(), fx.scene().getHeight()), cardBounds)) {
            found.add("the help card " + cardBounds + " does not fit the window");
        }
        for (Labeled labeled : labeleds(fx.lookup("#help-overlay"))) {
            String shown = ConsoleFixture.shownText(labeled);
            if (shown != null && !shown.equals(labeled.getText())) {
                found.add(describe(labeled) + " shows \"" + shown + "\" instead of \"" + labeled.getText() + "\"");
            }
        }
        return found;
    }

    /** Every visible label whose text is shortened, or that lies outside its tile or card; and the rate field. */
    private static List<String> problems() {
        List<String> found = new ArrayList<>();
        Parent root = fx.scene().getRoot();
        for (Labeled labeled : labeleds(root)) {
            String text = labeled.getText();
            if (text == null
                    || text.isBlank()
                    || labeled.getGraphic() != null && labeled.getStyleClass().contains("list-cell")) {
                continue;
            }
            String shown = ConsoleFixture.shownText(labeled);
            if (shown != null && !shown.equals(text)) {
                found.add(describe(labeled) + " shows \"" + shown + "\" instead of \"" + text + "\"");
            }
            for (String container : List.of("tile", "card", "alert-cell")) {
                Node box = ancestor(labeled, container);
                if (box != null
                        && !contains(
                                box.localToScene(box.getLayoutBounds()),
                                labeled.localToScene(labeled.getLayoutBounds()))) {
                    found.add(describe(labeled) + " \"" + text + "\" spills out of its " + container);
                }
            }
        }
        // every control lies inside the window: none pushed off its left or right edge
        double width = fx.scene().getWidth();
        for (Node node : visible(root)) {
            if (node instanceof Control) {
                Bounds b = node.localToScene(node.getLayoutBounds());
                if (b.getWidth() > 0 && (b.getMinX() < -1 || b.getMaxX() > width + 1)) {
                    found.add(describe(node) + " lies outside the window's width " + width + ": x " + b.getMinX()
                            + " to " + b.getMaxX());
                }
            }
        }
        // and the dashboard as a whole stays above the status bar: nothing is pushed off the window
        Bounds statusBar = fx.<Node>lookup(".status-bar")
                .localToScene(fx.<Node>lookup(".status-bar").getLayoutBounds());
        for (Labeled labeled : labeleds(fx.lookup("#dashboard"))) {
            Bounds b = labeled.localToScene(labeled.getLayoutBounds());
            if (b.getMaxY() > statusBar.getMinY() + 1) {
                found.add(describe(labeled) + " \"" + labeled.getText() + "\" is below the window's visible part");
            }
        }
        TextField rate = fx.lookup("#rate-field");
        Text widest = new Text("50,000");
        widest.setFont(rate.getFont());
        double room = rate.getWidth() - rate.snappedLeftInset() - rate.snappedRightInset();
        if (widest.getLayoutBounds().getWidth() > room) {
            found.add("the rate field has " + room + " px for \"50,000\", which needs "
                    + widest.getLayoutBounds().getWidth());
        }
        return found;
    }

    /** Every visible node below {@code parent}, outside the help overlay. */
    private static List<Node> visible(Parent parent) {
        List<Node> all = new ArrayList<>();
        for (Node child : parent.getChildrenUnmodifiable()) {
            if (!child.isVisible() || child.getStyleClass().contains("help-overlay")) {
                continue;
            }
            all.add(child);
            if (child instanceof Parent p) {
                all.addAll(visible(p));
            }
        }
        return all;
    }

    private static List<Labeled> labeleds(Parent parent) {
        return visible(parent).stream()
                .filter(Labeled.class::isInstance)
                .map(Labeled.class::cast)
                .toList();
    }

    private static Node ancestor(Node node, String styleClass) {
        for (Parent p = node.getParent(); p != null; p = p.getParent()) {
            if (p.getStyleClass().contains(styleClass)) {
                return p;
            }
        }
        return null;
    }

    private static boolean contains(Bounds outer, Bounds inner) {
        return inner.getMinX() >= outer.getMinX() - 1
                && inner.getMaxX() <= outer.getMaxX() + 1
                && inner.getMinY() >= outer.getMinY() - 1
                && inner.getMaxY() <= outer.getMaxY() + 1;
    }

    private static String describe(Node node) {
        return node.getClass().getSimpleName()
                + (node.getId() == null ? "" : "#" + node.getId())
                + node.getStyleClass();
    }
}
