package fi.tilannekuva.status.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An address the ministry keeps for a unit's round reminders. */
public record ContactView(
        @Schema(example = "tilannekuva@lapha.fi", maxLength = 254) String email,
        @Schema(
                        enumeration = {"fi", "sv", "en"},
                        description = "The language the reminders are written in")
                String language) {}
