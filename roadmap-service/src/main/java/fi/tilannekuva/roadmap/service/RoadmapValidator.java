package fi.tilannekuva.roadmap.service;

import fi.tilannekuva.kit.reform.Group;
import fi.tilannekuva.roadmap.Name;
import fi.tilannekuva.roadmap.RoadmapDocument;
import fi.tilannekuva.roadmap.RoadmapIds;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a whole roadmap document and names every problem, so a publisher fixes them all in one round.
 * Pure logic: the known unit codes are given, nothing is read or stored here.
 */
public final class RoadmapValidator {

    private static final Pattern ENTITY_CODE = Pattern.compile("[A-Z]");
    private static final Pattern SUBTASK_NUMBER = Pattern.compile("([1-9][0-9]*)\\.([1-9][0-9]*)");

    /** The longest label: it is shown in lists and travels in every event. */
    public static final int MAX_LABEL = 200;

    /** The longest name in any language: generous for official titles, yet bounded for the event's size. */
    public static final int MAX_NAME = 1000;

    private final Set<String> regionCodes;

    /**
     * A validator for documents whose {@code appliesTo} lists may name these unit codes.
     *
     * @param regionCodes the codes of the reporting units
     */
    public RoadmapValidator(Set<String> regionCodes) {
        this.regionCodes = Set.copyOf(regionCodes);
    }

    /**
     * Every problem of the document: missing or blank values, malformed codes and numbers, duplicate ids,
     * unknown unit codes, schedules ending before they start, empty groups, no subtasks at all.
     *
     * @param document the document, possibly null (an empty request body)
     * @return the problems in document order; empty when the document may be published
     */
    public List<Violation> validate(RoadmapDocument document) {
        List<Violation> problems = new ArrayList<>();
        if (document == null) {
            problems.add(Violation.at("", "document", "the document is empty"));
            return problems;
        }
        if (document.label() == null || document.label().isBlank()) {
            problems.add(Violation.at("/label", "label", "label is required"));
        } else {
            checkText(document.label(), MAX_LABEL, "/label", "label", problems);
        }
        if (document.groups() == null || document.groups().isEmpty()) {
            problems.add(Violation.at("/groups", "groups", "the document has no groups"));
            return problems;
        }
        Map<String, String> seen = new HashMap<>();
        int subtasks = 0;
        for (int g = 0; g < document.groups().size(); g++) {
            subtasks += checkGroup(document.groups().get(g), "/groups/" + g, seen, problems);
        }
        if (subtasks == 0 && problems.isEmpty()) {
            problems.add(Violation.at("/groups", "groups", "the document has no subtasks"));
        }
        return problems;
    }

    private int checkGroup(RoadmapDocument.Group group, String at, Map<String, String> seen, List<Violation> problems) {
        if (group == null) {
            problems.add(Violation.at(at, "group", "group is null"));
            return 0;
        }
        boolean codeOk = checkGroupCode(group.code(), at, seen, problems);
        checkName(group.name(), at, problems);
        if (group.entities() == null || group.entities().isEmpty()) {
            problems.add(Violation.at(at + "/entities", "entities", "group " + group.code() + " has no entities"));
            return 0;
        }
        int subtasks = 0;
        for (int e = 0; e < group.entities().size(); e++) {
            subtasks += checkEntity(
                    codeOk ? group.code() : null, group.entities().get(e), at + "/entities/" + e, seen, problems);
        }
        return subtasks;
    }

    private boolean checkGroupCode(String code, String at, Map<String, String> seen, List<Violation> problems) {
        if (code == null || code.isBlank()) {
            problems.add(Violation.at(at + "/code", "code", "group code is required"));
            return false;
        }
        if (Group.parse(code).isEmpty()) {
            problems.add(Violation.at(
                    at + "/code", "code", "unknown group code '" + code + "' (expected HTT, JO, PJ, YP or ICT)"));
            return false;
        }
        return unique("group " + code, at, seen, problems);
    }

    private int checkEntity(
            String group,
            RoadmapDocument.Entity entity,
            String at,
            Map<String, String> seen,
            List<Violation> problems) {
        if (entity == null) {
            problems.add(Violation.at(at, "entity", "entity is null"));
            return 0;
        }
        String entityId = null;
        if (entity.code() == null || !ENTITY_CODE.matcher(entity.code()).matches()) {
            problems.add(Violation.at(
                    at + "/code", "code", "entity code must be one capital letter A-Z, was " + quoted(entity.code())));
        } else if (group != null) {
            entityId = RoadmapIds.entity(group, entity.code());
            if (!unique("entity " + entityId, at, seen, problems)) {
                entityId = null;
            }
        }
        checkName(entity.name(), at, problems);
        checkAppliesTo(entity.appliesTo(), null, at, problems);
        int subtasks = 0;
        if (entity.tasks() != null) {
            for (int t = 0; t < entity.tasks().size(); t++) {
                subtasks += checkTask(entityId, entity, entity.tasks().get(t), at + "/tasks/" + t, seen, problems);
            }
        }
        return subtasks;
    }

