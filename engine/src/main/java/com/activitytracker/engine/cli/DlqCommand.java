package com.activitytracker.engine.cli;

import com.activitytracker.engine.config.Settings;
import com.activitytracker.engine.event.ActivityEventCodec;
import com.activitytracker.engine.kafka.KafkaClientFactory;
import com.activitytracker.engine.kafka.KafkaCluster;
import com.activitytracker.engine.kafka.TopicAdmin;
import com.activitytracker.engine.observability.DeadLetter;
import com.activitytracker.engine.observability.DeadLetterRepair;
import com.activitytracker.engine.observability.RecordText;
import com.activitytracker.engine.observability.TopicReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

@Command(
        name = "dlq",
        mixinStandardHelpOptions = true,
        description = {
            "The dead-letter topic: records the consumers rejected, with why (the dlq.* headers).",
            "  dlq show     print every dead letter: why, who rejected it, where it came from, its original bytes",
            "  dlq replay   validate each dead letter again (after --set corrections) and send the valid ones back"
                    + " to the activities topic; reports what stays invalid",
            "Both read with a consumer of their own (no group, no commits)."
        })
final class DlqCommand extends SettingsCommand {
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    enum Action {
        show,
        replay
    }

    @Mixin
    KafkaOptions kafka;

    @Parameters(index = "0", paramLabel = "show|replay", description = "show or replay")
    Action action;

    @Option(names = "--max", paramLabel = "N", description = "look at the first N dead letters only")
    Long max;

    @Option(
            names = "--only",
            paramLabel = "PLACE",
            description =
                    "replay only this record, as 'dlq show' names it: its source (user-activities/3@1042) or the dead letter itself")
    List<String> only = new ArrayList<>();

    @Option(
            names = "--set",
            paramLabel = "FIELD=VALUE",
            description =
                    "correct a field before validating (repeatable; geo.country=US for a nested field; JSON values such as 12.5 or true are typed)")
    List<String> corrections = new ArrayList<>();

    @Option(names = "--dry-run", description = "report what a replay would send, without sending")
    boolean dryRun;

    @Override
    protected void addOverrides(Map<String, String> overrides) {
        kafka.addTo(overrides);
    }

    @Override
    protected Path envFile() {
        return kafka.envFile;
    }

    @Override
    public Integer call() throws Exception {
        if (max != null && max < 1) {
            throw new ParameterException(spec.commandLine(), "--max must be a positive number, got " + max);
        }
        DeadLetterRepair repair = new DeadLetterRepair(new ActivityEventCodec());
        for (String c : corrections) {
            try {
                repair.set(c);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--set: " + e.getMessage());
            }
        }
        if (action == Action.show && (!corrections.isEmpty() || dryRun || !only.isEmpty())) {
            throw new ParameterException(spec.commandLine(), "--set, --only and --dry-run belong to 'dlq replay'");
        }
        Settings settings = Roles.withDefaultBootstrap(loadSettings());
        KafkaClientFactory clients = new KafkaClientFactory(settings);
        new TopicAdmin(clients, KafkaCluster.CONNECT_TIMEOUT).awaitCluster();
        List<DeadLetter> letters = readAll(clients, settings.dlqTopic());
        return action == Action.show ? show(settings, letters, repair) : replay(settings, clients, letters, repair);
    }

