package com.activitytracker.engine.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** An immutable list of options drawn in proportion to their weights. */
final class WeightedChoice<T> {
    private final List<T> options;
    private final double[] cumulative;

    private WeightedChoice(List<T> options, double[] cumulative) {
        this.options = options;
        this.cumulative = cumulative;
    }

    static <T> Builder<T> builder() {
        return new Builder<>();
    }

    T pick(SplittableRandom random) {
        double x = random.nextDouble() * cumulative[cumulative.length - 1];
        // the lists are short (a few dozen at most), so a linear scan beats a binary search
        for (int i = 0; i < cumulative.length - 1; i++) {
            if (x < cumulative[i]) {
                return options.get(i);
            }
        }
        return options.get(options.size() - 1);
    }

    List<T> options() {
        return options;
    }

    static final class Builder<T> {
        private final List<T> options = new ArrayList<>();
        private final List<Double> weights = new ArrayList<>();

        Builder<T> add(T option, double weight) {
            if (!(weight > 0)) {
                throw new IllegalArgumentException("weight must be positive: " + weight);
            }
            options.add(option);
            weights.add(weight);
            return this;
        }

        WeightedChoice<T> build() {
            if (options.isEmpty()) {
                throw new IllegalStateException("no options");
            }
            double[] cumulative = new double[weights.size()];
            double sum = 0;
            for (int i = 0; i < cumulative.length; i++) {
                sum += weights.get(i);
                cumulative[i] = sum;
            }
            return new WeightedChoice<>(List.copyOf(options), cumulative);
        }
    }
}
