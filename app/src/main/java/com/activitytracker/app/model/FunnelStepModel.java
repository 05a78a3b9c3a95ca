package com.activitytracker.app.model;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** One step of the conversion funnel: distinct users, their share of the first step, and of the step before. */
public final class FunnelStepModel {
    private final String name;
    private final ReadOnlyStringWrapper users = new ReadOnlyStringWrapper("0");
    private final ReadOnlyDoubleWrapper fractionOfFirst = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper stepPercent = new ReadOnlyStringWrapper("");

    FunnelStepModel(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public ReadOnlyStringProperty usersProperty() {
        return users.getReadOnlyProperty();
    }

    /** 0 to 1: this step's users over the first step's; the bar's length. */
    public ReadOnlyDoubleProperty fractionOfFirstProperty() {
        return fractionOfFirst.getReadOnlyProperty();
    }

    /** This step's users over the previous step's, e.g. "42.0%"; "100%" for the first step. */
    public ReadOnlyStringProperty stepPercentProperty() {
        return stepPercent.getReadOnlyProperty();
    }

    void show(long stepUsers, long firstUsers, Long previousUsers) {
        users.set(Formats.shortCount(stepUsers));
        fractionOfFirst.set(firstUsers == 0 ? 0 : Math.min(1, (double) stepUsers / firstUsers));
        if (previousUsers == null) {
            stepPercent.set("100%");
        } else {
            // each step counts its users on its own, and some enter mid-way (a card-testing script buys
            // without browsing), so a step can outnumber the one before it: shown as 100%, not 200%
            double ofPrevious = previousUsers == 0 ? 0 : (double) stepUsers / previousUsers;
            stepPercent.set(Formats.percent(Math.min(1, ofPrevious)));
        }
    }
}