    private int checkTask(
            String entityId,
            RoadmapDocument.Entity entity,
            RoadmapDocument.Task task,
            String at,
            Map<String, String> seen,
            List<Violation> problems) {
        if (task == null) {
            problems.add(Violation.at(at, "task", "task is null"));
            return 0;
        }
        Integer number = task.number();
        if (number == null || number < 1) {
            problems.add(
                    Violation.at(at + "/number", "number", "task number must be a positive integer, was " + number));
            number = null;
        } else if (entityId != null && !unique("task " + RoadmapIds.task(entityId, number), at, seen, problems)) {
            entityId = null;
        }
        checkName(task.name(), at, problems);
        if (task.subtasks() == null) {
            return 0;
        }
        for (int s = 0; s < task.subtasks().size(); s++) {
            checkSubtask(
                    number == null ? null : entityId,
                    number,
                    entity,
                    task.subtasks().get(s),
                    at + "/subtasks/" + s,
                    seen,
                    problems);
        }
        return task.subtasks().size();
    }

    private void checkSubtask(
            String entityId,
            Integer taskNumber,
            RoadmapDocument.Entity entity,
            RoadmapDocument.Subtask subtask,
            String at,
            Map<String, String> seen,
            List<Violation> problems) {
        if (subtask == null) {
            problems.add(Violation.at(at, "subtask", "subtask is null"));
            return;
        }
        Matcher number = subtask.number() == null ? null : SUBTASK_NUMBER.matcher(subtask.number());
        if (number == null || !number.matches()) {
            problems.add(Violation.at(
                    at + "/number",
                    "number",
                    "subtask number must be '<task number>.<n>' with positive integers, was "
                            + quoted(subtask.number())));
        } else if (taskNumber != null && !number.group(1).equals(taskNumber.toString())) {
            problems.add(Violation.at(
                    at + "/number",
                    "number",
                    "subtask number " + subtask.number() + " does not belong to task " + taskNumber));
        } else if (entityId != null) {
            unique("subtask " + RoadmapIds.subtask(entityId, subtask.number()), at, seen, problems);
        }
        checkName(subtask.name(), at, problems);
        if (subtask.critical() == null) {
            problems.add(Violation.at(at + "/critical", "critical", "critical (true or false) is required"));
        }
        if (subtask.schedule() == null) {
            problems.add(Violation.at(at + "/schedule", "schedule", "schedule {from, to} is required"));
        } else {
            if (subtask.schedule().from() == null) {
                problems.add(Violation.at(at + "/schedule/from", "schedule.from", "schedule.from is required"));
            }
            if (subtask.schedule().to() == null) {
                problems.add(Violation.at(at + "/schedule/to", "schedule.to", "schedule.to is required"));
            }
            if (subtask.schedule().from() != null
                    && subtask.schedule().to() != null
                    && subtask.schedule().from().isAfter(subtask.schedule().to())) {
                problems.add(Violation.at(
                        at + "/schedule",
                        "schedule",
                        "schedule.from " + subtask.schedule().from() + " is after schedule.to "
                                + subtask.schedule().to()));
            }
        }
        checkAppliesTo(subtask.appliesTo(), entity.appliesTo(), at, problems);
    }

    private void checkName(Name name, String at, List<Violation> problems) {
        if (name == null || name.fi() == null || name.fi().isBlank()) {
            problems.add(Violation.at(at + "/name/fi", "name.fi", "a Finnish name (name.fi) is required"));
        }
        if (name != null) {
            checkText(name.fi(), MAX_NAME, at + "/name/fi", "name.fi", problems);
            checkText(name.sv(), MAX_NAME, at + "/name/sv", "name.sv", problems);
            checkText(name.en(), MAX_NAME, at + "/name/en", "name.en", problems);
        }
    }

    /** A text PostgreSQL can store (no NUL character) and short enough for lists and events. */
    private static void checkText(String text, int max, String pointer, String field, List<Violation> problems) {
        if (text == null) {
            return;
        }
        if (text.indexOf('\0') >= 0) {
            problems.add(Violation.at(pointer, field, field + " must not contain a NUL character (\\u0000)"));
        }
        if (text.length() > max) {
            problems.add(Violation.at(
                    pointer, field, field + " is " + text.length() + " characters long; at most " + max + " allowed"));
        }
    }

    private void checkAppliesTo(List<String> appliesTo, List<String> within, String at, List<Violation> problems) {
        if (appliesTo == null) {
            return;
        }
        String pointer = at + "/appliesTo";
        if (appliesTo.isEmpty()) {
            problems.add(Violation.at(
                    pointer, "appliesTo", "appliesTo is empty: use null for every unit, or name at least one unit"));
            return;
        }
        Set<String> listed = new HashSet<>();
        for (int i = 0; i < appliesTo.size(); i++) {
            String code = appliesTo.get(i);
            if (code == null || !regionCodes.contains(code)) {
                problems.add(Violation.at(pointer + "/" + i, "appliesTo", "unknown unit code " + quoted(code)));
            } else if (!listed.add(code)) {
                problems.add(Violation.at(pointer + "/" + i, "appliesTo", "unit " + code + " is listed twice"));
            } else if (within != null && !within.contains(code)) {
                problems.add(Violation.at(
                        pointer + "/" + i,
                        "appliesTo",
                        "unit " + code + " is outside the entity's appliesTo " + within));
            }
        }
    }

    /** Records an id's first place; a second place is a duplicate. */
    private static boolean unique(String what, String at, Map<String, String> seen, List<Violation> problems) {
        String first = seen.putIfAbsent(what, at);
        if (first != null) {
            problems.add(Violation.at(at, "id", "duplicate " + what + " (first at " + first + ")"));
            return false;
        }
        return true;
    }

    private static String quoted(String value) {
        return value == null ? "nothing" : "'" + value + "'";
    }
}
