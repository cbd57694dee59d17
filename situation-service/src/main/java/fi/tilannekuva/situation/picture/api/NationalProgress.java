package fi.tilannekuva.situation.picture.api;

import fi.tilannekuva.kit.reform.Group;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The national progress row: sums over the units that have reported. */
@Schema(
        description =
                "Sums of tracked and started over the units that have reported; reported = at least one unit has.")
public record NationalProgress(boolean reported, Map<Group, ProgressCell> cells) {}
