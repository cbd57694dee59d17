package fi.tilannekuva.situation.service;

import fi.tilannekuva.situation.Group;
import fi.tilannekuva.situation.api.ProgressCell;
import fi.tilannekuva.situation.api.ProgressRow;
import fi.tilannekuva.situation.api.ProgressView;
import fi.tilannekuva.situation.api.ReadinessCell;
import fi.tilannekuva.situation.api.ReadinessRow;
import fi.tilannekuva.situation.api.ReadinessView;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The progress and readiness tables as CSV (RFC 4180, comma, CRLF), from the same views as the JSON. */
@ApplicationScoped
public class ExportService {

    /**
     * Progress as CSV: one row per unit and a last row {@code national}; empty cells where the JSON has null.
     *
     * @return the CSV text with a header row
     */
    public String progressCsv(ProgressView view) {
        List<String> header = new ArrayList<>(List.of("region", "name", "reported"));
        for (Group group : view.groups()) {
            header.addAll(List.of(group + "_tracked", group + "_started", group + "_percent", group + "_band"));
        }
        StringBuilder csv = new StringBuilder();
        line(csv, header);
        for (ProgressRow row : view.rows()) {
            line(csv, progressCells(row.region(), row.name(), row.reported(), row.cells(), view));
        }
        line(
                csv,
                progressCells(
                        "national",
                        Map.of("fi", "Koko maa"),
                        view.national().reported(),
                        view.national().cells(),
                        view));
        return csv.toString();
    }

    /**
     * Readiness as CSV: one row per unit and a last row {@code national}; empty cells where the JSON has null.
     *
     * @return the CSV text with a header row
     */
    public String readinessCsv(ReadinessView view) {
        List<String> header = new ArrayList<>(List.of("region", "name", "reported"));
        for (Group group : view.groups()) {
            header.addAll(List.of(
                    group + "_tracked",
                    group + "_done",
                    group + "_inProgress",
                    group + "_donePercent",
                    group + "_inProgressPercent",
                    group + "_doneBand",
                    group + "_inProgressBand"));
        }
        StringBuilder csv = new StringBuilder();
        line(csv, header);
        for (ReadinessRow row : view.rows()) {
            line(csv, readinessCells(row.region(), row.name(), row.reported(), row.cells(), view));
        }
        line(
                csv,
                readinessCells(
                        "national",
                        Map.of("fi", "Koko maa"),
                        view.national().reported(),
                        view.national().cells(),
                        view));
        return csv.toString();
    }

    private static List<String> progressCells(
            String region,
            Map<String, String> name,
            boolean reported,
            Map<Group, ProgressCell> cells,
            ProgressView view) {
        List<String> values =
                new ArrayList<>(List.of(region, name.getOrDefault("fi", region), String.valueOf(reported)));
        for (Group group : view.groups()) {
            ProgressCell cell = cells.get(group);
            values.addAll(List.of(text(cell.tracked()), text(cell.started()), text(cell.percent()), text(cell.band())));
        }
        return values;
    }

    private static List<String> readinessCells(
            String region,
            Map<String, String> name,
            boolean reported,
            Map<Group, ReadinessCell> cells,
            ReadinessView view) {
        List<String> values =
                new ArrayList<>(List.of(region, name.getOrDefault("fi", region), String.valueOf(reported)));
        for (Group group : view.groups()) {
            ReadinessCell cell = cells.get(group);
            values.addAll(List.of(
                    text(cell.tracked()),
                    text(cell.done()),
                    text(cell.inProgress()),
                    text(cell.donePercent()),
                    text(cell.inProgressPercent()),
                    text(cell.doneBand()),
                    text(cell.inProgressBand())));
        }
        return values;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static void line(StringBuilder csv, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            String value = values.get(i);
            if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
                csv.append('"').append(value.replace("\"", "\"\"")).append('"');
            } else {
                csv.append(value);
            }
        }
        csv.append("\r\n");
    }
}
