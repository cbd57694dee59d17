package fi.tilannekuva.roadmap.service;

import fi.tilannekuva.roadmap.api.RoadmapDiff;
import fi.tilannekuva.roadmap.api.RoadmapDiff.ChangedSubtask;
import fi.tilannekuva.roadmap.api.RoadmapDiff.FieldChange;
import fi.tilannekuva.roadmap.api.SubtaskView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** Compares two versions subtask by subtask, by their stable ids. Pure logic. */
public final class RoadmapDiffer {

    private RoadmapDiffer() {}

    /**
     * Subtasks only in {@code to} (added), only in {@code from} (removed), and in both with different name,
     * criticality, schedule or applicability (changed, naming each field with its old and new value).
     *
     * @param from the version number compared from
     * @param to the version number compared to
     * @param before the subtasks of {@code from} in roadmap order
     * @param after the subtasks of {@code to} in roadmap order
     * @return the differences; all lists empty when nothing that matters changed
     */
    public static RoadmapDiff diff(int from, int to, List<SubtaskView> before, List<SubtaskView> after) {
        Map<String, SubtaskView> old = byId(before);
        Map<String, SubtaskView> now = byId(after);
        List<SubtaskView> added =
                after.stream().filter(s -> !old.containsKey(s.id())).toList();
        List<SubtaskView> removed =
                before.stream().filter(s -> !now.containsKey(s.id())).toList();
        List<ChangedSubtask> changed = new ArrayList<>();
        for (SubtaskView next : after) {
            SubtaskView previous = old.get(next.id());
            if (previous != null) {
                List<FieldChange> changes = new ArrayList<>();
                compare("name", SubtaskView::name, previous, next, changes);
                compare("critical", SubtaskView::critical, previous, next, changes);
                compare("schedule", SubtaskView::schedule, previous, next, changes);
                compare("appliesTo", SubtaskView::appliesTo, previous, next, changes);
                if (!changes.isEmpty()) {
                    changed.add(new ChangedSubtask(next.id(), changes));
                }
            }
        }
        return new RoadmapDiff(from, to, added, removed, changed);
    }

    private static void compare(
            String field,
            Function<SubtaskView, Object> value,
            SubtaskView before,
            SubtaskView after,
            List<FieldChange> changes) {
        Object old = value.apply(before);
        Object now = value.apply(after);
        if (!Objects.equals(old, now)) {
            changes.add(new FieldChange(field, old, now));
        }
    }

    private static Map<String, SubtaskView> byId(List<SubtaskView> subtasks) {
        Map<String, SubtaskView> map = new LinkedHashMap<>();
        subtasks.forEach(s -> map.put(s.id(), s));
        return map;
    }
}
