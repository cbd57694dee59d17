package fi.tilannekuva.situation.picture.rest;

import jakarta.ws.rs.core.Response;

/** A file to download: the body with its type and a {@code Content-Disposition} naming the file. */
public final class Downloads {

    private Downloads() {}

    /** CSV text (UTF-8) as an attachment. */
    public static Response csv(String csv, String filename) {
        return download(csv, "text/csv; charset=UTF-8", filename);
    }

    /** Any body of the given type as an attachment. */
    public static Response download(Object body, String type, String filename) {
        return Response.ok(body, type)
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .build();
    }
}
