package com.activitytracker.app.view;

import javafx.scene.Node;
import javafx.scene.control.Label;

/** Small helpers for building views with style classes (never inline colours). */
final class Styles {
    private Styles() {}

    static Label label(String text, String... styleClasses) {
        Label label = new Label(text);
        label.getStyleClass().addAll(styleClasses);
        return label;
    }

    static <T extends Node> T styled(T node, String... styleClasses) {
        node.getStyleClass().addAll(styleClasses);
        return node;
    }

    /** Swaps one style class of a set for another, e.g. the current severity or banner kind. */
    static void swap(Node node, String oldClass, String newClass) {
        if (oldClass != null && !oldClass.isEmpty()) {
            node.getStyleClass().remove(oldClass);
        }
        if (newClass != null && !newClass.isEmpty() && !node.getStyleClass().contains(newClass)) {
            node.getStyleClass().add(newClass);
        }
    }
}
