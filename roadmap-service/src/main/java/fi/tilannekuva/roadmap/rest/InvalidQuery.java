package fi.tilannekuva.roadmap.rest;

import fi.tilannekuva.kit.problem.Problem.ProblemError;
import java.util.List;

/** Query parameters that cannot be used (answered 400, naming each). */
public class InvalidQuery extends RuntimeException {

    private final transient List<ProblemError> errors;

    /** Refuses the request for these parameters. */
    public InvalidQuery(List<ProblemError> errors) {
        super(errors.size() + " invalid query parameter(s)");
        this.errors = List.copyOf(errors);
    }

    /** One error per bad parameter. */
    public List<ProblemError> errors() {
        return errors;
    }
}
