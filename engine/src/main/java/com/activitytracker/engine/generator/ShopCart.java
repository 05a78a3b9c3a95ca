package com.activitytracker.engine.generator;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A visitor's cart: a few items, never worth more than {@link #LIMIT}, so that an ordinary order
 * stays well below the high-value purchase threshold ($5,000).
 */
final class ShopCart {
    static final int CAPACITY = 4;
    static final double LIMIT = 4_500.00;

    private final Product[] items = new Product[CAPACITY];
    private int size;
    private long totalCents;

    boolean isEmpty() {
        return size == 0;
    }

    boolean fits(Product product) {
        return size < CAPACITY && (totalCents + cents(product.price())) / 100.0 <= LIMIT;
    }

    void add(Product product) {
        items[size++] = product;
        totalCents += cents(product.price());
    }

    /** Takes out a random item and returns it. */
    Product removeAny(SplittableRandom random) {
        int i = random.nextInt(size);
        Product removed = items[i];
        items[i] = items[--size];
        items[size] = null;
        totalCents -= cents(removed.price());
        return removed;
    }

    Product first() {
        return items[0];
    }

    double total() {
        return totalCents / 100.0;
    }

    void empty() {
        Arrays.fill(items, null);
        size = 0;
        totalCents = 0;
    }

    /** Sums in whole cents: adding doubles would print totals such as 59.980000000000004. */
    private static long cents(double price) {
        return Math.round(price * 100);
    }
}
