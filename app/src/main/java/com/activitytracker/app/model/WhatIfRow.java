package com.activitytracker.app.model;

/**
 * One line of the "what if" comparison: a rule's alerts (or a total) under the live and the
 * candidate thresholds, with bar lengths from 0 to 1 relative to the largest figure of the table.
 */
public record WhatIfRow(String label, long live, long candidate, double liveBar, double candidateBar) {

    /** "+37", "-1" or "=". */
    public String change() {
        long d = candidate - live;
        return d == 0 ? "=" : (d > 0 ? "+" : "") + Formats.count(d);
    }
}
