package fi.tilannekuva.situation.service;

import java.util.List;
import java.util.Map;

/** A request the service refuses, with every problem named; the REST layer renders it as problem+json. */
public class Problem extends RuntimeException {

    private final int status;
    private final String title;
    private final List<Map<String, Object>> errors;

    /** A problem with its HTTP status, a short title, a detail and the individual errors. */
    public Problem(int status, String title, String detail, List<Map<String, Object>> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = errors;
    }

    /** 404 for an unknown resource. */
    public static Problem notFound(String detail) {
        return new Problem(404, "Not Found", detail, List.of());
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<Map<String, Object>> errors() {
        return errors;
    }
}
