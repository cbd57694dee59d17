package fi.tilannekuva.roadmap.api;

import fi.tilannekuva.roadmap.Name;
import fi.tilannekuva.roadmap.RegionKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A reporting unit as served and as carried in events. */
@Schema(name = "Region", description = "A reporting unit: a wellbeing services county, Helsinki or HUS.")
public record RegionView(
        @Schema(examples = "lappi") String code,
        Name name,
        RegionKind kind,
        @Schema(description = "One of the six Uusimaa units.") boolean uusimaa) {}
