package com.activitytracker.engine.producer;

/** Where Kafka stored one record. */
public record Delivery(String topic, int partition, long offset) {}
