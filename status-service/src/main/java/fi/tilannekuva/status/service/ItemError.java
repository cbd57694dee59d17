package fi.tilannekuva.status.service;

/**
 * Why one part of a report cannot be accepted.
 *
 * @param index the item's index in {@code items}, or null when it is about the report itself
 * @param field the field concerned
 * @param message what is wrong
 */
public record ItemError(Integer index, String field, String message) {

    /** The JSON pointer of the field in the request body. */
    public String pointer() {
        return index == null ? "/" + field : "/items/" + index + (field == null ? "" : "/" + field);
    }
}
