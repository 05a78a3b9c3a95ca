package com.activitytracker.app.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.activitytracker.engine.observability.InspectorBatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class BatchHandOverTest {
    private final Queue<Runnable> ui = new ConcurrentLinkedQueue<>();
    private final List<List<InspectorBatch>> handedOver = new ArrayList<>();

    private static InspectorBatch batch(long read) {
        return new InspectorBatch(Map.of(), Map.of("acts", read), Optional.empty(), Optional.empty());
    }

    private BatchHandOver every(Duration interval) {
        return new BatchHandOver(ui::add, interval, handedOver::add);
    }

    private void runUi() {
        for (Runnable r = ui.poll(); r != null; r = ui.poll()) {
            r.run();
        }
    }

    @Test
    void theBatchesQueuedUntilTheHandOverGoInOne() {
        BatchHandOver handOver = every(Duration.ZERO);
        Consumer<InspectorBatch> reader = handOver.newReader();
        InspectorBatch first = batch(1);
        InspectorBatch second = batch(2);
        reader.accept(first);
        reader.accept(second);

        assertThat(ui).as("one hand-over asked for, not one per batch").hasSize(1);
        runUi();
        assertThat(handedOver).containsExactly(List.of(first, second));

        reader.accept(batch(3));
        assertThat(ui).as("the next batch asks again").hasSize(1);
    }

    @Test
    void aClosedOrReplacedReadersBatchesAreDropped() {
        BatchHandOver handOver = every(Duration.ZERO);
        Consumer<InspectorBatch> old = handOver.newReader();
        old.accept(batch(1));
        handOver.endReader();
        old.accept(batch(2));
        runUi();
        assertThat(handedOver)
                .as("a hand-over asked for before the close finds nothing")
                .isEmpty();

        Consumer<InspectorBatch> current = handOver.newReader();
        old.accept(batch(3));
        InspectorBatch fresh = batch(4);
        current.accept(fresh);
        runUi();
        assertThat(handedOver).containsExactly(List.of(fresh));
    }

    @Test
    void droppingTheQueueKeepsTheReader() {
        BatchHandOver handOver = every(Duration.ZERO);
        Consumer<InspectorBatch> reader = handOver.newReader();
        reader.accept(batch(1));
        handOver.dropQueued();
        InspectorBatch after = batch(2);
        reader.accept(after);
        runUi();
        assertThat(handedOver).containsExactly(List.of(after));
    }

    @Test
    void atMostOneHandOverPerInterval() {
        BatchHandOver handOver = every(Duration.ofSeconds(1));
        Consumer<InspectorBatch> reader = handOver.newReader();
        reader.accept(batch(1));
        assertThat(ui).as("the first batch goes at once").hasSize(1);
        runUi();

        InspectorBatch second = batch(2);
        InspectorBatch third = batch(3);
        reader.accept(second);
        reader.accept(third);
        assertThat(ui).as("the next waits for the interval").isEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> !ui.isEmpty());
        assertThat(ui).as("one hand-over for both").hasSize(1);
        runUi();
        assertThat(handedOver).hasSize(2).last().isEqualTo(List.of(second, third));
    }
}
