package com.activitytracker.engine.generator;

import com.activitytracker.engine.event.ActivityEvent;
import com.activitytracker.engine.event.EventTypes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes the events of one injected scenario, timestamped from the injection on. Scripts play out
 * within about 1.5 s, and each is built to meet its rule's default threshold with margin (see
 * docs/CONTRACTS.md) while staying clear of the other rules, so that detection can be scored per rule.
 */
final class ScenarioScript {
    private static final long MAX_SPAN_NANOS = 1_500_000_000L;
    private static final String USD = "USD";

    private final SplittableRandom random;
    private final Identifiers ids;
    private final Catalog catalog;
    private final Geography geography;
    private final DeviceMix devices;

    ScenarioScript(SplittableRandom random, Catalog catalog, Geography geography, DeviceMix devices) {
        this.random = random;
        this.ids = new Identifiers(random);
        this.catalog = catalog;
        this.geography = geography;
        this.devices = devices;
    }

    /** A UUID naming one injection in the ground truth. */
    String injectionId() {
        return ids.eventId();
    }

    List<ActivityEvent> write(Scenario scenario, UserProfile user, Instant start) {
        return switch (scenario) {
            case BOT_BURST -> botBurst(user, start);
            case CARD_TESTING -> cardTesting(user, start);
            case ACCOUNT_TAKEOVER -> accountTakeover(user, start);
            case IMPOSSIBLE_TRAVEL -> impossibleTravel(user, start);
            case WHALE_PURCHASE -> whalePurchase(user, start);
        };
    }

    /** 40-50 actions (velocity fires at 30 a minute), no purchases. */
    private List<ActivityEvent> botBurst(UserProfile user, Instant start) {
        Instant[] times = spread(start, 40 + random.nextInt(11), spanNanos());
        Visit visit = new Visit(user, devices.headlessBrowser(), user.ip());
        List<ActivityEvent> events = new ArrayList<>(times.length);
        events.add(visit.event(EventTypes.PAGE_VIEW, times[0], "/").build());
        for (int i = 1; i < times.length; i++) {
            Category category = catalog.pickCategory(random);
            Product product = category.pickProduct(random);
            double r = random.nextDouble();
            if (r < 0.15) {
                SearchQuery query = category.pickQuery(random);
                events.add(visit.event(EventTypes.SEARCH, times[i], query.page())
                        .query(query.text())
                        .category(category.name())
                        .build());
            } else {
                String type = r < 0.5 ? EventTypes.CLICK : EventTypes.PAGE_VIEW;
                events.add(visit.event(type, times[i], product.page())
                        .productId(product.id())
                        .category(product.category())
                        .build());
            }
        }
        return events;
    }

    /** 6-8 purchases of $0.50-$4.99 (the rule wants 5 under $5.00 within 10 minutes). */
    private List<ActivityEvent> cardTesting(UserProfile user, Instant start) {
        Instant[] times = spread(start, 6 + random.nextInt(3), spanNanos());
        Visit visit = new Visit(user, user.mainDevice(), user.ip());
        List<ActivityEvent> events = new ArrayList<>(times.length);
        for (Instant at : times) {
            double amount = (50 + random.nextInt(450)) / 100.0;
            events.add(visit.event(EventTypes.PURCHASE, at, "/checkout/confirm")
                    .orderId(ids.orderId())
                    .category("gift_cards")
                    .productId("p-gift-card")
                    .amount(amount)
                    .currency(USD)
                    .build());
        }
        return events;
    }

