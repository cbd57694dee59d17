package fi.tilannekuva.roadmap.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem document, the body of every error answer. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem details (media type application/problem+json).")
public record Problem(
        @Schema(examples = "https://tilannekuva.local/problems/invalid-roadmap") String type,
        @Schema(examples = "The roadmap document is invalid") String title,
        @Schema(examples = "422") int status,
        String detail,
        @Schema(description = "Every problem found, when there are several.") List<ProblemError> errors) {

    /** The media type of problem documents. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /** A problem without a list of errors. */
    public static Problem of(String slug, String title, int status, String detail) {
        return new Problem(type(slug), title, status, detail, null);
    }

    /** The type URI of a problem kind. */
    public static String type(String slug) {
        return "https://tilannekuva.local/problems/" + slug;
    }

    /** One problem in a request: where (JSON pointer, CSV line or parameter), which field, what. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ProblemError")
    public record ProblemError(
            @Schema(description = "JSON pointer into the request body", examples = "/groups/0/entities/0/code")
                    String pointer,
            @Schema(description = "CSV line (1 = the header)", examples = "7") Integer line,
            @Schema(examples = "code") String field,
            @Schema(examples = "entity code must be one capital letter A-Z, was '5'") String message) {}
}
