package fi.tilannekuva.situation.picture.api;

import fi.tilannekuva.kit.reform.Group;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One unit's progress row. */
@Schema(description = "One unit's progress, one cell per preparation group (HTT, JO, PJ, YP, ICT).")
public record ProgressRow(
        @Schema(example = "etela-karjala") String region,
        @Schema(example = "{\"fi\": \"Etelä-Karjala\", \"sv\": \"Södra Karelen\"}") Map<String, String> name,
        @Schema(description = "false = the unit has never reported: no percentages, never 0 %.") boolean reported,
        Map<Group, ProgressCell> cells) {}
