package com.activitytracker.app.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.activitytracker.engine.fraud.Severity;
import com.activitytracker.engine.observability.ConsumerGroupLag;
import com.activitytracker.engine.observability.InspectedRecord;
import com.activitytracker.engine.observability.InspectorBatch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("unit")
class KafkaViewModelTest {
    private final FakeTap tap = new FakeTap();
    private final List<Runnable> uiQueue = new ArrayList<>();
    private final List<Runnable> background = new ArrayList<>();
    private final KafkaViewModel model = new KafkaViewModel(
            sink -> {
                tap.sink = sink;
                return tap;
            },
            uiQueue::add,
            background::add,
            ZoneOffset.UTC,
            () -> List.of(TestSnapshots.alert("a1", Severity.HIGH)),
            java.time.Duration.ZERO);

    private static InspectedRecord record(String topic, long offset, String key) {
        return new InspectedRecord(
                topic, 0, offset, 1_700_000_000_123L, key, List.of(), "{}", "page_view", null, null, Optional.empty());
    }

    private static InspectorBatch batch(Map<String, List<InspectedRecord>> records) {
        return new InspectorBatch(records, Map.of(), Optional.empty(), Optional.empty());
    }

    private void runUi() {
        List<Runnable> now = new ArrayList<>(uiQueue);
        uiQueue.clear();
        now.forEach(Runnable::run);
    }

    @Test
    void batchesReachTheUiInOneHandOverNewestFirst() {
        model.open();
        tap.sink.accept(batch(Map.of("acts", List.of(record("acts", 1, "a"), record("acts", 2, "b")))));
        tap.sink.accept(
                batch(Map.of("acts", List.of(record("acts", 3, "c")), "alerts", List.of(record("alerts", 9, "x")))));

        assertThat(uiQueue).as("one drain for both batches, not one per record").hasSize(1);
        assertThat(model.activities()).isEmpty();
        runUi();
        assertThat(model.activities()).extracting(InspectedRecord::offset).containsExactly(3L, 2L, 1L);
        assertThat(model.alerts()).extracting(InspectedRecord::offset).containsExactly(9L);
        assertThat(model.activitiesTopicProperty().get()).isEqualTo("acts");

        tap.sink.accept(batch(Map.of("acts", List.of(record("acts", 4, "d")))));
        assertThat(uiQueue).hasSize(1);
    }

    @Test
    void keepsTheNewestRowsPerTopic() {
        model.open();
        List<InspectedRecord> many = IntStream.range(0, KafkaViewModel.MAX_ROWS + 50)
                .mapToObj(i -> record("acts", i, "k"))
                .toList();
        tap.sink.accept(batch(Map.of("acts", many.subList(0, 200))));
        runUi();
        java.util.concurrent.atomic.AtomicInteger changes = new java.util.concurrent.atomic.AtomicInteger();
        model.activities()
                .addListener((javafx.collections.ListChangeListener<InspectedRecord>) c -> changes.incrementAndGet());
        tap.sink.accept(batch(Map.of("acts", many.subList(200, many.size()))));
        runUi();

        // one change per batch, the oldest dropped in it: the view's rows follow a batch in one step
        assertThat(changes.get()).isEqualTo(1);
        assertThat(model.activities()).hasSize(KafkaViewModel.MAX_ROWS);
        assertThat(model.activities().get(0).offset()).isEqualTo(KafkaViewModel.MAX_ROWS + 49L);
        assertThat(model.activities().get(KafkaViewModel.MAX_ROWS - 1).offset()).isEqualTo(50L);
    }