    /** 6-8 failed logins then a successful one, from a device the user does not own. */
    private List<ActivityEvent> accountTakeover(UserProfile user, Instant start) {
        Instant[] times = spread(start, 7 + random.nextInt(3), spanNanos());
        var attackerDevice = devices.pickOtherThan(user.mainDevice(), random);
        // same country as the victim: a VPN exit near them, so impossible travel does not fire too
        Visit visit = new Visit(user, attackerDevice, user.country().pickIp(random));
        List<ActivityEvent> events = new ArrayList<>(times.length);
        for (int i = 0; i < times.length - 1; i++) {
            events.add(visit.event(EventTypes.LOGIN_FAILED, times[i], "/login").build());
        }
        events.add(
                visit.event(EventTypes.LOGIN, times[times.length - 1], "/login").build());
        return events;
    }

    /** At home, then on another continent about a second later (the rule wants two countries within an hour). */
    private List<ActivityEvent> impossibleTravel(UserProfile user, Instant start) {
        Instant[] times = spread(start, 3, spanNanos());
        Visit home = new Visit(user, user.mainDevice(), user.ip());
        Country far = geography.pickFarFrom(user.country(), random);
        Visit abroad = new Visit(
                user, devices.pickOtherThan(user.mainDevice(), random), far.pickIp(random), far.pickCity(random));
        return List.of(
                home.event(EventTypes.LOGIN, times[0], "/login").build(),
                home.event(EventTypes.PAGE_VIEW, times[1], "/account").build(),
                abroad.event(EventTypes.LOGIN, times[2], "/login").build());
    }

    /** One purchase of $7,500-$25,000 (the rule fires from $5,000; HIGH severity from $20,000). */
    private List<ActivityEvent> whalePurchase(UserProfile user, Instant start) {
        Instant[] times = spread(start, 4, spanNanos());
        Visit visit = new Visit(user, user.mainDevice(), user.ip());
        double amount = (750_000 + random.nextInt(1_750_001)) / 100.0;
        String productId = "p-" + (9000 + random.nextInt(1000));
        String page = "/products/" + productId;
        return List.of(
                visit.event(EventTypes.PAGE_VIEW, times[0], page)
                        .productId(productId)
                        .category("jewelry")
                        .build(),
                visit.event(EventTypes.ADD_TO_CART, times[1], page)
                        .productId(productId)
                        .category("jewelry")
                        .price(amount)
                        .currency(USD)
                        .build(),
                visit.event(EventTypes.CHECKOUT, times[2], "/checkout").build(),
                visit.event(EventTypes.PURCHASE, times[3], "/checkout/confirm")
                        .orderId(ids.orderId())
                        .productId(productId)
                        .category("jewelry")
                        .amount(amount)
                        .currency(USD)
                        .build());
    }

    private long spanNanos() {
        return 1_000_000_000L + random.nextLong(MAX_SPAN_NANOS - 1_000_000_000L + 1);
    }

    /** {@code count} increasing instants from {@code start} to {@code start + span}, unevenly spaced like a script's. */
    private Instant[] spread(Instant start, int count, long span) {
        Instant[] times = new Instant[count];
        long step = span / (count - 1);
        for (int i = 0; i < count; i++) {
            long jitter = i == 0 || i == count - 1 ? 0 : (long) ((random.nextDouble() - 0.5) * 0.6 * step);
            times[i] = start.plusNanos(i * step + jitter);
        }
        return times;
    }

    /** The session an injected script plays in. */
    private final class Visit {
        private final UserProfile user;
        private final ActivityEvent.Device device;
        private final String ip;
        private final ActivityEvent.Geo geo;
        private final String sessionId = ids.sessionId();

        Visit(UserProfile user, ActivityEvent.Device device, String ip) {
            this(user, device, ip, user.geo());
        }

        Visit(UserProfile user, ActivityEvent.Device device, String ip, ActivityEvent.Geo geo) {
            this.user = user;
            this.device = device;
            this.ip = ip;
            this.geo = geo;
        }

        ActivityEvent.Builder event(String type, Instant at, String page) {
            return ActivityEvent.builder(ids.eventId(), type, user.userId(), at)
                    .sessionId(sessionId)
                    .page(page)
                    .device(device)
                    .geo(geo)
                    .ip(ip);
        }
    }
}
