package com.activitytracker.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.activitytracker.app.model.DeadLetterEditor;
import com.activitytracker.app.model.KafkaViewModel;
import com.activitytracker.app.view.KafkaView;
import com.activitytracker.engine.EngineSnapshot;
import com.activitytracker.engine.config.Settings;
import com.activitytracker.engine.observability.InspectedRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Bounds;
import javafx.geometry.Dimension2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.input.KeyCode;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Kafka view as a presenter uses it, against the console's real embedded broker: Ctrl+K opens it,
 * live records arrive, a record refused by the consumers shows up as a dead letter, an invalid
 * correction cannot be sent, a valid one is sent back and analytics counts it; closing the window
 * stops the reader.
 */
@Tag("ui")
class ConsoleKafkaViewUiTest {
    @TempDir
    static Path dir;

    private static ConsoleFixture fx;

    @BeforeAll
    static void openConsole() throws Exception {
        fx = ConsoleFixture.start(dir).awaitRunning();
    }

    @AfterAll
    static void closeConsole() throws Exception {
        if (fx != null) {
            fx.close();
        }
    }

    private static boolean readerThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("kafka-view-reader") && t.isAlive());
    }

    @Test
    void aDeadLetterIsOpenedCorrectedAndResentAndAnalyticsCountsIt() throws Exception {
        KafkaViewModel kafka = fx.console.kafkaView();
        DeadLetterEditor inspector = kafka.deadLetterEditor();
        fx.robot.clickOn("#tiles").push(KeyCode.CONTROL, KeyCode.K);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> fx.console.kafkaViewWindow() != null
                        && fx.console.kafkaViewWindow().isShowing());
        assertThat(kafka.openProperty().get()).isTrue();

        // live records appear, and keep appearing
        await().atMost(Duration.ofSeconds(30)).until(() -> kafka.activities().size() >= 5);
        long newest = kafka.activities().get(0).offset();
        int partition = kafka.activities().get(0).partition();
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        kafka.activities().stream().anyMatch(r -> r.partition() == partition && r.offset() > newest));
        TableView<?> activities = fx.lookup("#kafka-table-activities");
        assertThat(activities.getItems()).isNotEmpty();
        assertThat(fx.<Label>lookup("#kafka-status").getText()).startsWith("Live · read ");

        // the engine stops producing, so analytics' figures move only for the corrected record
        fx.console.session().pause();
        await().atMost(Duration.ofSeconds(30)).until(ConsoleKafkaViewUiTest::drained);
        long invalidBefore =
                fx.console.session().engine().latestSnapshot().analytics().invalidRecords();

        // a purchase without an amount, from a plain producer: both consumers refuse it
        String user = "ui-" + UUID.randomUUID().toString().substring(0, 8);
        String bad = "{\"event_id\":\"" + UUID.randomUUID() + "\",\"event_type\":\"purchase\",\"user_id\":\"" + user
                + "\",\"timestamp\":\"" + Instant.now() + "\",\"order_id\":\"o-1\",\"currency\":\"USD\"}";
        Settings running = fx.console.session().engine().effectiveSettings();
        Properties p = new Properties();
        p.put(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                running.bootstrapServers().orElseThrow());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            producer.send(new ProducerRecord<>(running.activitiesTopic(), user, bad))
                    .get();
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> kafka.deadLetters().stream()
                                .filter(r -> r.key().equals(user))
                                .count()
                        == 2);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> fx.console
                                .session()
                                .engine()
                                .latestSnapshot()
                                .analytics()
                                .invalidRecords()
                        == invalidBefore + 1);
        EngineSnapshot before = fx.console.session().engine().latestSnapshot();

        // open it in the inspector
        fx.robot.interact(() -> fx.console.kafkaViewWindow().showDeadLetters());
        Labeled row = fx.robot
                .from(fx.<TableView<?>>lookup("#kafka-table-dead-letters"))
                .lookup((Labeled l) -> user.equals(l.getText()))
                .query();
        fx.robot.clickOn(row);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> inspector.letterProperty().get() != null);
        InspectedRecord letter = inspector.letterProperty().get();
        assertThat(letter.key()).isEqualTo(user);
        assertThat(fx.<TextArea>lookup("#kafka-letter-facts").getText())
                .contains("Why:          purchase without 'amount'")
                .contains("Read at:      " + running.activitiesTopic() + "/")
                .contains("dlq.consumer");
        assertThat(fx.<TextArea>lookup("#kafka-letter-original").getText()).contains("\"order_id\" : \"o-1\"");
        assertThat(fx.<Label>lookup("#kafka-verdict").getText()).startsWith("Still invalid");
        assertThat(fx.<Button>lookup("#kafka-resend").isDisabled()).isTrue();

        // an invalid correction: the reason is shown and nothing can be sent
        TextArea editor = fx.lookup("#kafka-correction");
        String original = editor.getText();
        fx.robot.interact(() -> editor.setText(original.replace("\"currency\"", "\"amount\" : -5,\n  \"currency\"")));
        assertThat(fx.<Label>lookup("#kafka-verdict").getText())
                .startsWith("Still invalid")
                .contains("amount");
        assertThat(fx.<Button>lookup("#kafka-resend").isDisabled()).isTrue();
        fx.robot.interact(inspector::resend);
        assertThat(fx.<Label>lookup("#kafka-verdict").getText()).startsWith("Not sent: ");

        // only the tab shown has rows (the model keeps the others'); coming back keeps the letter and its edits
        TableView<?> letters = fx.lookup("#kafka-table-dead-letters");
        assertThat(activities.getItems()).isEmpty();
        assertThat(kafka.activities()).isNotEmpty();
        String edited = editor.getText();
        fx.robot.interact(() -> fx.console.kafkaViewWindow().showTab(0));
        // records keep arriving: a batch reaches the rows in view over a few pulses
        await().atMost(Duration.ofSeconds(10))
                .until(() -> WaitForAsyncUtils.asyncFx(
                                () -> recordsIn(activities).equals(kafka.activities()))
                        .get());
        assertThat(letters.getItems()).isEmpty();
        fx.robot.interact(() -> fx.console.kafkaViewWindow().showDeadLetters());
        assertThat(((ObservableValue<?>) letters.getSelectionModel().getSelectedItem()).getValue())
                .isSameAs(letter);
        assertThat(inspector.letterProperty().get()).isSameAs(letter);
        assertThat(editor.getText()).isEqualTo(edited);

        // the valid correction goes back to the activities topic
        fx.robot.interact(
                () -> editor.setText(original.replace("\"currency\"", "\"amount\" : 321.5,\n  \"currency\"")));
        assertThat(fx.<Label>lookup("#kafka-verdict").getText()).startsWith("Valid");
        fx.robot.clickOn("#kafka-resend");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> fx.<Label>lookup("#kafka-verdict").getText().startsWith("Sent to "));
        assertThat(inspector.resentCountProperty().get()).isEqualTo(1);

        // analytics counts the corrected purchase: one event, one purchase, its amount in the revenue
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            EngineSnapshot now = fx.console.session().engine().latestSnapshot();
            assertThat(now.analytics().eventsTotal())
                    .isEqualTo(before.analytics().eventsTotal() + 1);
            assertThat(now.analytics().purchases()).isEqualTo(before.analytics().purchases() + 1);
            assertThat(now.analytics().revenueTotal())
                    .isCloseTo(before.analytics().revenueTotal() + 321.5, org.assertj.core.data.Offset.offset(0.001));
            assertThat(now.analytics().invalidRecords())
                    .isEqualTo(before.analytics().invalidRecords());
        });
        // and the tail shows it on the activities topic, marked as replayed
        await().atMost(Duration.ofSeconds(15))
                .until(() -> kafka.activities().stream()
                        .anyMatch(r -> r.key().equals(user)
                                && r.headers().stream().anyMatch(h -> h.name().equals("dlq.replayed.from"))));

        // closing the window stops the reader and closes its clients
        fx.robot.interact(() -> fx.console.kafkaViewWindow().close());
        assertThat(kafka.openProperty().get()).isFalse();
        await().atMost(Duration.ofSeconds(10)).until(() -> !readerThreadAlive());
        fx.console.session().resume();
        fx.assertNoFxErrors();
    }

    /**
     * The reason a record was refused is read whole in the dead-letter table at the screens a presenter
     * meets, with the window as it opens there and maximised, in normal and presenter mode: no cell of the
     * table is cut short with an ellipsis, and each reason is also whole in its cell's tooltip.
     */
    @Test
    void theDeadLettersReasonIsNeverCutAtAnyScreenSizeOrMode() {
        KafkaViewModel kafka = fx.console.kafkaView();
        fx.robot.interact(() -> fx.console.openKafkaView());
        fx.robot.interact(kafka::sendBrokenPurchase);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> kafka.deadLetters().stream()
                                .filter(r -> r.key().equals("demo-broken"))
                                .count()
                        >= 2);
        KafkaView view = fx.console.kafkaViewWindow();
        fx.robot.interact(view::showDeadLetters);
        TableView<?> letters = fx.lookup("#kafka-table-dead-letters");
        try {
            for (WindowSize screen : WindowSize.CHECKED) {
                Dimension2D opening = KafkaView.openingSize(new Rectangle2D(0, 0, screen.width(), screen.height()));
                for (Dimension2D window : List.of(opening, new Dimension2D(screen.width(), screen.height()))) {
                    for (boolean presenter : List.of(false, true)) {
                        assertReasonsWhole(view, letters, window, presenter);
                    }
                }
            }
            // a 1024-wide projector and a scaled laptop: the reason has its column (whole in its tooltip and
            // the inspector), and the inspector's buttons are within the window
            for (WindowSize screen : List.of(new WindowSize(1024, 768), new WindowSize(1024, 540))) {
                Dimension2D opening = KafkaView.openingSize(new Rectangle2D(0, 0, screen.width(), screen.height()));
                for (boolean presenter : List.of(false, true)) {
                    assertInspectorFits(view, letters, opening, presenter);
                }
            }
        } finally {
            fx.robot.interact(() -> {
                if (fx.console.model().main().presenterModeProperty().get()) {
                    fx.console.model().main().togglePresenterMode();
                }
                view.showTab(0); // as it opens: only the tab shown has rows, and the other test reads the first
                view.close();
            });
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> !readerThreadAlive());
        fx.assertNoFxErrors();
    }

    /** The records a table shows: each row holds the record in view there (the table's rows stay in place). */
    private static List<Object> recordsIn(TableView<?> table) {
        return table.getItems().stream()
                .map(row -> ((ObservableValue<?>) row).getValue())
                .collect(java.util.stream.Collectors.toList());
    }

    private static void assertInspectorFits(
            KafkaView view, TableView<?> letters, Dimension2D window, boolean presenter) {
        String where = showAt(view, window, presenter);
        await().atMost(Duration.ofSeconds(20)).pollDelay(Duration.ofMillis(300)).untilAsserted(() -> {
            List<String> problems = new ArrayList<>();
            fx.robot.interact(() -> {
                Bounds table = letters.localToScene(letters.getLayoutBounds());
                TableColumnHeader header =
                        fx.robot.from(letters).lookup(".column-header").<TableColumnHeader>queryAll().stream()
                                .filter(h -> h.getTableColumn() != null
                                        && "kafka-dead-letter-why"
                                                .equals(h.getTableColumn().getId()))
                                .findFirst()
                                .orElseThrow();
                Bounds whyBounds = header.localToScene(header.getLayoutBounds());
                if (whyBounds.getMinX() + 60 > table.getMaxX()) {
                    problems.add("the Why column starts at " + whyBounds.getMinX() + ", the table ends at "
                            + table.getMaxX());
                }
                for (String id : List.of("#kafka-resend", "#kafka-correction-reset", "#kafka-send-broken")) {
                    Node button = view.scene().lookup(id);
                    Bounds b = button.localToScene(button.getLayoutBounds());
                    if (b.getMaxX() > view.scene().getWidth() + 1) {
                        problems.add(id + " ends at " + b.getMaxX() + ", beyond the window's width "
                                + view.scene().getWidth());
                    }
                }
            });
            assertThat(problems).as("the dead letters at %s", where).isEmpty();
        });
    }

    /** Gives the Kafka view's window this size and the console this mode; says where, for messages. */
    private static String showAt(KafkaView view, Dimension2D window, boolean presenter) {
        String where = (int) window.getWidth() + "x" + (int) window.getHeight() + ", presenter mode " + presenter;
        fx.robot.interact(() -> {
            // the smallest size the window has on a screen where it opens at this size
            Dimension2D smallest = KafkaView.smallestSize(window);
            view.stage().setMinWidth(smallest.getWidth());
            view.stage().setMinHeight(smallest.getHeight());
            view.stage().setWidth(window.getWidth());
            view.stage().setHeight(window.getHeight());
            if (fx.console.model().main().presenterModeProperty().get() != presenter) {
                fx.console.model().main().togglePresenterMode();
            }
        });
        await().atMost(Duration.ofSeconds(10))
                .until(() -> Math.abs(view.scene().getWidth() - window.getWidth()) < 2
                        && Math.abs(view.scene().getHeight() - window.getHeight()) < 2);
        assertThat(view.scene().getRoot().getStyleClass().contains("presenter")).isEqualTo(presenter);
        return where;
    }

    private static void assertReasonsWhole(
            KafkaView view, TableView<?> letters, Dimension2D window, boolean presenter) {
        String where = showAt(view, window, presenter);
        // a pulse or two after the resize the columns have their widths; the check then holds steadily
        await().atMost(Duration.ofSeconds(20)).pollDelay(Duration.ofMillis(300)).untilAsserted(() -> {
            List<String> problems = new ArrayList<>();
            List<String> reasons = new ArrayList<>();
            fx.robot.interact(() -> {
                for (TableCell<?, ?> cell :
                        fx.robot.from(letters).lookup(".table-cell").<TableCell<?, ?>>queryAll()) {
                    String text = cell.getText();
                    if (cell.isEmpty() || text == null || text.isEmpty() || !cell.isVisible()) {
                        continue;
                    }
                    String shown = ConsoleFixture.shownText(cell);
                    if (!text.equals(shown)) {
                        problems.add(cell.getTableColumn().getText() + " shows \"" + shown + "\" instead of \"" + text
                                + "\"");
                    }
                    if ("kafka-dead-letter-why".equals(cell.getTableColumn().getId())) {
                        reasons.add(text);
                        if (cell.getTooltip() == null
                                || !text.equals(cell.getTooltip().getText())) {
                            problems.add("the reason \"" + text + "\" is not whole in its tooltip");
                        }
                    }
                }
            });
            assertThat(reasons).as("reasons shown at %s", where).contains("purchase without 'amount'");
            assertThat(problems).as("cut cells at %s", where).isEmpty();
        });
    }

    private static boolean drained() {
        EngineSnapshot s = fx.console.session().engine().latestSnapshot();
        return s != null
                && s.producer().inFlight() == 0
                && s.analyticsConsumer().lagRecords() == 0
                && s.analytics().eventsTotal() + s.analytics().invalidRecords()
                        >= s.producer().delivered();
    }
}
