package com.activitytracker.app.view;

import com.activitytracker.app.model.Theme;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;

/**
 * Applies the theme and presenter mode: the theme's stylesheet plus the shared component stylesheets
 * on the scene (popups and tooltips inherit them), and the {@code presenter} style class on the root.
 */
public final class ThemeStyler {
    public static final String PRESENTER_CLASS = "presenter";
    /** On the root while the window is less tall than this: tighter tiles and bars, so nothing is cut. */
    public static final String COMPACT_CLASS = "compact";

    public static final double COMPACT_BELOW_HEIGHT = 900;

    /**
     * On the root, with {@link #COMPACT_CLASS}, while the window is lower than this (a 1366x768 laptop at 125 %
     * or a 1280x720 one, less the task bar): the tiles' captions, the cards' notes and the funnel's summary
     * give their lines to the charts, so the four cards stay on screen.
     */
    public static final String SHORT_CLASS = "short";

    public static final double SHORT_BELOW_HEIGHT = 660;

    /**
     * On the root while the window is narrower than a 1366-wide laptop (a 1280x720 or 1280x800
     * projector, a 1280x1024 monitor): narrower side columns, a subtitle that wraps, and presenter mode's
     * smaller size, so the three columns and the header still fit side by side.
     */
    public static final String NARROW_CLASS = "narrow";

    public static final double NARROW_BELOW_WIDTH = 1366;

    /**
     * On the root, with {@link #NARROW_CLASS}, while the window is narrower than a 1280-wide projector (a
     * 1024x768 one): a smaller base font, slimmer side columns, and the header's small print left out.
     */
    public static final String TIGHT_CLASS = "tight";

    public static final double TIGHT_BELOW_WIDTH = 1280;

    private ThemeStyler() {}

    public static void bind(Scene scene, ObservableValue<Theme> theme, ObservableValue<Boolean> presenter) {
        scene.getStylesheets().setAll(stylesheets(theme.getValue()));
        theme.addListener((obs, old, t) -> scene.getStylesheets().setAll(stylesheets(t)));
        applyPresenter(scene.getRoot(), presenter.getValue());
        presenter.addListener((obs, old, on) -> applyPresenter(scene.getRoot(), on));
        applyCompact(scene.getRoot(), scene.getHeight());
        scene.heightProperty().addListener((obs, old, h) -> applyCompact(scene.getRoot(), h.doubleValue()));
        applyNarrow(scene.getRoot(), scene.getWidth());
        scene.widthProperty().addListener((obs, old, w) -> applyNarrow(scene.getRoot(), w.doubleValue()));
    }

    private static void applyCompact(Parent root, double height) {
        mark(root, COMPACT_CLASS, height > 0 && height < COMPACT_BELOW_HEIGHT);
        mark(root, SHORT_CLASS, isShort(height));
    }

    /** Whether a window {@code height} high is short (0: not laid out yet, so not short). */
    static boolean isShort(double height) {
        return height > 0 && height < SHORT_BELOW_HEIGHT;
    }

    /**
     * True while the window {@code node} is shown in passes {@code test}; {@code outside} while it is in none.
     * For what a style class cannot do: take a node out of the layout.
     */
    static ObservableBooleanValue whileWindow(Node node, Predicate<Scene> test, boolean outside) {
        BooleanProperty on = new SimpleBooleanProperty(outside);
        ChangeListener<Scene> follow = (obs, old, scene) -> {
            on.unbind();
            if (scene == null) {
                on.set(outside);
            } else {
                on.bind(Bindings.createBooleanBinding(
                        () -> test.test(scene), scene.widthProperty(), scene.heightProperty()));
            }
        };
        node.sceneProperty().addListener(follow);
        follow.changed(node.sceneProperty(), null, node.getScene());
        return on;
    }

    /** True while the window {@code node} is shown in is {@link #isShort short}. */
    static ObservableBooleanValue whileShort(Node node) {
        return whileWindow(node, scene -> isShort(scene.getHeight()), false);
    }

    /** Shows {@code node} only while its window is not {@link #isShort short}; hidden, it takes no room. */
    static void leaveOutWhenShort(Node node) {
        node.visibleProperty().bind(Bindings.not(whileShort(node)));
        node.managedProperty().bind(node.visibleProperty());
    }

    private static void applyNarrow(Parent root, double width) {
        mark(root, NARROW_CLASS, width > 0 && width < NARROW_BELOW_WIDTH);
        mark(root, TIGHT_CLASS, isTight(width));
    }

    /** Whether a window {@code width} wide is tight (0: not laid out yet, so not tight). */
    static boolean isTight(double width) {
        return width > 0 && width < TIGHT_BELOW_WIDTH;
    }

    /** Adds the style class once when {@code on}, removes it otherwise. */
    static void mark(Parent root, String styleClass, boolean on) {
        if (!on) {
            root.getStyleClass().remove(styleClass);
        } else if (!root.getStyleClass().contains(styleClass)) {
            root.getStyleClass().add(styleClass);
        }
    }

    /** External forms of the theme's stylesheet and the component stylesheets, theme first. */
    public static List<String> stylesheets(Theme theme) {
        List<String> sheets = new ArrayList<>();
        sheets.add(url(theme.stylesheet()));
        Theme.COMPONENT_STYLESHEETS.forEach(s -> sheets.add(url(s)));
        return sheets;
    }

    private static void applyPresenter(Parent root, Boolean on) {
        if (Boolean.TRUE.equals(on)) {
            if (!root.getStyleClass().contains(PRESENTER_CLASS)) {
                root.getStyleClass().add(PRESENTER_CLASS);
            }
        } else {
            root.getStyleClass().remove(PRESENTER_CLASS);
        }
    }

    private static String url(String resource) {
        URL url = ThemeStyler.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IllegalStateException("missing stylesheet " + resource + " in the application jar");
        }
        return url.toExternalForm();
    }
}
