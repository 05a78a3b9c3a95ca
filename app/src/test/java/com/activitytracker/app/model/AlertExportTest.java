package com.activitytracker.app.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.activitytracker.engine.fraud.FraudAlert;
import com.activitytracker.engine.fraud.FraudAlertCodec;
import com.activitytracker.engine.fraud.Severity;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class AlertExportTest {
    private static final Instant T = Instant.parse("2026-11-26T10:30:45.123Z");

    private static FraudAlert alert(String user, String description) {
        return new FraudAlert(
                "a-1",
                "HIGH_VALUE_PURCHASE",
                Severity.MEDIUM,
                user,
                T,
                T.minusSeconds(1),
                description,
                List.of("e1", "e2"),
                details());
    }

    private static Map<String, Object> details() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("amount", 7500.5);
        d.put("currency", "USD");
        return d;
    }

    @Test
    void csvHasAHeaderAndOneCrlfLinePerAlert() {
        String csv = AlertExport.csv(List.of(alert("user-1", "A purchase of 7,500.50 USD"), alert("user-2", "plain")));

        List<String> lines = List.of(csv.split("\r\n"));
        assertThat(lines.get(0))
                .isEqualTo(
                        "alert_id,detected_at,event_time,severity,rule,user_id,description,evidence_event_ids,details");
        assertThat(lines).hasSize(3);
        assertThat(csv).endsWith("\r\n");
        assertThat(lines.get(2))
                .isEqualTo(
                        "a-1,2026-11-26T10:30:45.123Z,2026-11-26T10:30:44.123Z,MEDIUM,HIGH_VALUE_PURCHASE,user-2,plain,"
                                + "e1 e2,\"{\"\"amount\"\":7500.5,\"\"currency\"\":\"\"USD\"\"}\"");
    }

    @Test
    void csvQuotesCommasQuotesAndLineBreaksAndDoublesTheQuotes() {
        assertThat(AlertExport.field("plain")).isEqualTo("plain");
        assertThat(AlertExport.field("7,500.50")).isEqualTo("\"7,500.50\"");
        assertThat(AlertExport.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(AlertExport.field("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(AlertExport.field("cr\rhere")).isEqualTo("\"cr\rhere\"");
        assertThat(AlertExport.field(" padded ")).isEqualTo("\" padded \"");
        assertThat(AlertExport.field("")).isEmpty();
        assertThat(AlertExport.field(null)).isEmpty();
    }

    @Test
    void csvDefusesWhatASpreadsheetWouldRunAsAFormula() {
        assertThat(AlertExport.field("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(AlertExport.field("+1")).isEqualTo("'+1");
        assertThat(AlertExport.field("-1")).isEqualTo("'-1");
        assertThat(AlertExport.field("@me")).isEqualTo("'@me");
    }

    @Test
    void aDescriptionWithACommaAQuoteAndANewlineStaysOneField() {
        String csv = AlertExport.csv(List.of(alert("user,1", "He said \"buy\",\nthen left")));
        String row = csv.substring(csv.indexOf("\r\n") + 2);

        assertThat(row).contains(",\"user,1\",\"He said \"\"buy\"\",\nthen left\",");
        assertThat(row.split("\r\n")).hasSize(1);
    }

    @Test
    void jsonIsAnArrayOfAlertsExactlyAsOnTheAlertsTopic() throws Exception {
        FraudAlert a = alert("user-\"quoted\",1", "line one\nline two");
        String json = AlertExport.json(List.of(a, alert("user-2", "x")));

        JsonNode array = new ObjectMapper().readTree(json);
        assertThat(array.isArray()).isTrue();
        assertThat(array).hasSize(2);
        FraudAlert back = new FraudAlertCodec().decode(array.get(0).toString().getBytes(StandardCharsets.UTF_8));
        assertThat(back).isEqualTo(a);
        assertThat(array.get(0).get("user_id").asText()).isEqualTo("user-\"quoted\",1");
        assertThat(array.get(0).get("description").asText()).isEqualTo("line one\nline two");
    }

    @Test
    void noAlertsGiveAHeaderOnlyAndAnEmptyArray() throws Exception {
        assertThat(AlertExport.csv(List.of())).isEqualTo(String.join(",", AlertExport.CSV_COLUMNS) + "\r\n");
        assertThat(new ObjectMapper().readTree(AlertExport.json(List.of()))).isEmpty();
    }

    @Test
    void fileNamesCarryTheTimeAndTheExtension() {
        assertThat(AlertExport.fileName(LocalDateTime.of(2026, 12, 5, 9, 3, 7), AlertExport.Format.CSV))
                .isEqualTo("fraud-alerts-20261205-090307.csv");
        assertThat(AlertExport.fileName(LocalDateTime.of(2026, 12, 5, 9, 3, 7), AlertExport.Format.JSON))
                .endsWith(".json");
    }
}
