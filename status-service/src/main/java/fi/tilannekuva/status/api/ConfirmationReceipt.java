package fi.tilannekuva.status.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a confirmation recorded. */
public record ConfirmationReceipt(
        @Schema(example = "10-21") String round,
        @Schema(example = "lappi") String region,
        @Schema(description = "Subtasks confirmed by this request") int confirmed,
        @Schema(description = "Subtasks confirmed before in this round (unchanged by this request)")
                int alreadyConfirmed) {}
