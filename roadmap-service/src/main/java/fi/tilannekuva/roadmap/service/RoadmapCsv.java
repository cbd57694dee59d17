package fi.tilannekuva.roadmap.service;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import fi.tilannekuva.roadmap.Name;
import fi.tilannekuva.roadmap.RoadmapDocument;
import fi.tilannekuva.roadmap.RoadmapIds;
import fi.tilannekuva.roadmap.Schedule;
import fi.tilannekuva.roadmap.api.RoadmapTree.EntityNode;
import fi.tilannekuva.roadmap.api.RoadmapTree.GroupNode;
import fi.tilannekuva.roadmap.api.RoadmapTree.SubtaskNode;
import fi.tilannekuva.roadmap.api.RoadmapTree.TaskNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The roadmap as CSV, one row per subtask (RFC 4180, comma-separated, UTF-8, header row). Group, entity and
 * task names are repeated on each row of their subtasks; a row with an empty {@code subtask} declares a task
 * without subtasks, a row with empty {@code task} and {@code subtask} an entity without tasks. Unit lists are
 * {@code ;}-separated inside one cell, empty meaning every unit. Pure logic.
 */
public final class RoadmapCsv {

    /** The columns in the order written; {@code id}, the sv/en names and the unit lists are optional on import. */
    public static final List<String> COLUMNS = List.of(
            "id",
            "group",
            "group_name_fi",
            "group_name_sv",
            "group_name_en",
            "entity",
            "entity_name_fi",
            "entity_name_sv",
            "entity_name_en",
            "entity_applies_to",
            "task",
            "task_name_fi",
            "task_name_sv",
            "task_name_en",
            "subtask",
            "name_fi",
            "name_sv",
            "name_en",
            "critical",
            "from",
            "to",
            "applies_to");

    private static final List<String> REQUIRED = List.of(
            "group",
            "group_name_fi",
            "entity",
            "entity_name_fi",
            "task",
            "task_name_fi",
            "subtask",
            "name_fi",
            "critical",
            "from",
            "to");

    // Strict quoting: only cells that need it are quoted, so spreadsheets and diffs stay readable.
    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .build();

    private RoadmapCsv() {}

