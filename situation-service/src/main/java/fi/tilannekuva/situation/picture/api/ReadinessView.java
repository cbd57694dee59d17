package fi.tilannekuva.situation.picture.api;

import fi.tilannekuva.kit.reform.Group;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Readiness per unit × group against a deadline (valmiusaste). */
@Schema(description = "Readiness per unit × preparation group against a deadline, with the national row.")
public record ReadinessView(
        @Schema(example = "2023-01-01") LocalDate deadline,
        @Schema(nullable = true) Instant asOf,
        @Schema(nullable = true) SnapshotRef snapshot,
        @Schema(example = "3", nullable = true) Integer roadmapVersion,
        @Schema(nullable = true) Instant newestEventAt,
        List<Group> groups,
        List<ReadinessRow> rows,
        NationalReadiness national) {

    /** The same picture labelled as a frozen reporting round. */
    public ReadinessView inSnapshot(SnapshotRef ref) {
        return new ReadinessView(deadline, asOf, ref, roadmapVersion, newestEventAt, groups, rows, national);
    }
}
