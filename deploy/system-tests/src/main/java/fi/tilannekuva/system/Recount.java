package fi.tilannekuva.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.tilannekuva.kit.reform.Group;
import fi.tilannekuva.kit.reform.Units;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The situation picture recounted by brute force from a roadmap and the current statuses, exactly as CONTRACT.md
 * defines it, and the same fields picked from a service's answer, so the two compare as JSON.
 */
public final class Recount {

    private static final Set<String> STARTED = Set.of("IN_PROGRESS", "ON_SCHEDULE", "DELAYED", "DONE");
    private static final Set<String> IN_PROGRESS = Set.of("IN_PROGRESS", "ON_SCHEDULE", "DELAYED");

    private Recount() {}

    /**
     * The progress view recounted.
     *
     * @param version the roadmap version the picture must show
     * @param roadmap that version's subtasks
     * @param statuses unit → subtask → current status (every unit that has any current record is "reported")
     * @param from window start
     * @param to window end
     * @return {@code {roadmapVersion, rows: {unit: {reported, cells: {group: {tracked, started, percent, band}}}},
     *     national: {reported, cells}}}
     */
    public static ObjectNode progress(
            int version, Roadmap roadmap, Map<String, Map<String, String>> statuses, LocalDate from, LocalDate to) {
        ObjectNode picture = Json.object().put("roadmapVersion", version);
        ObjectNode rows = picture.putObject("rows");
        long[][] national = new long[Group.codes().size()][2];
        boolean anyReported = false;
        for (String unit : Units.ALL) {
            Map<String, String> ofUnit = statuses.getOrDefault(unit, Map.of());
            boolean reported = !ofUnit.isEmpty();
            anyReported |= reported;
            ObjectNode row = rows.putObject(unit).put("reported", reported);
            ObjectNode cells = row.putObject("cells");
            for (int g = 0; g < Group.codes().size(); g++) {
                String group = Group.codes().get(g);
                int tracked = 0;
                int started = 0;
                for (Roadmap.Subtask s : roadmap.subtasks()) {
                    if (s.group().equals(group) && s.trackedIn(unit, from, to)) {
                        tracked++;
                        if (ofUnit.containsKey(s.id()) && STARTED.contains(ofUnit.get(s.id()))) {
                            started++;
                        }
                    }
                }
                progressCell(cells.putObject(group), tracked, reported ? started : null);
                if (reported) {
                    national[g][0] += tracked;
                    national[g][1] += started;
                }
            }
        }
        ObjectNode nationalNode = picture.putObject("national").put("reported", anyReported);
        ObjectNode cells = nationalNode.putObject("cells");
        for (int g = 0; g < Group.codes().size(); g++) {
            progressCell(
                    cells.putObject(Group.codes().get(g)),
                    (int) national[g][0],
                    anyReported ? (int) national[g][1] : null);
        }
        return picture;
    }

    /** The readiness view recounted: tracked = critical, applicable, schedule beginning before the deadline. */
    public static ObjectNode readiness(
            int version, Roadmap roadmap, Map<String, Map<String, String>> statuses, LocalDate deadline) {
        ObjectNode picture = Json.object().put("roadmapVersion", version);
        ObjectNode rows = picture.putObject("rows");
        long[][] national = new long[Group.codes().size()][3];
        boolean anyReported = false;
        for (String unit : Units.ALL) {
            Map<String, String> ofUnit = statuses.getOrDefault(unit, Map.of());
            boolean reported = !ofUnit.isEmpty();
            anyReported |= reported;
            ObjectNode cells = rows.putObject(unit).put("reported", reported).putObject("cells");
            for (int g = 0; g < Group.codes().size(); g++) {
                String group = Group.codes().get(g);
                int tracked = 0;
                int done = 0;
                int inProgress = 0;
                for (Roadmap.Subtask s : roadmap.subtasks()) {
                    if (s.group().equals(group) && s.trackedBefore(unit, deadline)) {
                        tracked++;
                        String status = ofUnit.get(s.id());
                        done += "DONE".equals(status) ? 1 : 0;
                        inProgress += status != null && IN_PROGRESS.contains(status) ? 1 : 0;
                    }
                }
                readinessCell(cells.putObject(group), tracked, reported, done, inProgress);
                if (reported) {
                    national[g][0] += tracked;
                    national[g][1] += done;
                    national[g][2] += inProgress;
                }
            }
        }
        ObjectNode cells =
                picture.putObject("national").put("reported", anyReported).putObject("cells");
        for (int g = 0; g < Group.codes().size(); g++) {
            readinessCell(
                    cells.putObject(Group.codes().get(g)),
                    (int) national[g][0],
                    anyReported,
                    (int) national[g][1],
                    (int) national[g][2]);
        }
        return picture;
    }

