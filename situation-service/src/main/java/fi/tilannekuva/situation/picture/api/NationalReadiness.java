package fi.tilannekuva.situation.picture.api;

import fi.tilannekuva.kit.reform.Group;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The national readiness row: sums over the units that have reported. */
@Schema(description = "Sums of tracked, done and inProgress over the units that have reported.")
public record NationalReadiness(boolean reported, Map<Group, ReadinessCell> cells) {}
