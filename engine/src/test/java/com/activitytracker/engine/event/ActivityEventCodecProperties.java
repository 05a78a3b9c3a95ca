package com.activitytracker.engine.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.arbitraries.StringArbitrary;

/**
 * The codec on random input: every valid event survives a round trip unchanged, and corrupted
 * bytes (truncated, flipped, with junk inserted or a field given twice) are either still a valid
 * event or rejected with the codec's own exception — never anything that would stop a consumer.
 */
@Tag("unit")
class ActivityEventCodecProperties {
    private final ActivityEventCodec codec = new ActivityEventCodec();

    @Property(tries = 500)
    void everyValidEventRoundTripsEqual(@ForAll("events") ActivityEvent event) throws InvalidEventException {
        assertThat(codec.decode(codec.encode(event))).isEqualTo(event);
    }

    @Property(tries = 2000)
    void corruptedBytesAreRejectedOnlyWithTheCodecsOwnException(
            @ForAll("events") ActivityEvent event,
            @ForAll("mutations") Mutation mutation,
            @ForAll double where,
            @ForAll byte junk) {
        byte[] bytes = mutation.apply(codec.encode(event), Math.abs(where % 1.0), junk);
        try {
            codec.decode(bytes);
        } catch (InvalidEventException e) {
            assertThat(e.getMessage()).isNotBlank().doesNotContain("\n");
        }
    }

    enum Mutation {
        TRUNCATE {
            @Override
            byte[] apply(byte[] b, double at, byte junk) {
                return Arrays.copyOf(b, (int) (b.length * at));
            }
        },
        FLIP_BYTE {
            @Override
            byte[] apply(byte[] b, double at, byte junk) {
                byte[] c = b.clone();
                c[Math.min(c.length - 1, (int) (c.length * at))] = junk;
                return c;
            }
        },
        INSERT_JUNK {
            @Override
            byte[] apply(byte[] b, double at, byte junk) {
                int i = (int) (b.length * at);
                byte[] c = new byte[b.length + 3];
                System.arraycopy(b, 0, c, 0, i);
                c[i] = junk;
                c[i + 1] = (byte) (junk ^ 0x5A);
                c[i + 2] = (byte) ~junk;
                System.arraycopy(b, i, c, i + 3, b.length - i);
                return c;
            }
        },
        APPEND_JUNK {
            @Override
            byte[] apply(byte[] b, double at, byte junk) {
                byte[] c = Arrays.copyOf(b, b.length + 2);
                c[b.length] = ' ';
                c[b.length + 1] = junk;
                return c;
            }
        },
        DUPLICATE_A_FIELD {
            @Override
            byte[] apply(byte[] b, double at, byte junk) {
                String json = new String(b, StandardCharsets.UTF_8);
                List<String> fields = List.of("\"event_id\"", "\"user_id\"", "\"timestamp\"", "\"event_type\"");
                String field = fields.get((int) (at * fields.size()));
                return json.replaceFirst("^\\{", "{" + field + ":\"again\",").getBytes(StandardCharsets.UTF_8);
            }
        },
        NEST_DEEPLY {
            @Override
            byte[] apply(byte[] b, double at, byte junk) {
                String json = new String(b, StandardCharsets.UTF_8);
                int depth = 1 + (int) (at * 5_000);
                return json.replaceFirst("^\\{", "{\"deep\":" + "[".repeat(depth) + "]".repeat(depth) + ",")
                        .getBytes(StandardCharsets.UTF_8);
            }
        };

        abstract byte[] apply(byte[] bytes, double at, byte junk);
    }

    @Provide
    Arbitrary<Mutation> mutations() {
        return Arbitraries.of(Mutation.class);
    }

    @Provide
    Arbitrary<ActivityEvent> events() {
        Arbitrary<String> required = text().ofMinLength(1).ofMaxLength(40).filter(s -> !s.isBlank());
        Arbitrary<String> optional = text().ofMaxLength(30).injectNull(0.4);
        Arbitrary<Instant> timestamps = Arbitraries.longs()
                .between(0, 4_102_444_800_000L)
                .flatMap(ms -> Arbitraries.integers()
                        .between(0, 999_999)
                        .map(nanos -> Instant.ofEpochMilli(ms).plusNanos(nanos % 3 == 0 ? 0 : nanos)));
        Arbitrary<String> types = Arbitraries.oneOf(Arbitraries.of(EventTypes.KNOWN), required);
        Arbitrary<Double> numbers = Arbitraries.doubles().between(0, 1e12).injectNull(0.4);
        Arbitrary<ActivityEvent.Device> devices = Combinators.combine(optional, optional, optional)
                .as(ActivityEvent.Device::new)
                .injectNull(0.3);
        Arbitrary<ActivityEvent.Geo> geos = Combinators.combine(optional, optional)
                .as(ActivityEvent.Geo::new)
                .injectNull(0.3);
        Arbitrary<Map<String, Object>> properties = Arbitraries.maps(
                        text().ofMinLength(1).ofMaxLength(10), propertyValues())
                .ofMaxSize(4)
                .injectNull(0.5);
        Arbitrary<ActivityEvent.Builder> head =
                Combinators.combine(required, types, required, timestamps).as(ActivityEvent::builder);
        return Combinators.combine(
                        head,
                        Combinators.combine(
                                        optional, optional, optional, optional, optional, numbers, optional, numbers)
                                .as(Optionals::new),
                        Combinators.combine(optional, optional, devices, geos, optional, properties)
                                .as(More::new))
                .as((b, o, m) -> {
                    b.sessionId(o.a)
                            .page(o.b)
                            .referrer(o.c)
                            .productId(o.d)
                            .category(o.e)
                            .price(o.f)
                            .orderId(o.g)
                            .currency(m.a)
                            .query(m.b)
                            .device(m.c)
                            .geo(m.d)
                            .ip(m.e)
                            .properties(m.f);
                    ActivityEvent draft = b.amount(o.h).build();
                    // a purchase must carry an amount; any other event may
                    return draft.is(EventTypes.PURCHASE) && draft.amount() == null
                            ? b.amount(12.5).build()
                            : draft;
                });
    }

    private record Optionals(String a, String b, String c, String d, String e, Double f, String g, Double h) {}

    private record More(
            String a, String b, ActivityEvent.Device c, ActivityEvent.Geo d, String e, Map<String, Object> f) {}

    /** Values the decoder gives back as the same Java type: ints as Integer, longs beyond int as Long. */
    private static Arbitrary<Object> propertyValues() {
        Arbitrary<Object> leaf = Arbitraries.oneOf(
                text().ofMaxLength(12),
                Arbitraries.integers(),
                Arbitraries.longs().greaterOrEqual((long) Integer.MAX_VALUE + 1),
                Arbitraries.doubles().between(-1e300, 1e300),
                Arbitraries.of(true, false));
        return Arbitraries.oneOf(
                leaf,
                Arbitraries.maps(text().ofMinLength(1).ofMaxLength(5), leaf)
                        .ofMaxSize(3)
                        .map(m -> m),
                leaf.list().ofMaxSize(3).map(l -> l));
    }

    /** Any text without lone surrogates, control characters and quotes included. */
    private static StringArbitrary text() {
        return Arbitraries.strings()
                .withCharRange('\u0000', '\uD7FF')
                .withCharRange('\uE000', '\uFFFD')
                .withChars('"', '\\', '\n');
    }
}
