package fi.tilannekuva.situation.partners.api;

import java.time.Duration;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A rotation of the signing secret.
 *
 * @param grace how long the previous secret keeps signing beside the new one (ISO-8601, at most P7D; default PT24H)
 */
@Schema(description = "A rotation of the signing secret")
public record SecretRotation(@Schema(implementation = String.class, examples = "PT24H") Duration grace) {}
