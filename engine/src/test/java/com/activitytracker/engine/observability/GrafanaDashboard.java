package com.activitytracker.engine.observability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The committed Grafana dashboard, read as Grafana would: its panels and the PromQL they query. */
final class GrafanaDashboard {
    static final Path ROOT = Path.of("..", "observability");
    static final Path FILE = ROOT.resolve("grafana/dashboards/activity-tracker.json");

    /** PromQL's own words: aggregations, functions and keywords, never metric names. */
    private static final Set<String> PROMQL_WORDS = Set.of(
            "sum",
            "min",
            "max",
            "avg",
            "count",
            "stddev",
            "stdvar",
            "topk",
            "bottomk",
            "quantile",
            "count_values",
            "group",
            "by",
            "without",
            "on",
            "ignoring",
            "group_left",
            "group_right",
            "and",
            "or",
            "unless",
            "offset",
            "bool",
            "rate",
            "irate",
            "increase",
            "delta",
            "idelta",
            "histogram_quantile",
            "clamp_min",
            "clamp_max",
            "abs",
            "ceil",
            "floor",
            "round",
            "vector",
            "scalar",
            "time",
            "le",
            "inf",
            "nan");

    private static final Pattern LABELS = Pattern.compile("\\{[^}]*}");
    private static final Pattern GROUPING =
            Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
    private static final Pattern STRING = Pattern.compile("\"[^\"]*\"|'[^']*'");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w$.])([a-zA-Z_:][a-zA-Z0-9_:]*+)(?!\\s*\\()");

    private final JsonNode root;

    private GrafanaDashboard(JsonNode root) {
        this.root = root;
    }

    static GrafanaDashboard read(Path file) throws IOException {
        return new GrafanaDashboard(new ObjectMapper().readTree(file.toFile()));
    }

    JsonNode root() {
        return root;
    }

    List<JsonNode> panels() {
        List<JsonNode> out = new ArrayList<>();
        collectPanels(root.path("panels"), out);
        return out;
    }

    private static void collectPanels(JsonNode panels, List<JsonNode> out) {
        for (JsonNode panel : panels) {
            out.add(panel);
            collectPanels(panel.path("panels"), out); // panels inside collapsed rows
        }
    }

    /** Every PromQL expression of every panel. */
    List<String> expressions() {
        List<String> out = new ArrayList<>();
        for (JsonNode panel : panels()) {
            panel.path("targets").forEach(t -> {
                if (t.hasNonNull("expr")) {
                    out.add(t.get("expr").asText());
                }
            });
        }
        return out;
    }

    /** The metric names the expressions select (labels, ranges, strings and PromQL's own words removed). */
    Set<String> metricNames() {
        Set<String> names = new TreeSet<>();
        for (String expr : expressions()) {
            names.addAll(metricNames(expr));
        }
        return names;
    }

    static Set<String> metricNames(String expr) {
        String e = STRING.matcher(expr).replaceAll(" ");
        e = LABELS.matcher(e).replaceAll(" ");
        e = GROUPING.matcher(e).replaceAll(" ");
        e = RANGE.matcher(e).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(e);
        while (m.find()) {
            String word = m.group(1);
            if (!PROMQL_WORDS.contains(word.toLowerCase(Locale.ROOT)) && !word.matches("\\d.*")) {
                names.add(word);
            }
        }
        return names;
    }
}
