package fi.tilannekuva.roadmap;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A name in Finnish (always) and in Swedish and English when known; unknown translations are left out. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A name: `fi` always, `sv` and `en` when known (left out when unknown).")
public record Name(
        @Schema(required = true, examples = "Osallisuusohjelman laatiminen") String fi,
        @Schema(examples = "Delaktighetsprogram") String sv,
        @Schema(examples = "Participation programme") String en) {

    /** A Finnish-only name. */
    public static Name fi(String fi) {
        return new Name(fi, null, null);
    }

    /** The same name with blank translations dropped, so "" and a missing translation mean the same. */
    public Name normalized() {
        return new Name(blankToNull(fi), blankToNull(sv), blankToNull(en));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
