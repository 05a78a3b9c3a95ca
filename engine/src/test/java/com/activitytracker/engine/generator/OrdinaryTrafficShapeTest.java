package com.activitytracker.engine.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import com.activitytracker.engine.event.ActivityEvent;
import com.activitytracker.engine.event.ActivityEventCodec;
import com.activitytracker.engine.event.EventTypes;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@Tag("unit")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrdinaryTrafficShapeTest {
    private List<ActivityEvent> events;
    private Map<String, Long> countsByType;

    @BeforeAll
    void simulateTenMinutesAtTwoHundredEventsPerSecond() {
        events = SimulatedTraffic.run(new ActivityGenerator(11), 200, Duration.ofMinutes(10));
        countsByType = events.stream().collect(Collectors.groupingBy(ActivityEvent::eventType, Collectors.counting()));
    }

    @Test
    void everyEventSurvivesTheCodecRoundTripUnchanged() throws Exception {
        ActivityEventCodec codec = new ActivityEventCodec();
        for (ActivityEvent event : events) {
            assertThat(codec.decode(codec.encode(event))).isEqualTo(event);
        }
    }

    @Test
    void eventsAreTimestampedWithTheInstantTheProducerPassed() {
        assertThat(events).isSortedAccordingTo((a, b) -> a.timestamp().compareTo(b.timestamp()));
        assertThat(events.get(0).timestamp()).isEqualTo(SimulatedTraffic.START);
    }

    @Test
    void onlyKnownEventTypesAreGenerated() {
        assertThat(countsByType.keySet()).isSubsetOf(EventTypes.KNOWN);
        assertThat(countsByType.keySet()).containsAll(EventTypes.KNOWN);
    }

    @Test
    void funnelNarrowsFromPageViewsToPurchases() {
        long pageViews = count(EventTypes.PAGE_VIEW);
        assertThat(countsByType.values()).allMatch(n -> n <= pageViews);
        assertThat(count(EventTypes.ADD_TO_CART)).isLessThan(pageViews / 5);
        assertThat(count(EventTypes.CHECKOUT)).isLessThan(count(EventTypes.ADD_TO_CART));
        assertThat(count(EventTypes.PURCHASE))
                .isLessThan(count(EventTypes.CHECKOUT))
                .isPositive();
        assertThat(count(EventTypes.LOGIN_FAILED)).isLessThan(count(EventTypes.LOGIN) / 5);
    }

    @Test
    void purchasesCarryAnOrderAndAnAmountInDollarsMostlyBetweenTenAndTwoThousand() {
        List<ActivityEvent> purchases = ofType(EventTypes.PURCHASE);
        assertThat(purchases).allSatisfy(p -> {
            assertThat(p.orderId()).startsWith("ord-");
            assertThat(p.currency()).isEqualTo("USD");
            assertThat(p.amount()).isBetween(5.0, 4_999.99);
            assertThat(p.amount() * 100).isCloseTo(Math.round(p.amount() * 100), offset(1e-6));
        });
        long typical = purchases.stream()
                .filter(p -> p.amount() >= 10 && p.amount() <= 2_000)
                .count();
        assertThat((double) typical / purchases.size()).isGreaterThan(0.9);
        assertThat(purchases.stream().map(ActivityEvent::orderId).distinct().count())
                .isEqualTo(purchases.size());
    }

    @Test
    void cartEventsCarryTheProductAndItsPrice() {
        List<ActivityEvent> cartEvents = events.stream()
                .filter(e -> e.is(EventTypes.ADD_TO_CART) || e.is(EventTypes.REMOVE_FROM_CART))
                .toList();
        assertThat(cartEvents).isNotEmpty().allSatisfy(e -> {
            assertThat(e.productId()).matches("p-\\d+");
            assertThat(e.category()).isNotBlank();
            assertThat(e.price()).isGreaterThanOrEqualTo(Catalog.MIN_PRICE);
        });
    }

    @Test
    void searchesCarryAQueryAndProductViewsTheirProductPage() {
        assertThat(ofType(EventTypes.SEARCH))
                .allSatisfy(e -> assertThat(e.query()).isNotBlank());
        assertThat(ofType(EventTypes.PAGE_VIEW))
                .filteredOn(e -> e.productId() != null)
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.page()).isEqualTo("/products/" + e.productId()));
    }

    @Test
    void devicesAreCombinationsThatExist() {
        Map<String, Set<String>> typesByOs = Map.of(
                "iOS",
                Set.of("mobile"),
                "iPadOS",
                Set.of("tablet"),
                "Android",
                Set.of("mobile", "tablet"),
                "Windows",
                Set.of("desktop"),
                "macOS",
                Set.of("desktop"),
                "Linux",
                Set.of("desktop"));
        Set<ActivityEvent.Device> devices =
                events.stream().map(ActivityEvent::device).collect(Collectors.toSet());
        assertThat(devices).hasSizeGreaterThan(8).allSatisfy(d -> {
            assertThat(typesByOs).containsKey(d.os());
            assertThat(typesByOs.get(d.os())).contains(d.type());
            if (d.browser().equals("Safari")) {
                assertThat(d.os()).isIn("iOS", "iPadOS", "macOS");
            }
        });
    }

    @Test
    void everyEventComesFromACityInAnIsoCountryWithAnIp() {
        assertThat(events).allSatisfy(e -> {
            assertThat(e.geo().country()).matches("[A-Z]{2}");
            assertThat(e.geo().city()).isNotBlank();
            assertThat(e.ip()).matches("\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
        });
        Map<String, Long> byCountry =
                events.stream().collect(Collectors.groupingBy(ActivityEvent::country, Collectors.counting()));
        assertThat(byCountry).hasSizeGreaterThan(10);
        assertThat(byCountry.get("US"))
                .isEqualTo(byCountry.values().stream().max(Long::compare).orElseThrow());
    }

    @Test
    void eventIdsAreUniqueVersionFourUuids() {
        Set<String> seen = new HashSet<>();
        for (ActivityEvent e : events) {
            UUID id = UUID.fromString(e.eventId());
            assertThat(id.version()).isEqualTo(4);
            assertThat(id.variant()).isEqualTo(2);
            assertThat(id.toString()).isEqualTo(e.eventId());
            assertThat(seen.add(e.eventId())).as("duplicate id %s", e.eventId()).isTrue();
        }
    }

    @Test
    void everyEventBelongsToASessionAndAnOrdinaryLookingUser() {
        assertThat(events).allSatisfy(e -> {
            assertThat(e.sessionId()).matches("sess-[0-9a-f]{12}");
            assertThat(e.userId()).matches("user-\\d{8}");
            assertThat(e.page()).startsWith("/");
        });
    }

    @Test
    void someVisitsArriveFromReferrersAndSomeDirect() {
        Map<String, ActivityEvent> landings = events.stream()
                .collect(Collectors.toMap(ActivityEvent::sessionId, Function.identity(), (first, later) -> first));
        long referred =
                landings.values().stream().filter(e -> e.referrer() != null).count();
        assertThat(landings.values()).allMatch(e -> e.is(EventTypes.PAGE_VIEW));
        assertThat((double) referred / landings.size()).isBetween(0.6, 0.9);
    }

    private long count(String type) {
        return countsByType.getOrDefault(type, 0L);
    }

    private List<ActivityEvent> ofType(String type) {
        return events.stream().filter(e -> e.is(type)).toList();
    }
}
