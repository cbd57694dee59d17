package fi.tilannekuva.system;

/** Why a system test is disabled today: each reason names the failing request and answer, for the fix. */
final class Blocked {

    /** status-service answers 500, not 503, while its database is down. */
    static final String STATUS_500_WITHOUT_DATABASE = "reason: status-service answers 500 internal-error"
            + " (problem+json, nothing stored) instead of 503 while its database is down: POST /api/v1/reports during"
            + " the restart -> 500 {\"type\": \"https://tilannekuva.fi/problems/internal-error\", \"status\": 500};"
            + " enable once a lost database connection maps to 503 with Retry-After";

    private Blocked() {}
}
