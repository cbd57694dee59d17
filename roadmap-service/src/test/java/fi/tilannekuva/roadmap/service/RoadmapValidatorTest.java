package fi.tilannekuva.roadmap.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.tilannekuva.roadmap.Documents;
import fi.tilannekuva.roadmap.RoadmapDocument;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The validator names every problem of a document, each at its place. */
class RoadmapValidatorTest {

    private final RoadmapValidator validator = new RoadmapValidator(Documents.REGION_CODES);

    @Test
    void aCorrectDocumentHasNoProblems() {
        assertEquals(List.of(), validator.validate(Documents.small("ok")));
    }

    @Test
    void anEmptyDocumentIsRefused() {
        assertEquals("the document is empty", validator.validate(null).get(0).message());
        assertEquals(
                "/groups",
                validator.validate(new RoadmapDocument("x", List.of())).get(0).pointer());
    }

    @Test
    void aDocumentWithoutSubtasksIsRefused() {
        List<Violation> problems = validate(doc -> doc.withArray("groups")
                .forEach(g -> ((ObjectNode) g).withArray("entities").forEach(e -> ((ObjectNode) e).putArray("tasks"))));
        assertEquals(List.of("the document has no subtasks"), messages(problems));
    }

    @Test
    void everyProblemIsNamedAtOnce() {
        List<Violation> problems = validate(doc -> {
            doc.remove("label");
            ObjectNode jo = group(doc, 0);
            entity(jo, 0).put("code", "5");
            ObjectNode subtask = subtask(doc, 0, 0, 0, 0);
            subtask.putObject("name").put("fi", " ");
            ((ObjectNode) subtask.get("schedule")).put("from", "2022-01-01");
            subtask.putArray("appliesTo").add("uusimaa");
            subtask(doc, 0, 0, 0, 1).put("number", "4.9");
            subtask(doc, 0, 0, 1, 0).put("number", "6.x");
            subtask(doc, 0, 0, 1, 0).remove("critical");
            group(doc, 1).put("code", "XX");
        });
        assertEquals(
                List.of(
                        "/label",
                        "/groups/0/entities/0/code",
                        "/groups/0/entities/0/tasks/0/subtasks/0/name/fi",
                        "/groups/0/entities/0/tasks/0/subtasks/0/schedule",
                        "/groups/0/entities/0/tasks/0/subtasks/0/appliesTo/0",
                        "/groups/0/entities/0/tasks/0/subtasks/1/number",
                        "/groups/0/entities/0/tasks/1/subtasks/0/number",
                        "/groups/0/entities/0/tasks/1/subtasks/0/critical",
                        "/groups/1/code"),
                problems.stream().map(Violation::pointer).toList(),
                problems.toString());
    }

    @Test
    void duplicateIdsAreNamedWithTheirFirstPlace() {
        List<Violation> problems = validate(doc -> {
            ArrayNode subtasks = task(doc, 0, 0, 0).withArray("subtasks");
            subtasks.add(subtasks.get(0).deepCopy());
            ArrayNode tasks = entity(group(doc, 0), 0).withArray("tasks");
            tasks.add(tasks.get(1).deepCopy());
            ArrayNode entities = group(doc, 1).withArray("entities");
            entities.add(entities.get(0).deepCopy());
            ArrayNode groups = doc.withArray("groups");
            groups.add(groups.get(1).deepCopy());
        });
        assertEquals(
                List.of(
                        "duplicate subtask JO-E-5.8 (first at /groups/0/entities/0/tasks/0/subtasks/0)",
                        "duplicate task JO-E-6 (first at /groups/0/entities/0/tasks/1)",
                        "duplicate entity PJ-A (first at /groups/1/entities/0)",
                        "duplicate group PJ (first at /groups/1)"),
                messages(problems));
    }

    @Test
    void malformedNumbersAreRefused() {
        List<Violation> problems = validate(doc -> {
            entity(group(doc, 0), 0).put("code", "e");
            task(doc, 0, 0, 1).put("number", 0);
            entity(group(doc, 1), 0).put("code", "AB");
            subtask(doc, 1, 1, 0, 0).put("number", "1");
        });
        assertEquals(4, problems.size(), problems.toString());
        assertTrue(messages(problems).get(0).contains("one capital letter"));
        assertTrue(messages(problems).get(1).contains("positive integer"));
        assertTrue(messages(problems).get(3).contains("'<task number>.<n>'"));
    }

    @Test
    void unitListsMustNameKnownUnitsOnceAndStayWithinTheEntity() {
        List<Violation> problems = validate(doc -> {
            entity(group(doc, 1), 0).putArray("appliesTo");
            subtask(doc, 1, 1, 0, 1)
                    .putArray("appliesTo")
                    .add("lappi")
                    .add("helsinki")
                    .add("helsinki");
        });
        assertEquals(
                List.of(
                        "appliesTo is empty: use null for every unit, or name at least one unit",
                        "unit lappi is outside the entity's appliesTo " + Documents.UUSIMAA,
                        "unit helsinki is listed twice"),
                messages(problems));
    }

    @Test
    void aGroupWithoutEntitiesAndMissingNamesAreRefused() {
        List<Violation> problems = validate(doc -> {
            group(doc, 1).putArray("entities");
            group(doc, 0).remove("name");
            task(doc, 0, 0, 0).putObject("name").put("sv", "bara svenska");
        });
        assertEquals(
                List.of("/groups/0/name/fi", "/groups/0/entities/0/tasks/0/name/fi", "/groups/1/entities"),
                problems.stream().map(Violation::pointer).toList());
    }

    private List<Violation> validate(Consumer<ObjectNode> spoil) {
        ObjectNode doc = Documents.JSON.valueToTree(Documents.small("label"));
        spoil.accept(doc);
        return validator.validate(Documents.JSON.convertValue(doc, RoadmapDocument.class));
    }

    private static List<String> messages(List<Violation> problems) {
        return problems.stream().map(Violation::message).toList();
    }

    private static ObjectNode group(ObjectNode doc, int g) {
        return (ObjectNode) doc.withArray("groups").get(g);
    }

    private static ObjectNode entity(ObjectNode group, int e) {
        return (ObjectNode) group.withArray("entities").get(e);
    }

    private static ObjectNode task(ObjectNode doc, int g, int e, int t) {
        return (ObjectNode) entity(group(doc, g), e).withArray("tasks").get(t);
    }

    private static ObjectNode subtask(ObjectNode doc, int g, int e, int t, int s) {
        return (ObjectNode) task(doc, g, e, t).withArray("subtasks").get(s);
    }
}
