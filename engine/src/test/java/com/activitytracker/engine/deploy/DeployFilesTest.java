package com.activitytracker.engine.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.activitytracker.engine.config.Settings;
import com.activitytracker.engine.config.SettingsLoader;
import com.activitytracker.engine.fraud.FraudSettings;
import com.activitytracker.engine.fraud.FraudThresholds;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.security.auth.login.AppConfigurationEntry;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.security.JaasContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the files shipped next to the code (docker-compose.yml, .env.example and the client
 * properties example) in step with what the engine actually reads, so a renamed setting or a moved
 * port fails the build instead of a demo.
 */
@Tag("unit")
class DeployFilesTest {
    /** Tests run in engine/; the deployment files live at the project root. */
    private static final Path ROOT = Path.of("..");

    private static final Path COMPOSE = ROOT.resolve("docker-compose.yml");
    private static final Path ENV_EXAMPLE = ROOT.resolve(".env.example");
    private static final Path CLIENT_PROPERTIES = ROOT.resolve("docs/client.properties.example");

    /**
     * Where the single-role commands look for Kafka when KAFKA_BOOTSTRAP_SERVERS is unset (docs/CONTRACTS.md,
     * Settings; {@code Roles.DEFAULT_BOOTSTRAP}, package-private in the cli package). The compose broker
     * must be reachable there, so that `docker compose up -d` needs no setting at all.
     */
    private static final String ROLES_DEFAULT_BOOTSTRAP = "localhost:9092";

    /** {@code KEY=value} or {@code # KEY=value}: a setting line of the env file, commented or not. */
    private static final Pattern ASSIGNMENT = Pattern.compile("^(#\\s*)?([A-Z][A-Z0-9_]*)=(.*)$");

    @TempDir
    Path dir;

    private SettingsLoader loader;

    @BeforeEach
    void isolatedLoader() {
        // no environment and an empty working directory: only the file under test counts
        loader = new SettingsLoader(Map.of(), dir, dir.resolve("home"), "Linux");
    }

    // ---------------------------------------------------------------- docker-compose.yml

    @Test
    void composeRunsOneKafkaServiceFromAPinnedOfficialImage() throws IOException {
        List<String> always = new ArrayList<>();
        compose().path("services").properties().forEach(s -> {
            if (s.getValue().path("profiles").isMissingNode()) {
                always.add(s.getKey());
            }
        });
        // Prometheus and Grafana come only with --profile observability (ObservabilityFilesTest)
        assertThat(always).as("services docker compose up starts").containsExactly("kafka");
        String image = kafka().path("image").asText();
        assertThat(image)
                .as("image")
                .startsWith("apache/kafka:")
                .doesNotEndWith(":latest")
                .matches("apache/kafka:4\\.\\d+\\.\\d+");
    }

    @Test
    void composeAdvertisesTheRolesDefaultBootstrapToTheHost() throws IOException {
        Map<String, String> listeners = listeners(environment().get("KAFKA_ADVERTISED_LISTENERS"));
        assertThat(listeners).containsEntry("PLAINTEXT_HOST", ROLES_DEFAULT_BOOTSTRAP);
        assertThat(environment().get("KAFKA_LISTENERS")).contains("PLAINTEXT_HOST://0.0.0.0:9092");
        assertThat(texts(kafka().path("ports"))).anyMatch(p -> p.endsWith("9092:9092"));
    }

