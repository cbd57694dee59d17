package fi.tilannekuva.situation.projection.service;

import java.util.Set;

/**
 * Fired inside each transaction that changed the projection, so that the features built on it act without the
 * projection knowing them: band changes are compared in the same transaction (their events commit with the change),
 * caches are dropped after it commits.
 *
 * @param bandsToCompare the units whose bands may have moved: empty for none, null for every unit
 * @param emptied true when a rebuild emptied the projection
 */
public record ProjectionChanged(Set<String> bandsToCompare, boolean emptied) {

    /** The projection changed; no band can have moved (a replay is still catching up). */
    static ProjectionChanged quietly() {
        return new ProjectionChanged(Set.of(), false);
    }

    /** The bands of these units may have moved. */
    static ProjectionChanged bandsOf(Set<String> units) {
        return new ProjectionChanged(Set.copyOf(units), false);
    }

    /** Any unit's band may have moved (a new roadmap version, or a replay has caught up). */
    static ProjectionChanged everyBand() {
        return new ProjectionChanged(null, false);
    }

    /** A rebuild emptied the projection. */
    static ProjectionChanged emptiedForRebuild() {
        return new ProjectionChanged(Set.of(), true);
    }

    /** Whether a unit's bands are to be compared. */
    public boolean comparesBands() {
        return bandsToCompare == null || !bandsToCompare.isEmpty();
    }
}