    /** The same fields as {@link #progress} or {@link #readiness} picked from a service's answer. */
    public static ObjectNode picked(JsonNode answer, List<String> cellFields) {
        ObjectNode picture = Json.object();
        picture.set("roadmapVersion", answer.path("roadmapVersion"));
        ObjectNode rows = picture.putObject("rows");
        for (JsonNode row : answer.path("rows")) {
            ObjectNode picked = rows.putObject(row.path("region").asText());
            picked.set("reported", row.path("reported"));
            pickCells(row.path("cells"), picked.putObject("cells"), cellFields);
        }
        ObjectNode national = picture.putObject("national");
        national.set("reported", answer.path("national").path("reported"));
        pickCells(answer.path("national").path("cells"), national.putObject("cells"), cellFields);
        return picture;
    }

    /** The cell fields of the progress view. */
    public static final List<String> PROGRESS_FIELDS = List.of("tracked", "started", "percent", "band");

    /** The cell fields of the readiness view. */
    public static final List<String> READINESS_FIELDS =
            List.of("tracked", "done", "inProgress", "donePercent", "inProgressPercent", "doneBand", "inProgressBand");

    /** Every path where two JSON trees differ, for a failure message that says what is wrong. */
    public static List<String> differences(JsonNode expected, JsonNode actual) {
        List<String> out = new ArrayList<>();
        diff("", expected, actual, out);
        return out;
    }

    /** round-half-up(100 × n / total). */
    public static int percent(int n, int total) {
        return (200 * n + total) / (2 * total);
    }

    /** The band of a percentage (CONTRACT.md). */
    public static String band(int percent) {
        if (percent < 25) {
            return "UNDER_25";
        }
        if (percent < 50) {
            return "FROM_25_TO_49";
        }
        return percent <= 75 ? "FROM_50_TO_75" : "OVER_75";
    }

    private static void progressCell(ObjectNode cell, int tracked, Integer started) {
        cell.put("tracked", tracked);
        if (started == null) {
            cell.putNull("started");
        } else {
            cell.put("started", started);
        }
        if (started == null || tracked == 0) {
            cell.putNull("percent").putNull("band");
        } else {
            int percent = percent(started, tracked);
            cell.put("percent", percent).put("band", band(percent));
        }
    }

    private static void readinessCell(ObjectNode cell, int tracked, boolean reported, int done, int inProgress) {
        cell.put("tracked", tracked);
        if (!reported) {
            cell.putNull("done").putNull("inProgress");
        } else {
            cell.put("done", done).put("inProgress", inProgress);
        }
        if (!reported || tracked == 0) {
            cell.putNull("donePercent")
                    .putNull("inProgressPercent")
                    .putNull("doneBand")
                    .putNull("inProgressBand");
        } else {
            int donePercent = percent(done, tracked);
            int inProgressPercent = percent(inProgress, tracked);
            cell.put("donePercent", donePercent)
                    .put("inProgressPercent", inProgressPercent)
                    .put("doneBand", band(donePercent))
                    .put("inProgressBand", band(inProgressPercent));
        }
    }

    private static void pickCells(JsonNode cells, ObjectNode into, List<String> fields) {
        for (String group : Group.codes()) {
            JsonNode cell = cells.path(group);
            ObjectNode picked = into.putObject(group);
            for (String field : fields) {
                JsonNode value = cell.path(field);
                picked.set(field, value.isMissingNode() ? Json.MAPPER.nullNode() : value);
            }
        }
    }

    private static void diff(String path, JsonNode expected, JsonNode actual, List<String> out) {
        if (expected.isObject() && actual.isObject()) {
            for (Iterator<String> names = expected.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                diff(path + "/" + name, expected.get(name), actual.path(name), out);
            }
            for (Iterator<String> names = actual.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!expected.has(name)) {
                    out.add(path + "/" + name + ": not expected, got " + actual.get(name));
                }
            }
        } else if (!expected.equals(actual)) {
            out.add(path + ": expected " + expected + ", got " + (actual.isMissingNode() ? "(missing)" : actual));
        }
    }
}
