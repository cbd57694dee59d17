package fi.tilannekuva.status.service;

import java.util.List;

/** A report with at least one invalid part: nothing of it is stored. */
public class ReportRejectedException extends RuntimeException {

    private final List<ItemError> errors;

    public ReportRejectedException(List<ItemError> errors) {
        super(errors.size() + " problem(s) in the report; nothing was stored");
        this.errors = List.copyOf(errors);
    }

    /** Every problem found. */
    public List<ItemError> errors() {
        return errors;
    }
}
