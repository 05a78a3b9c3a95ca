package com.activitytracker.app.model;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** One headline figure: a title, a big value and a smaller caption under it. */
public final class TileModel {
    private final String id;
    private final String title;
    private final ReadOnlyStringWrapper value = new ReadOnlyStringWrapper("–");
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper("");

    public TileModel(String id, String title) {
        this.id = id;
        this.title = title;
    }

    /** Stable id, used as the view's node id ({@code tile-<id>}). */
    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public ReadOnlyStringProperty valueProperty() {
        return value.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty captionProperty() {
        return caption.getReadOnlyProperty();
    }

    void show(String newValue, String newCaption) {
        value.set(newValue);
        caption.set(newCaption);
    }

    void clear() {
        show("–", "");
    }
}
