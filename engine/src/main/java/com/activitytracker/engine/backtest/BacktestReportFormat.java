package com.activitytracker.engine.backtest;

import com.activitytracker.engine.config.Durations;
import com.activitytracker.engine.fraud.Severity;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A backtest report as a terminal table and as JSON (the CLI's {@code --json}). */
public final class BacktestReportFormat {
    /** Users listed by name in the table; the JSON lists them all. */
    static final int USERS_SHOWN = 10;

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The comparison as a plain-text table, one line per rule, then the totals and the users that change. */
    public String table(BacktestReport r) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.US,
                "What if: %s to %s, %,d records replayed in %s (%,.0f/s)%s%n%n",
                TIME.format(r.from()),
                TIME.format(r.to()),
                r.recordsRead(),
                Durations.format(r.elapsed()),
                r.recordsPerSecond(),
                r.invalidRecords() == 0 ? "" : String.format(Locale.US, ", %,d invalid skipped", r.invalidRecords())));
        if (r.limit().forgotAny()) {
            out.append(memoryNote(r.limit())).append("\n\n");
        }
        String row = "%-26s %10s %10s %8s%n";
        out.append(String.format(Locale.US, row, "alerts by rule", "live", "candidate", "change"));
        for (String rule : r.rules()) {
            out.append(numbers(row, rule, r.live().alerts(rule), r.candidate().alerts(rule)));
        }
        for (Severity severity : Severity.values()) {
            long live = bySeverity(r.live(), severity);
            long candidate = bySeverity(r.candidate(), severity);
            if (live != 0 || candidate != 0) {
                out.append(numbers(row, "  of which " + severity, live, candidate));
            }
        }
        out.append(numbers(
                row, "alerts in all", r.live().alertsTotal(), r.candidate().alertsTotal()));
        out.append(numbers(
                row, "users flagged", r.live().usersFlagged(), r.candidate().usersFlagged()));
        if (r.groundTruthKnown()) {
            out.append(String.format(
                    Locale.US,
                    row,
                    "injected attacks caught",
                    r.live().attacksCaught() + "/" + r.attacksInSpan(),
                    r.candidate().attacksCaught() + "/" + r.attacksInSpan(),
                    signed(r.candidate().attacksCaught() - r.live().attacksCaught())));
            out.append(numbers(
                    row,
                    "ordinary users flagged",
                    r.live().ordinaryUsersFlagged().orElse(0),
                    r.candidate().ordinaryUsersFlagged().orElse(0)));
        } else {
            out.append("(which users were injected attackers is known only to the engine that injected them)\n");
        }
        out.append('\n');
        out.append("Candidate thresholds: ").append(changes(r)).append('\n');
        out.append(users("Newly flagged", r.newlyFlagged()));
        out.append(users("No longer flagged", r.noLongerFlagged()));
        if (!r.candidate().attacksMissed().isEmpty()) {
            out.append("Attacks the candidate misses: ")
                    .append(String.join(", ", r.candidate().attacksMissed()))
                    .append('\n');
        }
        return out.toString();
    }

    /** The comparison as JSON: every figure of the table, and every user that changes. */
    public String json(BacktestReport r) {
        ObjectNode root = mapper.createObjectNode();
        root.put("from", r.from().toString());
        root.put("to", r.to().toString());
        root.put("records_read", r.recordsRead());
        root.put("invalid_records", r.invalidRecords());
        root.put("elapsed_ms", r.elapsed().toMillis());
        root.put("users_per_side", r.limit().usersPerSide());
        root.put("users_forgotten", r.limit().forgottenUsers());
        root.put("ground_truth_known", r.groundTruthKnown());
        if (r.groundTruthKnown()) {
            root.put("attacks_in_span", r.attacksInSpan());
        }
        root.set("live", side(r, r.live(), r.liveThresholds().asSettings()));
        root.set("candidate", side(r, r.candidate(), r.candidateThresholds().asSettings()));
        strings(root.putArray("newly_flagged"), r.newlyFlagged());
        strings(root.putArray("no_longer_flagged"), r.noLongerFlagged());
        try {
            return mapper.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the backtest report", e);
        }
    }

    private ObjectNode side(BacktestReport r, BacktestOutcome o, Map<String, String> thresholds) {
        ObjectNode side = mapper.createObjectNode();
        ObjectNode settings = side.putObject("thresholds");
        thresholds.forEach(settings::put);
        ObjectNode alerts = side.putObject("alerts_by_rule");
        for (String rule : r.rules()) {
            ObjectNode bySeverity = alerts.putObject(rule);
            o.alertsByRule().getOrDefault(rule, Map.of()).forEach((s, n) -> bySeverity.put(s.name(), n));
        }
        side.put("alerts_total", o.alertsTotal());
        side.put("users_flagged", o.usersFlagged());
        if (r.groundTruthKnown()) {
            side.put("attacks_caught", o.attacksCaught());
            strings(side.putArray("attacks_missed"), o.attacksMissed());
            side.put("ordinary_users_flagged", o.ordinaryUsersFlagged().orElse(0));
        }
        return side;
    }

    /** What a memory-bound replay may have missed, in one sentence: the table's and the console's. */
    public static String memoryNote(ReplayLimit limit) {
        return String.format(
                Locale.US,
                "To fit in memory each side kept at most %,d users at a time and forgot the least recently"
                        + " active one %,d times; a pattern with a long pause in a user's activity may be missed"
                        + " (a shorter span or a larger heap, -Xmx, avoids it).",
                limit.usersPerSide(),
                limit.forgottenUsers());
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static long bySeverity(BacktestOutcome o, Severity severity) {
        return o.alertsByRule().values().stream()
                .mapToLong(m -> m.getOrDefault(severity, 0L))
                .sum();
    }

    private static String numbers(String row, String label, long live, long candidate) {
        return String.format(
                Locale.US,
                row,
                label,
                String.format(Locale.US, "%,d", live),
                String.format(Locale.US, "%,d", candidate),
                signed(candidate - live));
    }

    private static String signed(long change) {
        return change == 0 ? "=" : String.format(Locale.US, "%+,d", change);
    }

    private static String changes(BacktestReport r) {
        Map<String, String> live = r.liveThresholds().asSettings();
        Map<String, String> candidate = r.candidateThresholds().asSettings();
        List<String> changed = new ArrayList<>();
        candidate.forEach((name, value) -> {
            if (!value.equals(live.get(name))) {
                changed.add(name + " " + live.get(name) + " -> " + value);
            }
        });
        return changed.isEmpty() ? "the same as the live ones" : String.join(", ", changed);
    }

    private static String users(String title, List<String> users) {
        if (users.isEmpty()) {
            return title + ": none\n";
        }
        List<String> shown = users.subList(0, Math.min(USERS_SHOWN, users.size()));
        String more = users.size() > shown.size() ? ", ... " + (users.size() - shown.size()) + " more" : "";
        return title + " (" + users.size() + "): " + String.join(", ", shown) + more + "\n";
    }
}
