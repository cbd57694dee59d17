package fi.tilannekuva.kit.security;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling: the roles and the unit of the bearer token, and the per-unit access rules every service applies
 * alike (CONTRACT.md: a unit writes only its own reports; raw reports, comments and support requests need
 * {@code reader} or the unit's own token).
 */
@RequestScoped
public class Callers {

    /** May read every unit's raw reports, comments and support requests. */
    public static final String READER = "reader";

    /** May write (and read) its own unit's reports only. */
    public static final String REGION_REPORTER = "region-reporter";

    /** Publishes roadmaps and freezes reporting rounds; manages the partners' subscriptions. */
    public static final String ROADMAP_ADMIN = "roadmap-admin";

    /**
     * An integration partner (THL, Kuntaliitto): reads its own subscriptions, their delivery log and their event feed
     * only; the partner is named by the token's {@code partner} claim.
     */
    public static final String PARTNER = "partner";

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken jwt;

    /** The unit in the token's {@code region} claim exactly as written there, or null. */
    public String region() {
        if (identity.isAnonymous()) {
            return null;
        }
        Object claim = jwt.getClaim("region");
        if (claim instanceof JsonString text) {
            return text.getString();
        }
        return claim == null ? null : claim.toString();
    }

    /** The partner in the token's {@code partner} claim, for a token with the role partner; otherwise null. */
    public String partner() {
        if (identity.isAnonymous() || !identity.hasRole(PARTNER)) {
            return null;
        }
        Object claim = jwt.getClaim("partner");
        if (claim instanceof JsonString text) {
            return text.getString();
        }
        return claim == null ? null : claim.toString();
    }

    /** Whether the caller manages the partners' subscriptions (the role roadmap-admin). */
    public boolean isMinistry() {
        return identity.hasRole(ROADMAP_ADMIN);
    }

    /** Refuses (403) a reporter writing for another unit than its own. */
    public void requireOwnUnit(String region) {
        String own = region();
        if (own == null || !own.equals(region)) {
            throw new ForbiddenException(
                    "This token may report only for unit '" + own + "', not for '" + region + "'. Nothing was stored.");
        }
    }

    /** Whether the caller may read every unit's raw reports, comments and support requests (the role reader). */
    public boolean mayReadEveryUnit() {
        return identity.hasRole(READER);
    }

    /** Whether the caller may read the unit's raw reports, comments and support requests. */
    public boolean mayRead(String region) {
        if (mayReadEveryUnit()) {
            return true;
        }
        return identity.hasRole(REGION_REPORTER) && region != null && region.equals(region());
    }

    /** Refuses (403) reading a unit's raw reports without the reader role or that unit's own token. */
    public void requireReaderOf(String region) {
        if (!mayRead(region)) {
            throw new ForbiddenException(
                    "Raw reports of unit '" + region + "' need the role reader or that unit's own token.");
        }
    }
}
