package fi.tilannekuva.roadmap.api;

import fi.tilannekuva.roadmap.Name;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A preparation group as reference data (not tied to a version). */
@Schema(name = "GroupInfo", description = "A preparation group (valmisteluryhmä).")
public record GroupInfo(@Schema(examples = "JO") String code, Name name, @Schema(examples = "2") int ordinal) {}
