package com.activitytracker.engine.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The shop's departments and products. Prices are drawn once from the seed, log-uniformly within a
 * department's range, and end in .99. Every price is at least $5.99, so no ordinary purchase looks
 * like card testing.
 */
final class Catalog {
    static final int PRODUCTS_PER_CATEGORY = 60;
    static final double MIN_PRICE = 5.99;

    private final WeightedChoice<Category> categories;

    Catalog(SplittableRandom random) {
        var builder = WeightedChoice.<Category>builder();
        int[] nextId = {1000};
        department(
                builder,
                random,
                nextId,
                "electronics",
                30,
                29,
                1999,
                "wireless headphones",
                "4k tv",
                "laptop",
                "usb-c charger",
                "smartwatch",
                "gaming mouse",
                "tablet");
        department(
                builder,
                random,
                nextId,
                "fashion",
                22,
                12,
                349,
                "running shoes",
                "winter jacket",
                "jeans",
                "sneakers",
                "summer dress",
                "leather belt");
        department(
                builder,
                random,
                nextId,
                "home",
                16,
                10,
                899,
                "coffee maker",
                "air fryer",
                "bedding set",
                "desk lamp",
                "vacuum cleaner",
                "cookware set");
        department(
                builder,
                random,
                nextId,
                "sports",
                10,
                10,
                599,
                "yoga mat",
                "dumbbells",
                "bike helmet",
                "tent",
                "running watch");
        department(
                builder,
                random,
                nextId,
                "books",
                8,
                8,
                60,
                "mystery novel",
                "cookbook",
                "kids books",
                "bestsellers",
                "science fiction");
        department(builder, random, nextId, "beauty", 7, 8, 120, "sunscreen", "face serum", "perfume", "shampoo");
        department(builder, random, nextId, "toys", 5, 10, 199, "lego", "board games", "puzzle", "rc car");
        department(
                builder, random, nextId, "garden", 4, 10, 499, "garden hose", "plant pots", "lawn mower", "bbq grill");
        this.categories = builder.build();
    }

    Category pickCategory(SplittableRandom random) {
        return categories.pick(random);
    }

    private static void department(
            WeightedChoice.Builder<Category> builder,
            SplittableRandom random,
            int[] nextId,
            String name,
            double share,
            double minPrice,
            double maxPrice,
            String... queries) {
        List<Product> products = new ArrayList<>(PRODUCTS_PER_CATEGORY);
        for (int i = 0; i < PRODUCTS_PER_CATEGORY; i++) {
            String id = "p-" + nextId[0]++;
            products.add(new Product(id, name, price(random, minPrice, maxPrice), "/products/" + id));
        }
        List<SearchQuery> searches = new ArrayList<>(queries.length);
        for (String query : queries) {
            searches.add(SearchQuery.of(query, name));
        }
        builder.add(new Category(name, "/category/" + name, List.copyOf(products), List.copyOf(searches)), share);
    }

    private static double price(SplittableRandom random, double min, double max) {
        double raw = Math.exp(Math.log(min) + random.nextDouble() * (Math.log(max) - Math.log(min)));
        // dividing whole cents gives the double nearest to x.99; subtracting 0.01 would not
        return Math.max(MIN_PRICE, (Math.round(raw) * 100 - 1) / 100.0);
    }
}
