package com.activitytracker.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.activitytracker.app.model.BannerKind;
import com.activitytracker.app.model.MainModel;
import com.activitytracker.engine.EngineStatus;
import com.activitytracker.engine.config.Settings;
import com.activitytracker.engine.kafka.EmbeddedKafkaBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console against an external cluster (a broker this test owns), which goes away and comes back:
 * a danger banner while it is gone, a passing one when it is back.
 */
@Tag("ui")
class ConsoleConnectionUiTest {
    private static final Duration HEALTH_CHECK = Duration.ofSeconds(60);

    @TempDir
    static Path dir;

    private static EmbeddedKafkaBroker broker;
    private static ConsoleFixture fx;

    @BeforeAll
    static void startBrokerAndConsole() throws Exception {
        broker = EmbeddedKafkaBroker.start(dir.resolve("external"), 0, false);
        fx = ConsoleFixture.start(dir, Map.of(Settings.KAFKA_BOOTSTRAP_SERVERS, broker.bootstrapServers()))
                .awaitRunning();
    }

    @AfterAll
    static void stop() throws Exception {
        if (fx != null) {
            fx.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void aLostClusterShowsADangerBannerAndItsReturnAPassingOne() {
        MainModel main = fx.console.model().main();
        // the engine runs; the console shows it at the feed's next drain, a tenth of a second later
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(main.clusterTextProperty().get())
                        .isEqualTo("Kafka at " + broker.bootstrapServers()));
        int port = broker.port();

        broker.close();
        await().atMost(HEALTH_CHECK).until(() -> main.bannerKindProperty().get() == BannerKind.DANGER);
        assertThat(main.bannerTextProperty().get()).contains("Lost the connection to Kafka");
        assertThat(fx.<Label>lookup("#status-banner").isVisible()).isTrue();
        assertThat(fx.<Label>lookup("#status-banner").getStyleClass()).contains("banner-danger");
        assertThat(fx.<Label>lookup("#engine-state").getText()).isEqualTo("Reconnecting");

        broker = EmbeddedKafkaBroker.start(dir.resolve("external"), port, false);
        // state and banner are set on the FX thread one after the other: wait for both, not one then the other
        await().atMost(HEALTH_CHECK)
                .until(() -> main.engineStateProperty().get() == EngineStatus.State.RUNNING
                        && main.bannerKindProperty().get() == BannerKind.SUCCESS);
        assertThat(main.bannerTextProperty().get()).contains("back");
        await().atMost(HEALTH_CHECK).until(() -> main.bannerKindProperty().get() == BannerKind.NONE);
        fx.assertNoFxErrors();
    }
}
