package fi.tilannekuva.roadmap.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fi.tilannekuva.roadmap.Documents;
import fi.tilannekuva.roadmap.Name;
import fi.tilannekuva.roadmap.RoadmapDocument;
import fi.tilannekuva.roadmap.Schedule;
import fi.tilannekuva.roadmap.api.RoadmapDiff;
import fi.tilannekuva.roadmap.api.RoadmapDiff.FieldChange;
import fi.tilannekuva.roadmap.api.SubtaskView;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A diff names added, removed and changed subtasks, and for each change the fields with old and new values. */
class RoadmapDifferTest {

    private final List<SubtaskView> before = flat(Documents.small("a"));

    @Test
    void identicalVersionsDifferInNothing() {
        RoadmapDiff diff = RoadmapDiffer.diff(1, 2, before, flat(Documents.small("b")));
        assertEquals(List.of(), diff.added());
        assertEquals(List.of(), diff.removed());
        assertEquals(List.of(), diff.changed());
    }

    @Test
    void addedAndRemovedSubtasksAreListedWhole() {
        List<SubtaskView> after = new ArrayList<>(before);
        SubtaskView gone = after.remove(1);
        SubtaskView added = new SubtaskView(
                "JO-E-5.10", "JO", "JO-E", "JO-E-5", "5.10", Name.fi("Uusi"), true, gone.schedule(), null);
        after.add(added);
        RoadmapDiff diff = RoadmapDiffer.diff(1, 2, before, after);
        assertEquals(List.of(added), diff.added());
        assertEquals(List.of(gone), diff.removed());
        assertEquals(List.of(), diff.changed());
    }

    @Test
    void aChangedSubtaskNamesEachChangedFieldWithOldAndNewValue() {
        List<SubtaskView> after = new ArrayList<>(before);
        SubtaskView old = after.get(0);
        Schedule later = new Schedule(LocalDate.parse("2022-01-01"), LocalDate.parse("2022-06-30"));
        after.set(
                0,
                new SubtaskView(
                        old.id(),
                        old.group(),
                        old.entity(),
                        old.task(),
                        old.number(),
                        new Name(old.name().fi(), "Delaktighetsprogram", null),
                        false,
                        later,
                        List.of("hus")));
        RoadmapDiff diff = RoadmapDiffer.diff(1, 2, before, after);
        assertEquals(1, diff.changed().size());
        assertEquals("JO-E-5.8", diff.changed().get(0).id());
        assertEquals(
                List.of(
                        new FieldChange("name", old.name(), new Name(old.name().fi(), "Delaktighetsprogram", null)),
                        new FieldChange("critical", true, false),
                        new FieldChange("schedule", old.schedule(), later),
                        new FieldChange("appliesTo", null, List.of("hus"))),
                diff.changed().get(0).changes());
    }

    private static List<SubtaskView> flat(RoadmapDocument document) {
        return RoadmapAssembler.flatten(RoadmapAssembler.tree(document));
    }
}