    /**
     * A version's tree as CSV.
     *
     * @param groups the tree
     * @return the CSV text with a header row
     */
    public static String write(List<GroupNode> groups) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(COLUMNS);
        for (GroupNode g : groups) {
            for (EntityNode e : g.entities()) {
                List<String> entityCells = concat(
                        List.of(g.code()),
                        names(g.name()),
                        List.of(e.code()),
                        names(e.name()),
                        List.of(units(e.appliesTo())));
                if (e.tasks().isEmpty()) {
                    rows.add(row(e.id(), entityCells, List.of("", "", "", ""), List.of()));
                }
                for (TaskNode t : e.tasks()) {
                    List<String> taskCells = concat(List.of(Integer.toString(t.number())), names(t.name()));
                    if (t.subtasks().isEmpty()) {
                        rows.add(row(t.id(), entityCells, taskCells, List.of()));
                    }
                    for (SubtaskNode s : t.subtasks()) {
                        rows.add(row(
                                s.id(),
                                entityCells,
                                taskCells,
                                concat(
                                        List.of(s.number()),
                                        names(s.name()),
                                        List.of(
                                                Boolean.toString(s.critical()),
                                                s.schedule().from().toString(),
                                                s.schedule().to().toString(),
                                                units(s.appliesTo())))));
                    }
                }
            }
        }
        try {
            return MAPPER.writeValueAsString(rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads CSV into a document. Cells that cannot be read (a task that is not a number, a bad date, a
     * {@code critical} other than true/false, a wrong {@code id}, a name contradicting an earlier row) become
     * problems on their line; the document holds everything readable, for {@link RoadmapValidator}.
     *
     * @param label the label of the document (CSV has no place for it)
     * @param csv the text
     * @return the document, the problems found while reading, and where each part came from
     */
    public static Parsed read(String label, String csv) {
        Reader reader = new Reader();
        reader.read(csv == null ? "" : csv);
        RoadmapDocument document = reader.groups.isEmpty() ? null : reader.document(label);
        return new Parsed(document, reader.problems, reader.lines);
    }

    /** What {@link #read} found. */
    public record Parsed(RoadmapDocument document, List<Violation> problems, Map<String, Integer> lines) {

        /**
         * A validator's problem placed on the CSV line of the part it points at (the nearest enclosing part).
         *
         * @param violation a problem with a JSON pointer into {@link #document()}
         * @return the same problem with a line number instead (no line for the label or the whole file)
         */
        public Violation onLine(Violation violation) {
            String pointer = violation.pointer();
            while (pointer != null && !pointer.isEmpty()) {
                Integer line = lines.get(pointer);
                if (line != null) {
                    return violation.withLine(line);
                }
                pointer = pointer.substring(0, pointer.lastIndexOf('/'));
            }
            return violation.withLine(null);
        }
    }

    private static List<String> row(String id, List<String> entity, List<String> task, List<String> subtask) {
        List<String> cells = concat(List.of(id), entity, task);
        if (subtask.isEmpty()) {
            cells.addAll(List.of("", "", "", "", "", "", "", ""));
        } else {
            cells.addAll(subtask);
        }
        return cells;
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        List<String> all = new ArrayList<>();
        Arrays.stream(parts).forEach(all::addAll);
        return all;
    }

    private static List<String> names(Name name) {
        return List.of(name.fi(), Objects.toString(name.sv(), ""), Objects.toString(name.en(), ""));
    }

    private static String units(List<String> codes) {
        return codes == null ? "" : String.join(";", codes);
    }

    /** Builds the document row by row, keeping parts in their first-seen order. */
    private static final class Reader {

        final List<Violation> problems = new ArrayList<>();
        final Map<String, Integer> lines = new HashMap<>();
        final Map<String, GroupRows> groups = new LinkedHashMap<>();
        Map<String, Integer> header;

        void read(String csv) {
            String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
            try (MappingIterator<String[]> rows = MAPPER.readerFor(String[].class)
                    .with(CsvParser.Feature.WRAP_AS_ARRAY)
                    .with(CsvParser.Feature.SKIP_EMPTY_LINES)
                    .readValues(text)) {
                while (rows.hasNextValue()) {
                    // After hasNextValue() the parser stands at the row's first character: its line, even after a
                    // quoted cell spanning lines.
                    int line = rows.getParser().currentLocation().getLineNr();
                    String[] cells = rows.nextValue();
                    if (header == null) {
                        readHeader(cells, line);
                        if (header == null) {
                            return;
                        }
                    } else {
                        readRow(new Row(cells, line));
                    }
                }
            } catch (IOException | RuntimeException e) {
                problems.add(Violation.onLine(0, "csv", "unreadable CSV: " + e.getMessage()));
            }
        }

        void readHeader(String[] cells, int line) {
            Map<String, Integer> columns = new HashMap<>();
            for (int i = 0; i < cells.length; i++) {
                columns.putIfAbsent(cells[i].strip().toLowerCase(Locale.ROOT), i);
            }
            List<String> missing =
                    REQUIRED.stream().filter(c -> !columns.containsKey(c)).toList();
            if (missing.isEmpty()) {
                header = columns;
            } else {
                problems.add(Violation.onLine(
                        line, "header", "missing column(s) " + missing + "; expected the header " + COLUMNS));
            }
        }

        void readRow(Row row) {
            int problemsBefore = problems.size();
            String groupCode = row.cell("group");
            String entityCode = row.cell("entity");
            if (groupCode.isEmpty() || entityCode.isEmpty()) {
                row.problem(groupCode.isEmpty() ? "group" : "entity", "group and entity are required on every row");
                return;
            }
            GroupRows group = groups.computeIfAbsent(groupCode, c -> new GroupRows(row.line));
            group.name = row.sameName(group.name, "group " + groupCode, "group_name");
            EntityRows entity = group.entities.computeIfAbsent(entityCode, c -> new EntityRows(row.line, row));
            entity.name = row.sameName(entity.name, "entity " + entityCode, "entity_name");
            List<String> scope = row.units("entity_applies_to");
            if (scope != null && !scope.equals(entity.appliesTo)) {
                row.problem("entity_applies_to", "differs from the first row of entity " + entityCode);
            }
            String taskCell = row.cell("task");
            String subtaskCell = row.cell("subtask");
            if (taskCell.isEmpty()) {
                if (!subtaskCell.isEmpty()) {
                    row.problem("task", "a row with a subtask needs its task number");
                }
                row.checkId(RoadmapIds.entity(groupCode, entityCode));
                return;
            }
            Integer taskNumber = row.integer("task", taskCell);
            if (taskNumber == null) {
                return;
            }
            TaskRows task = entity.tasks.computeIfAbsent(taskNumber, n -> new TaskRows(row.line));
            task.name = row.sameName(task.name, "task " + taskNumber, "task_name");
            String entityId = RoadmapIds.entity(groupCode, entityCode);
            if (subtaskCell.isEmpty()) {
                row.checkId(RoadmapIds.task(entityId, taskNumber));
                return;
            }
            row.checkId(RoadmapIds.subtask(entityId, subtaskCell));
            LocalDate from = row.date("from");
            LocalDate to = row.date("to");
            RoadmapDocument.Subtask subtask = new RoadmapDocument.Subtask(
                    subtaskCell,
                    row.name(""),
                    row.bool("critical"),
                    from == null && to == null ? null : new Schedule(from, to),
                    row.units("applies_to"));
            // A row with unreadable cells is named already; leaving it out keeps the validator from
            // reporting the same cell again in other words.
            if (problems.size() == problemsBefore) {
                task.subtasks.add(new SubtaskRow(row.line, subtask));
            }
        }

        RoadmapDocument document(String label) {
            List<RoadmapDocument.Group> result = new ArrayList<>();
            int g = 0;
            for (var group : groups.entrySet()) {
                String gp = "/groups/" + g++;
                lines.put(gp, group.getValue().line);
                List<RoadmapDocument.Entity> entities = new ArrayList<>();
                int e = 0;
                for (var entity : group.getValue().entities.entrySet()) {
                    String ep = gp + "/entities/" + e++;
                    lines.put(ep, entity.getValue().line);
                    List<RoadmapDocument.Task> tasks = new ArrayList<>();
                    int t = 0;
                    for (var task : entity.getValue().tasks.entrySet()) {
                        String tp = ep + "/tasks/" + t++;
                        lines.put(tp, task.getValue().line);
                        List<RoadmapDocument.Subtask> subtasks = new ArrayList<>();
                        for (SubtaskRow subtask : task.getValue().subtasks) {
                            lines.put(tp + "/subtasks/" + subtasks.size(), subtask.line());
                            subtasks.add(subtask.subtask());
                        }
                        tasks.add(new RoadmapDocument.Task(task.getKey(), task.getValue().name, subtasks));
                    }
                    entities.add(new RoadmapDocument.Entity(
                            entity.getKey(), entity.getValue().name, entity.getValue().appliesTo, tasks));
                }
                result.add(new RoadmapDocument.Group(group.getKey(), group.getValue().name, entities));
            }
            return new RoadmapDocument(label, result);
        }

        /** One data row with its line number. */
        private final class Row {
            final String[] cells;
            final int line;

            Row(String[] cells, int line) {
                this.cells = cells;
                this.line = line;
            }

            String cell(String column) {
                Integer index = header.get(column);
                return index == null || index >= cells.length ? "" : cells[index].strip();
            }

            void problem(String column, String message) {
                problems.add(Violation.onLine(line, column, message));
            }

            Name name(String prefix) {
                return new Name(cell(prefix + "name_fi"), cell(prefix + "name_sv"), cell(prefix + "name_en"))
                        .normalized();
            }

            /** The first row naming a part decides its name; a later row may leave it empty or repeat it. */
            Name sameName(Name known, String what, String column) {
                Name name = name(column.substring(0, column.length() - "name".length()));
                if (known == null) {
                    return name;
                }
                boolean given = name.fi() != null || name.sv() != null || name.en() != null;
                if (given && !name.equals(known)) {
                    problem(column + "_fi", what + " is named differently than on an earlier row");
                }
                return known;
            }

            List<String> units(String column) {
                String value = cell(column);
                return value.isEmpty()
                        ? null
                        : Arrays.stream(value.split(";")).map(String::strip).toList();
            }

            Integer integer(String column, String value) {
                try {
                    return Integer.valueOf(value);
                } catch (NumberFormatException e) {
                    problem(column, column + " must be a positive integer, was '" + value + "'");
                    return null;
                }
            }

            Boolean bool(String column) {
                String value = cell(column).toLowerCase(Locale.ROOT);
                if (value.isEmpty()) {
                    return null;
                }
                if (value.equals("true") || value.equals("false")) {
                    return Boolean.valueOf(value);
                }
                problem(column, column + " must be true or false, was '" + cell(column) + "'");
                return null;
            }

            LocalDate date(String column) {
                String value = cell(column);
                if (value.isEmpty()) {
                    return null;
                }
                try {
                    return LocalDate.parse(value);
                } catch (DateTimeParseException e) {
                    problem(column, column + " must be a date YYYY-MM-DD, was '" + value + "'");
                    return null;
                }
            }

            void checkId(String expected) {
                String id = cell("id");
                if (!id.isEmpty() && !id.equals(expected)) {
                    problem(
                            "id",
                            "id '" + id + "' does not match the row's group, entity, task and subtask (" + expected
                                    + ")");
                }
            }
        }

        private static final class GroupRows {
            final int line;
            final Map<String, EntityRows> entities = new LinkedHashMap<>();
            Name name;

            GroupRows(int line) {
                this.line = line;
            }
        }

        private static final class EntityRows {
            final int line;
            final List<String> appliesTo;
            final Map<Integer, TaskRows> tasks = new LinkedHashMap<>();
            Name name;

            EntityRows(int line, Row first) {
                this.line = line;
                this.appliesTo = first.units("entity_applies_to");
            }
        }

        private static final class TaskRows {
            final int line;
            final List<SubtaskRow> subtasks = new ArrayList<>();
            Name name;

            TaskRows(int line) {
                this.line = line;
            }
        }

        private record SubtaskRow(int line, RoadmapDocument.Subtask subtask) {}
    }
}
