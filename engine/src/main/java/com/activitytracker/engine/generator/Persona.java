package com.activitytracker.engine.generator;

import java.util.SplittableRandom;

/**
 * A shopper's habits, kept across visits: how readily they put a product in the cart, go to
 * checkout from the cart, and use the search box. The mix sets the shop's funnel.
 */
enum Persona {
    WINDOW_SHOPPER(0.10, 0.30, 0.10),
    BARGAIN_HUNTER(0.22, 0.45, 0.25),
    DECIDED_BUYER(0.40, 0.70, 0.15);

    private final double cartChance;
    private final double checkoutChance;
    private final double searchChance;

    Persona(double cartChance, double checkoutChance, double searchChance) {
        this.cartChance = cartChance;
        this.checkoutChance = checkoutChance;
        this.searchChance = searchChance;
    }

    double cartChance() {
        return cartChance;
    }

    double checkoutChance() {
        return checkoutChance;
    }

    double searchChance() {
        return searchChance;
    }

    static Persona pick(SplittableRandom random) {
        double u = random.nextDouble();
        return u < 0.5 ? WINDOW_SHOPPER : u < 0.8 ? BARGAIN_HUNTER : DECIDED_BUYER;
    }
}
