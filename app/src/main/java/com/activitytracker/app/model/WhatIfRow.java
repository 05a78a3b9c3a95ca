package com.activitytracker.app.model;

/**
 * One line of the "what if" comparison: a rule's alerts (or a total) under the live and the
 * candidate thresholds; a rule's row has bar lengths from 0 to 1 relative to the largest rule figure.
 */
public record WhatIfRow(String label, long live, long candidate, double liveBar, double candidateBar, boolean total) {

    static WhatIfRow rule(String rule, long live, long candidate, long largest) {
        return new WhatIfRow(rule, live, candidate, live / (double) largest, candidate / (double) largest, false);
    }

    static WhatIfRow total(String label, long live, long candidate) {
        return new WhatIfRow(label, live, candidate, 0, 0, true);
    }

    /** "+37", "-1" or "=". */
    public String change() {
        long d = candidate - live;
        return d == 0 ? "=" : (d > 0 ? "+" : "") + Formats.count(d);
    }
}
