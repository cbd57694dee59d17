package fi.tilannekuva.situation.picture.api;

import fi.tilannekuva.kit.reform.Group;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Progress per unit × group for a window (eteneminen). */
@Schema(description = "Progress per unit × preparation group for a window, with the national row.")
public record ProgressView(
        WindowView window,
        @Schema(description = "The instant asked for with asOf=, null for the live picture.", nullable = true)
                Instant asOf,
        @Schema(nullable = true) SnapshotRef snapshot,
        @Schema(description = "The roadmap version the tracked sets come from.", example = "3", nullable = true)
                Integer roadmapVersion,
        @Schema(description = "recordedAt of the newest status event applied.", nullable = true) Instant newestEventAt,
        List<Group> groups,
        List<ProgressRow> rows,
        NationalProgress national) {

    /** The same picture labelled as a frozen reporting round. */
    public ProgressView inSnapshot(SnapshotRef ref) {
        return new ProgressView(window, asOf, ref, roadmapVersion, newestEventAt, groups, rows, national);
    }
}
