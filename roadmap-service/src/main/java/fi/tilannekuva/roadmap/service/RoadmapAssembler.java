package fi.tilannekuva.roadmap.service;

import fi.tilannekuva.roadmap.RoadmapDocument;
import fi.tilannekuva.roadmap.RoadmapIds;
import fi.tilannekuva.roadmap.api.RoadmapTree.EntityNode;
import fi.tilannekuva.roadmap.api.RoadmapTree.GroupNode;
import fi.tilannekuva.roadmap.api.RoadmapTree.SubtaskNode;
import fi.tilannekuva.roadmap.api.RoadmapTree.TaskNode;
import fi.tilannekuva.roadmap.api.SubtaskView;
import java.util.ArrayList;
import java.util.List;

/** Turns a valid document into the tree with ids, and a tree into its flat subtask list. Pure logic. */
public final class RoadmapAssembler {

    private RoadmapAssembler() {}

    /**
     * The tree of a validated document: ids added, names trimmed, unit lists sorted, and each subtask's
     * {@code appliesTo} resolved against its entity's (a subtask without its own list inherits the entity's),
     * so a consumer reading only subtasks knows what applies where.
     *
     * @param document a document {@link RoadmapValidator} found no problem with
     * @return the groups in document order
     */
    public static List<GroupNode> tree(RoadmapDocument document) {
        List<GroupNode> groups = new ArrayList<>();
        for (RoadmapDocument.Group group : document.groups()) {
            List<EntityNode> entities = new ArrayList<>();
            for (RoadmapDocument.Entity entity : group.entities()) {
                String entityId = RoadmapIds.entity(group.code(), entity.code());
                List<String> entityScope = sorted(entity.appliesTo());
                List<TaskNode> tasks = new ArrayList<>();
                for (RoadmapDocument.Task task : orEmpty(entity.tasks())) {
                    List<SubtaskNode> subtasks = new ArrayList<>();
                    for (RoadmapDocument.Subtask subtask : orEmpty(task.subtasks())) {
                        List<String> scope = subtask.appliesTo() == null ? entityScope : sorted(subtask.appliesTo());
                        subtasks.add(new SubtaskNode(
                                RoadmapIds.subtask(entityId, subtask.number()),
                                subtask.number(),
                                subtask.name().normalized(),
                                subtask.critical(),
                                subtask.schedule(),
                                scope));
                    }
                    tasks.add(new TaskNode(
                            RoadmapIds.task(entityId, task.number()),
                            task.number(),
                            task.name().normalized(),
                            subtasks));
                }
                entities.add(
                        new EntityNode(entityId, entity.code(), entity.name().normalized(), entityScope, tasks));
            }
            groups.add(new GroupNode(group.code(), group.name().normalized(), entities));
        }
        return groups;
    }

    /**
     * Every subtask of a tree in roadmap order, with the ids of its group, entity and task.
     *
     * @param groups a version's tree
     * @return the flat list
     */
    public static List<SubtaskView> flatten(List<GroupNode> groups) {
        List<SubtaskView> flat = new ArrayList<>();
        for (GroupNode group : groups) {
            for (EntityNode entity : group.entities()) {
                for (TaskNode task : entity.tasks()) {
                    for (SubtaskNode subtask : task.subtasks()) {
                        flat.add(new SubtaskView(
                                subtask.id(),
                                group.code(),
                                entity.id(),
                                task.id(),
                                subtask.number(),
                                subtask.name(),
                                subtask.critical(),
                                subtask.schedule(),
                                subtask.appliesTo()));
                    }
                }
            }
        }
        return flat;
    }

    private static List<String> sorted(List<String> codes) {
        return codes == null ? null : codes.stream().sorted().toList();
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
