package fi.tilannekuva.kit.problem;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A refusal that already knows its problem document: thrown where a request is found wrong, answered as it is by
 * {@link ProblemMappers}. Nothing has been stored when it is thrown.
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    /** Refuses the request with this problem. */
    public ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    /** 404 for a resource that does not exist. */
    public static ProblemException notFound(String detail) {
        return new ProblemException(Problem.of("not-found", "Not found", 404, detail));
    }

    /** 400 naming one query parameter and what is wrong with it. */
    public static ProblemException invalidParameter(String name, String message) {
        return invalidParameters(List.of(Problem.ProblemError.parameter(name, message)));
    }

    /** 400 naming every bad query parameter. */
    public static ProblemException invalidParameters(List<Problem.ProblemError> errors) {
        return new ProblemException(Problem.of(
                "invalid-query",
                "Invalid query parameters",
                400,
                errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")),
                errors));
    }

    /** 400 for a request without the body it needs. */
    public static ProblemException missingBody(String detail) {
        return new ProblemException(Problem.of("missing-body", "Missing body", 400, detail));
    }

    /** The problem document to answer with. */
    public Problem problem() {
        return problem;
    }
}
