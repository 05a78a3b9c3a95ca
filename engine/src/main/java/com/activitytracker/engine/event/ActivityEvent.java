package com.activitytracker.engine.event;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One user action, as carried on the activities topic (see docs/CONTRACTS.md). Optional fields are
 * {@code null} when absent; {@code eventType} stays a string because unknown types are valid.
 */
public record ActivityEvent(
        String eventId,
        String eventType,
        String userId,
        Instant timestamp,
        String sessionId,
        String page,
        String referrer,
        String productId,
        String category,
        Double price,
        String orderId,
        Double amount,
        String currency,
        String query,
        Device device,
        Geo geo,
        String ip,
        Map<String, Object> properties) {

    public ActivityEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(timestamp, "timestamp");
        properties = properties == null ? null : Map.copyOf(properties);
    }

    /** Device the event came from; any field may be null. */
    public record Device(String type, String os, String browser) {}

    /** Where the event came from: ISO-3166 alpha-2 country and a city; either may be null. */
    public record Geo(String country, String city) {}

    public boolean is(String type) {
        return eventType.equals(type);
    }

    /** Country of the event, or null when it carries no geo. */
    public String country() {
        return geo == null ? null : geo.country();
    }

    public static Builder builder(String eventId, String eventType, String userId, Instant timestamp) {
        return new Builder(eventId, eventType, userId, timestamp);
    }

    /** Builds events field by field; the generator and tests use it so call sites stay readable. */
    public static final class Builder {
        private final String eventId;
        private final String eventType;
        private final String userId;
        private final Instant timestamp;
        private String sessionId;
        private String page;
        private String referrer;
        private String productId;
        private String category;
        private Double price;
        private String orderId;
        private Double amount;
        private String currency;
        private String query;
        private Device device;
        private Geo geo;
        private String ip;
        private Map<String, Object> properties;

        private Builder(String eventId, String eventType, String userId, Instant timestamp) {
            this.eventId = eventId;
            this.eventType = eventType;
            this.userId = userId;
            this.timestamp = timestamp;
        }

        public Builder sessionId(String v) {
            this.sessionId = v;
            return this;
        }

        public Builder page(String v) {
            this.page = v;
            return this;
        }

        public Builder referrer(String v) {
            this.referrer = v;
            return this;
        }

        public Builder productId(String v) {
            this.productId = v;
            return this;
        }

        public Builder category(String v) {
            this.category = v;
            return this;
        }

        public Builder price(Double v) {
            this.price = v;
            return this;
        }

        public Builder orderId(String v) {
            this.orderId = v;
            return this;
        }

        public Builder amount(Double v) {
            this.amount = v;
            return this;
        }

        public Builder currency(String v) {
            this.currency = v;
            return this;
        }

        public Builder query(String v) {
            this.query = v;
            return this;
        }

        public Builder device(Device v) {
            this.device = v;
            return this;
        }

        public Builder geo(Geo v) {
            this.geo = v;
            return this;
        }

        public Builder ip(String v) {
            this.ip = v;
            return this;
        }

        public Builder properties(Map<String, Object> v) {
            this.properties = v;
            return this;
        }

        public ActivityEvent build() {
            return new ActivityEvent(
                    eventId,
                    eventType,
                    userId,
                    timestamp,
                    sessionId,
                    page,
                    referrer,
                    productId,
                    category,
                    price,
                    orderId,
                    amount,
                    currency,
                    query,
                    device,
                    geo,
                    ip,
                    properties);
        }
    }
}
