package fi.tilannekuva.status.rest;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling: the roles and the unit of the bearer token, and the per-unit access rules. */
@RequestScoped
public class Callers {

    /** May read every unit's raw reports. */
    public static final String READER = "reader";

    /** May write (and read) its own unit's reports only. */
    public static final String REGION_REPORTER = "region-reporter";

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken jwt;

    /** The unit in the token's {@code region} claim, or null. */
    public String region() {
        Object claim = jwt.getClaim("region");
        return claim == null ? null : claim.toString();
    }

    /** Refuses (403) a reporter writing for another unit than its own. */
    public void requireOwnUnit(String region) {
        String own = region();
        if (own == null || !own.equals(region)) {
            throw new ForbiddenException(
                    "This token may report only for unit '" + own + "', not for '" + region + "'. Nothing was stored.");
        }
    }

    /** Refuses (403) reading a unit's raw reports without the reader role or that unit's own token. */
    public void requireReaderOf(String region) {
        if (identity.hasRole(READER)) {
            return;
        }
        if (identity.hasRole(REGION_REPORTER) && region.equals(region())) {
            return;
        }
        throw new ForbiddenException(
                "Raw reports of unit '" + region + "' need the role reader or that unit's own token.");
    }
}
