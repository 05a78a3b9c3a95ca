package com.activitytracker.engine.generator;

/**
 * An attack (or an unusual but legitimate event) the demo can inject on demand, and the fraud rule
 * that should catch it. Rule names are those of docs/CONTRACTS.md.
 */
public enum Scenario {
    BOT_BURST(
            "Bot burst",
            "HIGH_VELOCITY",
            "A script fires 40-50 page views, clicks and searches in about a second and a half"),
    CARD_TESTING(
            "Card testing",
            "CARD_TESTING",
            "6-8 purchases under $5 in quick succession, checking which stolen cards work"),
    ACCOUNT_TAKEOVER(
            "Account takeover",
            "ACCOUNT_TAKEOVER",
            "6-8 failed logins, then a successful one: a guessed or stuffed password"),
    IMPOSSIBLE_TRAVEL(
            "Impossible travel",
            "IMPOSSIBLE_TRAVEL",
            "The same user acts from two countries on different continents seconds apart"),
    WHALE_PURCHASE("Whale purchase", "HIGH_VALUE_PURCHASE", "A single purchase of $7,500-$25,000");

    private final String displayName;
    private final String expectedRule;
    private final String description;

    Scenario(String displayName, String expectedRule, String description) {
        this.displayName = displayName;
        this.expectedRule = expectedRule;
        this.description = description;
    }

    public String displayName() {
        return displayName;
    }

    /** The fraud rule (its docs/CONTRACTS.md name) that this scenario trips at the default thresholds. */
    public String expectedRule() {
        return expectedRule;
    }

    /** One sentence for the console's scenario menu. */
    public String description() {
        return description;
    }
}