    /** Everything in the topic now, up to --max: the end offsets are taken first, so a live run cannot keep it reading. */
    private List<DeadLetter> readAll(KafkaClientFactory clients, String dlqTopic) {
        List<DeadLetter> letters = new ArrayList<>();
        TopicReader reader;
        try {
            reader = new TopicReader(clients.reader("activity-tracker-dlq"), dlqTopic, true);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage() + " (KAFKA_DLQ_TOPIC)");
        }
        try (reader) {
            Map<TopicPartition, Long> ends = reader.endOffsets();
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (!reader.reached(ends) && (max == null || letters.size() < max) && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : reader.poll(POLL)) {
                    if (r.offset() < ends.getOrDefault(new TopicPartition(r.topic(), r.partition()), 0L)
                            && (max == null || letters.size() < max)) {
                        letters.add(DeadLetter.of(r));
                    }
                }
            }
        }
        return letters;
    }

    private int show(Settings settings, List<DeadLetter> letters, DeadLetterRepair repair) {
        PrintStream out = out();
        RecordText text = new RecordText();
        for (DeadLetter letter : letters) {
            out.printf("── %s  %s%n", letter.place(), letter.timestamp());
            out.println("why:      " + RecordText.safe(letter.error().getBytes(StandardCharsets.UTF_8), 1024));
            out.println("rejected: by " + letter.consumer() + ", read at " + letter.source());
            byte[] key = letter.record().key();
            out.println("key:      " + (key == null ? "(none)" : RecordText.safe(key, 1024)));
            for (Header h : letter.record().headers()) {
                if (!h.key().startsWith("dlq.")) {
                    out.println("header " + h.key() + ": "
                            + (h.value() == null ? "(null)" : RecordText.safe(h.value(), 1024)));
                }
            }
            out.println(text.value(letter.record().value()));
            DeadLetterRepair.Verdict now = repair.check(letter);
            out.println(
                    now.valid()
                            ? "now:      valid (dlq replay would send it back)"
                            : "now:      still invalid: " + now.stillInvalid());
            out.println();
        }
        out.printf("%d dead letter%s in %s%n", letters.size(), letters.size() == 1 ? "" : "s", settings.dlqTopic());
        return 0;
    }

    private int replay(Settings settings, KafkaClientFactory clients, List<DeadLetter> letters, DeadLetterRepair repair)
            throws InterruptedException {
        PrintStream out = out();
        List<DeadLetterRepair.Verdict> valid = new ArrayList<>();
        Map<String, String> invalid = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (DeadLetter letter : letters) {
            if (!only.isEmpty() && !only.contains(letter.source()) && !only.contains(letter.place())) {
                continue;
            }
            if (!seen.add(letter.source())) {
                continue; // the other consumer's copy of the same rejected record
            }
            DeadLetterRepair.Verdict verdict = repair.check(letter);
            if (verdict.valid()) {
                valid.add(verdict);
            } else {
                invalid.put(letter.source(), verdict.stillInvalid());
            }
        }
        int failed = dryRun ? 0 : send(settings, clients, valid, out);
        if (dryRun) {
            valid.forEach(v -> out.println("would replay " + v.letter().source()));
        }
        invalid.forEach((source, why) -> out.println("✖  stays invalid: " + source + ": " + why));
        out.printf(
                "%s %d of %d dead letter%s to %s; %d stay%s invalid%s%n",
                dryRun ? "Would replay" : "Replayed",
                valid.size() - failed,
                seen.size(),
                seen.size() == 1 ? "" : "s",
                settings.activitiesTopic(),
                invalid.size(),
                invalid.size() == 1 ? "s" : "",
                invalid.isEmpty() ? "" : " (correct them with --set FIELD=VALUE --only SOURCE)");
        return failed == 0 ? 0 : TrackerCli.EXIT_FAILURE;
    }

    private int send(
            Settings settings, KafkaClientFactory clients, List<DeadLetterRepair.Verdict> valid, PrintStream out)
            throws InterruptedException {
        int failed = 0;
        try (KafkaProducer<byte[], byte[]> producer = clients.rawProducer("activity-tracker-dlq-replay")) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (DeadLetterRepair.Verdict v : valid) {
                RecordHeaders headers = new RecordHeaders();
                for (Header h : v.letter().record().headers()) {
                    if (!h.key().startsWith("dlq.")) {
                        headers.add(h);
                    }
                }
                headers.add(DeadLetter.REPLAYED_FROM, v.letter().place().getBytes(StandardCharsets.UTF_8));
                sent.add(producer.send(new ProducerRecord<>(
                        settings.activitiesTopic(), null, v.letter().record().key(), v.value(), headers)));
            }
            for (int i = 0; i < sent.size(); i++) {
                String source = valid.get(i).letter().source();
                try {
                    RecordMetadata m = sent.get(i).get(30, TimeUnit.SECONDS);
                    out.printf("↩️  replayed %s → %s/%d@%d%n", source, m.topic(), m.partition(), m.offset());
                } catch (ExecutionException | TimeoutException e) {
                    failed++;
                    out.printf(
                            "⚠️  could not replay %s: %s%n",
                            source, e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
                }
            }
        }
        return failed;
    }
}
