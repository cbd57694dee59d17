package fi.tilannekuva.situation.drilldown.api;

import fi.tilannekuva.kit.reform.Group;
import java.util.List;

/** A unit's tracked subtasks of one preparation group. */
public record UnitGroupView(Group group, List<UnitSubtaskView> subtasks) {}
