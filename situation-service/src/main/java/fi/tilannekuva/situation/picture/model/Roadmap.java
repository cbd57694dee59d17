package fi.tilannekuva.situation.picture.model;

import java.text.Collator;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** One roadmap version: its units (sorted by Finnish name, as the seed's tables) and its subtasks in document order. */
public record Roadmap(int version, String label, Instant publishedAt, List<Unit> units, List<RoadmapSubtask> subtasks) {

    private static final Collator FINNISH = Collator.getInstance(Locale.forLanguageTag("fi-FI"));

    /** A roadmap with its units put in the order of the seed's tables (alphabetical by Finnish name). */
    public Roadmap {
        units = units.stream()
                .sorted(Comparator.comparing(unit -> unit.name().getOrDefault("fi", unit.code()), FINNISH))
                .toList();
        subtasks = List.copyOf(subtasks);
    }

    /** The subtask with this id, if this version has it. */
    public Optional<RoadmapSubtask> subtask(String id) {
        return subtasks.stream().filter(subtask -> subtask.id().equals(id)).findFirst();
    }

    /** The unit with this code, if this version lists it. */
    public Optional<Unit> unit(String code) {
        return units.stream().filter(unit -> unit.code().equals(code)).findFirst();
    }

    /** This version with only the given units listed (the same subtasks), to count those units alone. */
    public Roadmap withUnits(Set<String> codes) {
        return new Roadmap(
                version,
                label,
                publishedAt,
                units.stream().filter(unit -> codes.contains(unit.code())).toList(),
                subtasks);
    }
}
