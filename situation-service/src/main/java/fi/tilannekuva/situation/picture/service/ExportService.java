package fi.tilannekuva.situation.picture.service;

import fi.tilannekuva.kit.reform.Group;
import fi.tilannekuva.situation.picture.api.ProgressCell;
import fi.tilannekuva.situation.picture.api.ProgressView;
import fi.tilannekuva.situation.picture.api.ReadinessCell;
import fi.tilannekuva.situation.picture.api.ReadinessView;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The progress and readiness tables as CSV (RFC 4180, comma, CRLF) or XLSX, from the same views as the JSON: one row
 * per unit and a last row {@code national}; an empty cell where the JSON has null.
 */
@ApplicationScoped
public class ExportService {

    /** The progress table: header, units, national. */
    public List<List<Object>> progressTable(ProgressView view) {
        List<List<Object>> table = new ArrayList<>();
        List<Object> header = new ArrayList<>(List.of("region", "name", "reported"));
        for (Group group : view.groups()) {
            header.addAll(List.of(group + "_tracked", group + "_started", group + "_percent", group + "_band"));
        }
        table.add(header);
        view.rows().forEach(row -> table.add(progressRow(row.region(), row.name(), row.reported(), row.cells(), view)));
        table.add(progressRow(
                "national",
                NATIONAL,
                view.national().reported(),
                view.national().cells(),
                view));
        return table;
    }

    /** The readiness table: header, units, national. */
    public List<List<Object>> readinessTable(ReadinessView view) {
        List<List<Object>> table = new ArrayList<>();
        List<Object> header = new ArrayList<>(List.of("region", "name", "reported"));
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
        table.add(header);
        view.rows()
                .forEach(row -> table.add(readinessRow(row.region(), row.name(), row.reported(), row.cells(), view)));
        table.add(readinessRow(
                "national",
                NATIONAL,
                view.national().reported(),
                view.national().cells(),
                view));
        return table;
    }

    /**
     * A table as CSV.
     *
     * @return the CSV text, one line per row
     */
    public String csv(List<List<Object>> table) {
        StringBuilder csv = new StringBuilder();
        for (List<Object> row : table) {
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    csv.append(',');
                }
                String value = row.get(i) == null ? "" : row.get(i).toString();
                if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
                    csv.append('"').append(value.replace("\"", "\"\"")).append('"');
                } else {
                    csv.append(value);
                }
            }
            csv.append("\r\n");
        }
        return csv.toString();
    }

    /**
     * A table as an XLSX workbook with one sheet; counts and percentages are numbers, the rest text.
     *
     * @return the workbook's bytes
     */
    public byte[] xlsx(List<List<Object>> table, String sheet) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "Tilannekuva", "1.0");
            Worksheet worksheet = workbook.newWorksheet(sheet);
            for (int r = 0; r < table.size(); r++) {
                List<Object> row = table.get(r);
                for (int c = 0; c < row.size(); c++) {
                    Object value = row.get(c);
                    if (value instanceof Number number) {
                        worksheet.value(r, c, number);
                    } else if (value instanceof Boolean bool) {
                        worksheet.value(r, c, bool);
                    } else if (value != null) {
                        worksheet.value(r, c, value.toString());
                    }
                }
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static final Map<String, String> NATIONAL = Map.of("fi", "Koko maa");

    private static List<Object> progressRow(
            String region,
            Map<String, String> name,
            boolean reported,
            Map<Group, ProgressCell> cells,
            ProgressView view) {
        List<Object> values = new ArrayList<>(Arrays.asList(region, name.getOrDefault("fi", region), reported));
        for (Group group : view.groups()) {
            ProgressCell cell = cells.get(group);
            values.addAll(Arrays.asList(cell.tracked(), cell.started(), cell.percent(), cell.band()));
        }
        return values;
    }

    private static List<Object> readinessRow(
            String region,
            Map<String, String> name,
            boolean reported,
            Map<Group, ReadinessCell> cells,
            ReadinessView view) {
        List<Object> values = new ArrayList<>(Arrays.asList(region, name.getOrDefault("fi", region), reported));
        for (Group group : view.groups()) {
            ReadinessCell cell = cells.get(group);
            values.addAll(Arrays.asList(
                    cell.tracked(),
                    cell.done(),
                    cell.inProgress(),
                    cell.donePercent(),
                    cell.inProgressPercent(),
                    cell.doneBand(),
                    cell.inProgressBand()));
        }
        return values;
    }
}
