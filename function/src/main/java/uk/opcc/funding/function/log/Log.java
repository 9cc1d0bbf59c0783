package uk.opcc.funding.function.log;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.opcc.funding.catalogue.Json;

/**
 * One JSON line per event, to CloudWatch through standard output. Logs carry references, form
 * ids and problem codes, never answers: applications hold personal data.
 */
public final class Log {
    /** Lambda keeps every line; the local run's console shows the info lines only when asked (LOGS=true). */
    private static volatile boolean infoShown = true;

    private Log() {
    }

    /** Whether info lines and metrics are written; errors always are. */
    public static void showInfo(boolean shown) {
        infoShown = shown;
    }

    public static void info(String event, Map<String, ?> fields) {
        write("INFO", event, fields);
    }

    public static void error(String event, Map<String, ?> fields, Throwable error) {
        Map<String, Object> all = new LinkedHashMap<>(fields);
        // The class and where it happened; messages can quote input, so they are left out.
        all.put("error", error.getClass().getName());
        all.put("at", List.of(error.getStackTrace()).stream().limit(8).map(String::valueOf).toList());
        write("ERROR", event, all);
    }

    /** A CloudWatch embedded-metric-format line: counted as a metric without any API call. */
    public static void count(String metric, String formId) {
        if (!infoShown) {
            return;
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("_aws", Map.of("Timestamp", Instant.now().toEpochMilli(), "CloudWatchMetrics", List.of(Map.of(
                "Namespace", "OpccFunding", "Dimensions", List.of(List.of("formId")),
                "Metrics", List.of(Map.of("Name", metric, "Unit", "Count"))))));
        line.put("formId", formId);
        line.put(metric, 1);
        print(line);
    }

    private static void write(String level, String event, Map<String, ?> fields) {
        if (!infoShown && !"ERROR".equals(level)) {
            return;
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("level", level);
        line.put("event", event);
        line.putAll(fields);
        print(line);
    }

    private static void print(Map<String, Object> line) {
        try {
            System.out.println(Json.write(line));
        } catch (IllegalArgumentException e) {
            System.out.println("{\"level\":\"ERROR\",\"event\":\"log-failed\"}");
        }
    }
}
