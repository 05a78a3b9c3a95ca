package com.activitytracker.engine.generator;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A shop department: its listing page, its products (most popular first) and what people type into
 * the search box when they are after it.
 */
record Category(String name, String page, List<Product> products, List<SearchQuery> queries) {

    /** Popular items get most of the views: the first products are drawn far more often than the last. */
    Product pickProduct(SplittableRandom random) {
        double u = random.nextDouble();
        return products.get((int) (u * u * products.size()));
    }

    SearchQuery pickQuery(SplittableRandom random) {
        return queries.get(random.nextInt(queries.size()));
    }
}
