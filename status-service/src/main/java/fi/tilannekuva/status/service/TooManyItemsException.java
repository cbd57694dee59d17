package fi.tilannekuva.status.service;

/** A report with more items than the configured maximum. */
public class TooManyItemsException extends RuntimeException {

    public TooManyItemsException(int items, int max) {
        super("The report has " + items + " items; at most " + max + " are accepted in one request.");
    }
}
