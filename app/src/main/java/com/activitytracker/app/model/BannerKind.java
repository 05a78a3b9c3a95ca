package com.activitytracker.app.model;

/** What the banner above the dashboard says, which sets its colour through a style class. */
public enum BannerKind {
    NONE(""),
    INFO("banner-info"),
    SUCCESS("banner-success"),
    DANGER("banner-danger");

    private final String styleClass;

    BannerKind(String styleClass) {
        this.styleClass = styleClass;
    }

    public String styleClass() {
        return styleClass;
    }
}
