package fi.tilannekuva.roadmap.service;

import java.util.List;

/** A roadmap document (JSON or CSV) was refused; nothing was stored. Carries every problem found. */
public class RoadmapRejected extends RuntimeException {

    private final transient List<Violation> violations;

    /** Refuses with these problems (at least one). */
    public RoadmapRejected(List<Violation> violations) {
        super(violations.size() + " problem(s) in the roadmap document");
        this.violations = List.copyOf(violations);
    }

    /** Every problem found. */
    public List<Violation> violations() {
        return violations;
    }
}
