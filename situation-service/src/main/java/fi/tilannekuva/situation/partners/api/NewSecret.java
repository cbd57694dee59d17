package fi.tilannekuva.situation.partners.api;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The new signing secret, shown this once.
 *
 * @param previousSecretUntil until when the previous secret signs too
 */
@Schema(description = "A new signing secret, shown only in this answer")
public record NewSecret(String secret, Instant previousSecretUntil) {}
