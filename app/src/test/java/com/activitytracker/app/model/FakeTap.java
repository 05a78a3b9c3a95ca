package com.activitytracker.app.model;

import com.activitytracker.engine.observability.InspectedRecord;
import com.activitytracker.engine.observability.InspectorBatch;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The Kafka view's reader side, driven by a test: it keeps the sink it is given, records the filter, pause,
 * close and every correction sent, and accepts a correction once it has an amount.
 */
final class FakeTap implements KafkaTap {
    Consumer<InspectorBatch> sink;
    String filter = "";
    boolean paused;
    boolean closed;
    final List<byte[]> sent = new ArrayList<>();
    CompletableFuture<String> sendResult = new CompletableFuture<>();

    @Override
    public String activitiesTopic() {
        return "acts";
    }

    @Override
    public String alertsTopic() {
        return "alerts";
    }

    @Override
    public String deadLettersTopic() {
        return "acts.dlq";
    }

    @Override
    public void filter(String userId) {
        filter = userId;
    }

    @Override
    public void pause(boolean pause) {
        paused = pause;
    }

    @Override
    public Optional<String> check(InspectedRecord letter, byte[] corrected) {
        String s = new String(corrected, StandardCharsets.UTF_8);
        return s.contains("\"amount\"") ? Optional.empty() : Optional.of("purchase without 'amount'");
    }

    @Override
    public CompletableFuture<String> resend(InspectedRecord letter, byte[] corrected) {
        sent.add(corrected);
        return sendResult;
    }

    @Override
    public CompletableFuture<String> sendBrokenPurchase(String userId) {
        return CompletableFuture.completedFuture("acts/0@1");
    }

    @Override
    public void close() {
        closed = true;
    }
}
