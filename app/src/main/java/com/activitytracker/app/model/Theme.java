package com.activitytracker.app.model;

import java.util.List;

/**
 * A colour theme: one stylesheet defining the colour variables (at {@code .root}), used by the shared
 * component stylesheets. Dark is the default: it reads best on projectors.
 */
public enum Theme {
    DARK("Dark", "styles/dark.css"),
    LIGHT("Light", "styles/light.css");

    /** Component stylesheets shared by every theme; they only use the theme's colour variables. */
    public static final List<String> COMPONENT_STYLESHEETS = List.of(
            "styles/components/base.css",
            "styles/components/controls.css",
            "styles/components/tiles.css",
            "styles/components/charts.css",
            "styles/components/alerts.css",
            "styles/components/overlay.css",
            "styles/components/kafka.css");

    private final String displayName;
    private final String stylesheet;

    Theme(String displayName, String stylesheet) {
        this.displayName = displayName;
        this.stylesheet = stylesheet;
    }

    public String displayName() {
        return displayName;
    }

    /** Class-path resource of the theme's stylesheet. */
    public String stylesheet() {
        return stylesheet;
    }

    public Theme next() {
        return this == DARK ? LIGHT : DARK;
    }
}