    @Test
    void composeHasSeparateInternalAndControllerListeners() throws IOException {
        Map<String, String> env = environment();
        assertThat(listeners(env.get("KAFKA_LISTENERS"))).containsOnlyKeys("PLAINTEXT", "CONTROLLER", "PLAINTEXT_HOST");
        assertThat(env)
                .containsEntry("KAFKA_CONTROLLER_LISTENER_NAMES", "CONTROLLER")
                .containsEntry("KAFKA_INTER_BROKER_LISTENER_NAME", "PLAINTEXT");
        assertThat(env.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP"))
                .contains("PLAINTEXT:PLAINTEXT", "CONTROLLER:PLAINTEXT", "PLAINTEXT_HOST:PLAINTEXT");
    }

    @Test
    void composeIsASingleNodeKraftBrokerThatLeavesTopicCreationToTheApp() throws IOException {
        Map<String, String> env = environment();
        assertThat(env)
                .containsEntry("KAFKA_NODE_ID", "1")
                .containsEntry("KAFKA_CONTROLLER_QUORUM_VOTERS", "1@localhost:29093")
                .containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1")
                .containsEntry("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1")
                .containsEntry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1")
                .containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
        assertThat(env.get("KAFKA_PROCESS_ROLES").split(",")).containsExactlyInAnyOrder("broker", "controller");
    }

    @Test
    void composeChecksTheBrokerIsHealthy() throws IOException {
        JsonNode test = kafka().path("healthcheck").path("test");
        assertThat(texts(test))
                .as("healthcheck.test")
                .isNotEmpty()
                .anyMatch(part -> part.contains("kafka-broker-api-versions.sh"));
    }

    @Test
    void composeKeepsTheBrokerDataInANamedVolume() throws IOException {
        List<String> namedVolumes = new ArrayList<>();
        compose().path("volumes").fieldNames().forEachRemaining(namedVolumes::add);
        List<String> mounts = texts(kafka().path("volumes"));
        assertThat(mounts).as("volumes of the kafka service").isNotEmpty();
        String mount = mounts.get(0);
        assertThat(mount).as("short syntax volume:path").contains(":");
        String source = mount.substring(0, mount.indexOf(':'));
        String target = mount.substring(mount.indexOf(':') + 1).replaceFirst(":(rw|ro)$", "");
        assertThat(namedVolumes).as("top-level volumes").contains(source);
        assertThat(environment()).containsEntry("KAFKA_LOG_DIRS", target);
    }

    // ---------------------------------------------------------------- .env.example

    @Test
    void envExampleLoadsAndChangesNothingWhenCopiedToDotEnv() {
        Settings fromExample = loader.load(ENV_EXAMPLE, Map.of());
        Settings defaults = loader.load(null, Map.of());
        assertThat(withoutRawValues(fromExample)).isEqualTo(withoutRawValues(defaults));
        assertThat(fromExample.usesEmbeddedBroker())
                .as("KAFKA_BOOTSTRAP_SERVERS stays unset")
                .isTrue();
        assertThat(FraudSettings.thresholds(fromExample.values())).isEqualTo(FraudThresholds.defaults());
        // LogSetup's default for Kafka's own loggers
        assertThat(fromExample.values().getOrDefault(Settings.KAFKA_LOG_LEVEL, "WARN"))
                .isEqualTo("WARN");
    }

    @Test
    void envExampleNamesEverySetting() throws IOException {
        List<String> named = assignments().stream().map(a -> a.key).toList();
        assertThat(named).containsAll(Settings.KEYS).containsAll(fraudKeys());
    }

    @Test
    void envExampleNamesNothingThatIsNotASetting() throws IOException {
        List<String> known =
                Stream.concat(Settings.KEYS.stream(), fraudKeys().stream()).toList();
        assertThat(assignments())
                .extracting(a -> a.key)
                .allMatch(
                        known::contains,
                        "a setting of Settings.KEYS or FraudThresholds (an unknown FRAUD_* is rejected at start)");
    }

    @Test
    void envExampleCommentedValuesAreValidWhenUncommented() throws IOException {
        StringBuilder uncommented = new StringBuilder();
        for (Assignment a : assignments()) {
            // the client config example names a file on the user's machine; the next test covers that file
            if (!a.key.equals(Settings.KAFKA_CLIENT_CONFIG)) {
                uncommented.append(a.key).append('=').append(a.value).append('\n');
            }
        }
        Settings settings = loader.load(Files.writeString(dir.resolve("uncommented.env"), uncommented), Map.of());
        assertThatCode(() -> FraudSettings.thresholds(settings.values())).doesNotThrowAnyException();
        assertThat(settings.bootstrapServers()).contains(ROLES_DEFAULT_BOOTSTRAP);
    }

    // ---------------------------------------------------------------- docs/client.properties.example

    @Test
    void clientPropertiesExampleIsAValidSaslSslClientConfig() throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(CLIENT_PROPERTIES, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        assertThat(p.getProperty("security.protocol")).isEqualTo("SASL_SSL");
        assertThat(p.getProperty("sasl.mechanism")).isIn("SCRAM-SHA-256", "SCRAM-SHA-512", "PLAIN");
        Map<Object, Object> config = new HashMap<>(p);
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, ROLES_DEFAULT_BOOTSTRAP);
        // Kafka's own parsing, as the clients do it: types and allowed values, then the JAAS login line
        List<AppConfigurationEntry> login = JaasContext.loadClientContext(new AdminClientConfig(config).values())
                .configurationEntries();
        assertThat(login).hasSize(1);
        assertThat(login.get(0).getOptions()).containsKeys("username", "password");
    }

