package fi.tilannekuva.system;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.tilannekuva.kit.reform.Group;
import fi.tilannekuva.kit.reform.Units;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * The test side's own model of a roadmap: what the tests publish and what they recount against, independent of
 * any service's code.
 *
 * @param label the document's label
 * @param subtasks every subtask, in document order
 */
public record Roadmap(String label, List<Subtask> subtasks) {

    /**
     * A subtask.
     *
     * @param group the preparation group code
     * @param entity the entity letter
     * @param task the task number
     * @param number {@code <task>.<n>}
     * @param critical whether the situation picture tracks it
     * @param from schedule start
     * @param to schedule end
     * @param appliesTo null = every unit, else unit codes
     */
    public record Subtask(
            String group,
            String entity,
            int task,
            String number,
            boolean critical,
            LocalDate from,
            LocalDate to,
            List<String> appliesTo) {

        /** {@code JO-E-5.8}. */
        public String id() {
            return group + "-" + entity + "-" + number;
        }

        /** Whether the subtask applies to a unit. */
        public boolean appliesTo(String unit) {
            return appliesTo == null || appliesTo.contains(unit);
        }

        /** Tracked in a progress window: critical, applicable, schedule overlapping [from, to]. */
        public boolean trackedIn(String unit, LocalDate windowFrom, LocalDate windowTo) {
            return critical && appliesTo(unit) && !from.isAfter(windowTo) && !to.isBefore(windowFrom);
        }

        /** Tracked for readiness: critical, applicable, schedule beginning before the deadline. */
        public boolean trackedBefore(String unit, LocalDate deadline) {
            return critical && appliesTo(unit) && from.isBefore(deadline);
        }

        /** This subtask made critical or not. */
        public Subtask withCritical(boolean value) {
            return new Subtask(group, entity, task, number, value, from, to, appliesTo);
        }

        /** This subtask with another schedule. */
        public Subtask withSchedule(LocalDate newFrom, LocalDate newTo) {
            return new Subtask(group, entity, task, number, critical, newFrom, newTo, appliesTo);
        }

        /** This subtask applying to other units (null = all). */
        public Subtask withAppliesTo(List<String> units) {
            return new Subtask(group, entity, task, number, critical, from, to, units);
        }
    }

    /** The subtask of an id. */
    public Subtask subtask(String id) {
        return subtasks.stream()
                .filter(s -> s.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no subtask " + id));
    }

    /** The subtasks that apply to a unit. */
    public List<Subtask> applicableTo(String unit) {
        return subtasks.stream().filter(s -> s.appliesTo(unit)).toList();
    }

    /** A revised roadmap: one subtask changed, the rest as they are. */
    public Roadmap revise(String label, String id, UnaryOperator<Subtask> change) {
        subtask(id);
        return new Roadmap(
                label,
                subtasks.stream()
                        .map(s -> s.id().equals(id) ? change.apply(s) : s)
                        .toList());
    }

    /**
     * A roadmap of {@code perGroup} subtasks in each of the five groups, in two entities of two tasks each, with
     * a mix of criticality, schedules in 2021–2023 and some subtasks only for the Uusimaa units. The same seed
     * gives the same roadmap.
     */
    public static Roadmap generated(String label, long seed, int perGroup) {
        Random random = new Random(seed);
        List<Subtask> subtasks = new ArrayList<>();
        LocalDate[] starts = {
            LocalDate.of(2021, 1, 1), LocalDate.of(2021, 4, 1), LocalDate.of(2021, 7, 1),
            LocalDate.of(2022, 1, 1), LocalDate.of(2022, 7, 1), LocalDate.of(2023, 1, 1)
        };
        for (String group : Group.codes()) {
            for (int i = 0; i < perGroup; i++) {
                String entity = i % 2 == 0 ? "A" : "B";
                int task = 1 + (i / 2) % 2;
                String number = task + "." + (i + 1);
                LocalDate from = starts[random.nextInt(starts.length)];
                LocalDate to = from.plusMonths(3 + random.nextInt(9)).minusDays(1);
                List<String> applies = random.nextInt(6) == 0 ? Units.UUSIMAA : null;
                subtasks.add(new Subtask(group, entity, task, number, random.nextInt(4) != 0, from, to, applies));
            }
        }
        return new Roadmap(label, List.copyOf(subtasks));
    }

    /** The body of {@code POST /api/v1/roadmaps} (CONTRACT.md): groups > entities > tasks > subtasks. */
    public ObjectNode document() {
        ObjectNode document = Json.object().put("label", label);
        ArrayNode groups = document.putArray("groups");
        for (String group : Group.codes()) {
            Map<String, Map<Integer, List<Subtask>>> entities = new LinkedHashMap<>();
            subtasks.stream().filter(s -> s.group().equals(group)).forEach(s -> entities.computeIfAbsent(
                            s.entity(), e -> new LinkedHashMap<>())
                    .computeIfAbsent(s.task(), t -> new ArrayList<>())
                    .add(s));
            ObjectNode groupNode = groups.addObject().put("code", group);
            groupNode.putObject("name").put("fi", "Ryhmä " + group);
            ArrayNode entityNodes = groupNode.putArray("entities");
            if (entities.isEmpty()) {
                ObjectNode empty = entityNodes.addObject().put("code", "A");
                empty.putObject("name").put("fi", "Kokonaisuus A");
                empty.putArray("tasks");
            }
            entities.forEach((entity, tasks) -> {
                ObjectNode entityNode = entityNodes.addObject().put("code", entity);
                entityNode.putObject("name").put("fi", "Kokonaisuus " + entity);
                ArrayNode taskNodes = entityNode.putArray("tasks");
                tasks.forEach((task, items) -> {
                    ObjectNode taskNode = taskNodes.addObject().put("number", task);
                    taskNode.putObject("name").put("fi", "Tehtävä " + task);
                    ArrayNode subtaskNodes = taskNode.putArray("subtasks");
                    for (Subtask s : items) {
                        ObjectNode node = subtaskNodes.addObject().put("number", s.number());
                        node.putObject("name").put("fi", "Osatehtävä " + s.id());
                        node.put("critical", s.critical());
                        node.putObject("schedule")
                                .put("from", s.from().toString())
                                .put("to", s.to().toString());
                        if (s.appliesTo() == null) {
                            node.putNull("appliesTo");
                        } else {
                            s.appliesTo().forEach(node.putArray("appliesTo")::add);
                        }
                    }
                });
            });
        }
        return document;
    }
}
