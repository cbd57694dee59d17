package fi.tilannekuva.system;

/** Why a system test is disabled today: each reason names the failing request and answer, for the fix. */
final class Blocked {

    /** status-service answers 500, not 503, to a request caught by the database going down. */
    static final String STATUS_500_WITHOUT_DATABASE = "reason: while PostgreSQL restarts under load, status-service"
            + " answers most refused reports with 503, but a request in flight when the server stops still gets"
            + " POST /api/v1/reports -> 500 {\"type\": \"https://tilannekuva.fi/problems/internal-error\","
            + " \"status\": 500, \"detail\": \"The request could not be processed; nothing was stored. Retry later.\"}"
            + " (nothing is half stored): the connection cut in the middle of the transaction (SQLState 57P01 /"
            + " 08006) is apparently not mapped to 503; enable once it is";

    private Blocked() {}
}
