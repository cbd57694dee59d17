package fi.tilannekuva.status;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * One roadmap version as this service knows it: the subtasks a unit may report on, and the units.
 *
 * @param version the roadmap version
 * @param label its label, e.g. "2022-08-30"
 * @param regions the unit codes of the version (empty when the event listed none)
 * @param subtasks the subtasks by id
 */
public record RoadmapSnapshot(int version, String label, Set<String> regions, Map<String, Subtask> subtasks) {

    /**
     * A subtask of the roadmap.
     *
     * @param id e.g. "JO-E-5.8"
     * @param group the preparation group code, e.g. "JO"
     * @param name the Finnish name
     * @param critical whether the situation picture tracks it
     * @param from start of its indicative schedule, or null
     * @param to end of its indicative schedule, or null
     * @param appliesTo the units it applies to, or null for every unit
     */
    public record Subtask(
            String id,
            String group,
            String name,
            boolean critical,
            LocalDate from,
            LocalDate to,
            Set<String> appliesTo) {

        /** Whether the unit has to report on this subtask. */
        public boolean appliesTo(String region) {
            return appliesTo == null || appliesTo.contains(region);
        }
    }

    /** Whether the unit is one of this version's units (every unit when the version listed none). */
    public boolean knowsRegion(String region) {
        return regions.isEmpty() || regions.contains(region);
    }
}
