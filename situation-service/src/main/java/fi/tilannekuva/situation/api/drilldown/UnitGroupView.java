package fi.tilannekuva.situation.api.drilldown;

import fi.tilannekuva.situation.Group;
import java.util.List;

/** A unit's tracked subtasks of one preparation group. */
public record UnitGroupView(Group group, List<UnitSubtaskView> subtasks) {}
