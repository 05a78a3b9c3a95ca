package com.activitytracker.engine.generator;

import java.util.SplittableRandom;

/** Where a visit comes from: the referrer of its landing page, or none for direct traffic. */
final class TrafficSources {
    private static final double DIRECT_SHARE = 0.25;

    private final WeightedChoice<String> referrers = WeightedChoice.<String>builder()
            .add("https://www.google.com/", 45)
            .add("https://www.bing.com/", 6)
            .add("https://duckduckgo.com/", 3)
            .add("https://www.facebook.com/", 10)
            .add("https://www.instagram.com/", 8)
            .add("https://www.tiktok.com/", 5)
            .add("https://www.youtube.com/", 4)
            .add("https://www.reddit.com/", 4)
            .add("https://t.co/", 2)
            .add("https://mail.example-shop.com/newsletter", 8)
            .add("https://www.dealnews.com/", 3)
            .build();

    /** The landing referrer, or null for a typed URL or a bookmark. */
    String pickReferrer(SplittableRandom random) {
        return random.nextDouble() < DIRECT_SHARE ? null : referrers.pick(random);
    }
}