    @Test
    void theUserFilterGoesToTheReaderAndStartsTheTablesAgain() {
        model.open();
        tap.sink.accept(batch(Map.of("acts", List.of(record("acts", 1, "user-1"), record("acts", 2, "user-22")))));
        runUi();

        model.filterProperty().set(" user-2 ");
        model.applyFilter();

        assertThat(tap.filter).isEqualTo("user-2");
        assertThat(model.activities())
                .as("the reader sends the matching recent records again")
                .isEmpty();
        tap.sink.accept(batch(Map.of("acts", List.of(record("acts", 1, "user-1"), record("acts", 2, "user-22")))));
        runUi();
        assertThat(model.activities()).extracting(InspectedRecord::key).containsExactly("user-22");
        assertThat(model.statusProperty().get()).contains("user contains \"user-2\"");
        model.clearFilter();
        assertThat(tap.filter).isEmpty();
    }

    @Test
    void pausingPausesTheReaderAndDropsRecordsAlreadyOnTheirWay() {
        model.open();
        model.pausedProperty().set(true);
        assertThat(tap.paused).isTrue();
        tap.sink.accept(batch(Map.of("acts", List.of(record("acts", 1, "a")))));
        runUi();
        assertThat(model.activities()).isEmpty();
        assertThat(model.statusProperty().get()).startsWith("Paused");
        model.pausedProperty().set(false);
        assertThat(tap.paused).isFalse();
    }

    @Test
    void lagAndProblemsAreShown() {
        model.open();
        tap.sink.accept(new InspectorBatch(
                Map.of(),
                Map.of("acts", 1234L),
                Optional.of(List.of(
                        new ConsumerGroupLag("fraud", "Stable", 1, "acts", 0, 90, 100),
                        new ConsumerGroupLag("fraud", "Stable", 1, "acts", 1, 50, 55),
                        new ConsumerGroupLag("old", "Empty", 0, "acts", 0, 1, 100))),
                Optional.of("Could not read the consumer groups: timeout")));
        runUi();

        assertThat(model.lags()).hasSize(3);
        assertThat(model.totalLagProperty().get()).isEqualTo("fraud lag 15");
        assertThat(model.errorProperty().get()).contains("timeout");
        assertThat(model.statusProperty().get()).contains("read 1,234 activities");
    }

    @Test
    void batchesWithinAnIntervalReachTheUiInOneLaterHandOver() {
        java.util.Queue<Runnable> ui = new java.util.concurrent.ConcurrentLinkedQueue<>();
        KafkaViewModel paced = new KafkaViewModel(
                sink -> {
                    tap.sink = sink;
                    return tap;
                },
                ui::add,
                Runnable::run,
                ZoneOffset.UTC,
                List::of,
                java.time.Duration.ofSeconds(2));
        paced.open();
        tap.sink.accept(batch(Map.of("acts", List.of(record("acts", 1, "a")))));
        assertThat(ui).as("the first batch goes at once").hasSize(1);
        ui.poll().run();
        assertThat(paced.activities()).hasSize(1);

        tap.sink.accept(batch(Map.of("acts", List.of(record("acts", 2, "b")))));
        tap.sink.accept(batch(Map.of("acts", List.of(record("acts", 3, "c")))));
        assertThat(ui).as("the next waits for the interval").isEmpty();
        await().atMost(java.time.Duration.ofSeconds(10)).until(() -> !ui.isEmpty());
        assertThat(ui).as("one hand-over for both").hasSize(1);
        ui.poll().run();
        assertThat(paced.activities()).extracting(InspectedRecord::offset).containsExactly(3L, 2L, 1L);
        paced.close();
    }

    @Test
    void aHandOverAskedForBeforeCloseAppliesNothingOfTheClosedReader() {
        model.open();
        tap.sink.accept(batch(Map.of("acts", List.of(record("acts", 1, "a")))));
        model.close();
        model.open();
        tap.sink.accept(batch(Map.of("acts", List.of(record("acts", 2, "b")))));
        runUi();
        assertThat(model.activities()).extracting(InspectedRecord::offset).containsExactly(2L);
    }

