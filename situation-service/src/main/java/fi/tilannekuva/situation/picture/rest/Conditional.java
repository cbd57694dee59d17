package fi.tilannekuva.situation.picture.rest;

import fi.tilannekuva.situation.picture.service.PictureCache;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Answers a GET with a strong ETag, or 304 Not Modified when the client already has that representation. */
public final class Conditional {

    private Conditional() {}

    public static Response of(PictureCache.Body body, String ifNoneMatch) {
        if (ifNoneMatch != null && matches(ifNoneMatch, body.etag())) {
            return Response.notModified()
                    .header("ETag", body.etag())
                    .header("Cache-Control", "no-cache")
                    .build();
        }
        return Response.ok(body.json(), MediaType.APPLICATION_JSON_TYPE)
                .header("ETag", body.etag())
                .header("Cache-Control", "no-cache")
                .build();
    }

    /** If-None-Match uses the weak comparison (RFC 9110 13.1.2): W/ prefixes are ignored; * matches anything. */
    static boolean matches(String ifNoneMatch, String etag) {
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*")) {
                return true;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
