package com.activitytracker.app.view;

import com.activitytracker.app.model.BannerKind;
import com.activitytracker.app.model.MainModel;
import javafx.scene.Node;
import javafx.scene.control.Label;

/** A full-width banner: broker starting, connection lost, connection back, start failed. */
final class StatusBanner {
    private final Label banner = Styles.label("", "banner");

    StatusBanner(MainModel main) {
        banner.setId("status-banner");
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.setWrapText(true);
        banner.textProperty().bind(main.bannerTextProperty());
        show(null, main.bannerKindProperty().get());
        main.bannerKindProperty().addListener((obs, old, kind) -> show(old, kind));
    }

    Node node() {
        return banner;
    }

    private void show(BannerKind old, BannerKind kind) {
        Styles.swap(banner, old == null ? null : old.styleClass(), kind.styleClass());
        boolean visible = kind != BannerKind.NONE;
        banner.setVisible(visible);
        banner.setManaged(visible);
    }
}