    @Test
    void clientPropertiesExampleHoldsPlaceholdersNeverSecrets() throws IOException {
        Matcher secret =
                Pattern.compile("(username|password)=\"([^\"]*)\"").matcher(Files.readString(CLIENT_PROPERTIES));
        int found = 0;
        while (secret.find()) {
            assertThat(secret.group(2)).as(secret.group()).matches("<[A-Z_]+>");
            found++;
        }
        assertThat(found).as("user names and passwords in the example").isPositive();
    }

    // ---------------------------------------------------------------- helpers

    private static JsonNode compose() throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(COMPOSE.toFile());
    }

    private static JsonNode kafka() throws IOException {
        JsonNode kafka = compose().path("services").path("kafka");
        assertThat(kafka.isObject()).as("a service named kafka").isTrue();
        return kafka;
    }

    /** The kafka service's environment, written either as a map or as a list of KEY=value. */
    private static Map<String, String> environment() throws IOException {
        JsonNode env = kafka().path("environment");
        Map<String, String> out = new HashMap<>();
        if (env.isArray()) {
            env.forEach(e -> {
                String[] kv = e.asText().split("=", 2);
                out.put(kv[0], kv.length > 1 ? kv[1] : "");
            });
        } else {
            env.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
        }
        return out;
    }

    /** {@code NAME://host:port,...} as listener name to host:port. */
    private static Map<String, String> listeners(String spec) {
        assertThat(spec).as("listener list").isNotBlank();
        Map<String, String> out = new HashMap<>();
        for (String listener : spec.split(",")) {
            String[] parts = listener.strip().split("://", 2);
            out.put(parts[0], parts[1]);
        }
        return out;
    }

    /** A YAML scalar or list of scalars as strings. */
    private static List<String> texts(JsonNode node) {
        if (node.isArray()) {
            List<String> out = new ArrayList<>();
            node.forEach(n -> out.add(n.asText()));
            return out;
        }
        return node.isMissingNode() || node.isNull() ? List.of() : List.of(node.asText());
    }

    private record Assignment(String key, String value) {}

    /** Every setting line of .env.example, commented or not. */
    private static List<Assignment> assignments() throws IOException {
        List<Assignment> out = new ArrayList<>();
        for (String line : Files.readAllLines(ENV_EXAMPLE, StandardCharsets.UTF_8)) {
            Matcher m = ASSIGNMENT.matcher(line.strip());
            if (m.matches()) {
                out.add(new Assignment(m.group(2), m.group(3)));
            }
        }
        return out;
    }

    /** The FRAUD_* setting names FraudThresholds declares, so a new threshold cannot be forgotten here. */
    private static List<String> fraudKeys() {
        List<String> keys = Arrays.stream(FraudThresholds.class.getFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
                .map(DeployFilesTest::constant)
                .filter(v -> v.startsWith(Settings.FRAUD_PREFIX))
                .toList();
        assertThat(keys).as("FRAUD_* constants of FraudThresholds").isNotEmpty();
        return keys;
    }

    private static String constant(Field f) {
        try {
            return (String) f.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The typed settings alone: the raw map also holds the lines that merely repeat a default. */
    private static Settings withoutRawValues(Settings s) {
        return new Settings(
                s.bootstrapServers(),
                s.activitiesTopic(),
                s.alertsTopic(),
                s.dlqTopic(),
                s.partitions(),
                s.replicationFactor(),
                s.clientConfig(),
                s.eventsPerSecond(),
                s.statsInterval(),
                s.logLevel(),
                s.logDir(),
                s.dataDir(),
                Map.of());
    }
}