    @Test
    void lagsReadAgainUnchangedLeaveTheRowsAlone() {
        model.open();
        List<ConsumerGroupLag> rows = List.of(
                new ConsumerGroupLag("fraud", "Stable", 1, "acts", 0, 90, 100),
                new ConsumerGroupLag("fraud", "Stable", 1, "acts", 1, 50, 55));
        tap.sink.accept(new InspectorBatch(Map.of(), Map.of(), Optional.of(rows), Optional.empty()));
        runUi();
        List<String> changes = new ArrayList<>();
        model.lags()
                .addListener((javafx.collections.ListChangeListener<ConsumerGroupLag>) c -> changes.add(c.toString()));

        tap.sink.accept(new InspectorBatch(Map.of(), Map.of(), Optional.of(List.copyOf(rows)), Optional.empty()));
        runUi();
        assertThat(changes).as("the same lags again: no change for the table").isEmpty();

        tap.sink.accept(new InspectorBatch(
                Map.of(),
                Map.of(),
                Optional.of(List.of(rows.get(0), new ConsumerGroupLag("fraud", "Stable", 1, "acts", 1, 55, 70))),
                Optional.empty()));
        runUi();
        assertThat(changes).hasSize(1);
        assertThat(model.lags().get(1).lag()).isEqualTo(15);
        assertThat(model.totalLagProperty().get()).isEqualTo("fraud lag 25");
    }

    @Test
    void noLagsYetSaysNoGroupIsReading() {
        model.open();
        tap.sink.accept(new InspectorBatch(Map.of(), Map.of(), Optional.of(List.of()), Optional.empty()));
        runUi();
        assertThat(model.totalLagProperty().get()).isEqualTo("No consumer group is reading");
    }

    @Test
    void theDeadLetterEditorChecksAndSendsThroughTheReaderOpenNow() {
        DeadLetterEditor editor = model.deadLetterEditor();
        InspectedRecord letter = DeadLetterEditorTest.letter("fraud");
        editor.inspect(letter);
        assertThat(editor.verdictProperty().get()).isEqualTo("Open the Kafka view to check a correction");

        model.open();
        editor.correctionProperty().set(DeadLetterEditorTest.BAD.replace("}", ",\"amount\":12.5}"));
        assertThat(editor.correctionValidProperty().get()).isTrue();
        model.close();
        editor.resend();
        assertThat(tap.sent).isEmpty();
        assertThat(model.errorProperty().get()).isEqualTo("The Kafka view is closed: open it again to send");
    }

    @Test
    void closingClosesTheReaderAndDropsBatchesStillOnTheirWay() {
        model.open();
        Consumer<InspectorBatch> oldSink = tap.sink;
        model.close();
        assertThat(tap.closed).isTrue();
        assertThat(model.openProperty().get()).isFalse();
        oldSink.accept(batch(Map.of("acts", List.of(record("acts", 1, "a")))));
        runUi();
        assertThat(model.activities()).isEmpty();
    }

    @Test
    void anEngineThatIsNotStreamingGivesAMessageNotAnException() {
        KafkaViewModel closedEngine = new KafkaViewModel(
                sink -> {
                    throw new IllegalStateException("the engine is STARTING");
                },
                Runnable::run,
                Runnable::run,
                ZoneOffset.UTC,
                List::of);
        closedEngine.open();
        assertThat(closedEngine.openProperty().get()).isFalse();
        assertThat(closedEngine.errorProperty().get()).contains("not streaming yet");
    }

    @Test
    void exportingWritesInTheBackgroundAndReportsOnTheUiThread(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("out/alerts.csv");
        CompletableFuture<Path> done = model.exportAlerts(file, AlertExport.Format.CSV);
        assertThat(Files.exists(file))
                .as("nothing is written on the calling thread")
                .isFalse();
        background.forEach(Runnable::run);
        assertThat(done.get()).isEqualTo(file);
        assertThat(Files.readString(file)).startsWith("alert_id,").contains("user-a1");
        runUi();
        assertThat(model.statusProperty().get()).isEqualTo("1 alert exported to " + file);
    }
}
