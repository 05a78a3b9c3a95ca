package com.activitytracker.engine.generator;

import java.util.SplittableRandom;

/** What every ordinary session shares: the catalog, the traffic sources, the id mint and the dice. */
final class Storefront {
    private final SplittableRandom random;
    private final Catalog catalog;
    private final TrafficSources sources;
    private final Identifiers ids;

    Storefront(SplittableRandom random, Catalog catalog, TrafficSources sources) {
        this.random = random;
        this.catalog = catalog;
        this.sources = sources;
        this.ids = new Identifiers(random);
    }

    SplittableRandom random() {
        return random;
    }

    Catalog catalog() {
        return catalog;
    }

    TrafficSources sources() {
        return sources;
    }

    Identifiers ids() {
        return ids;
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }
}
