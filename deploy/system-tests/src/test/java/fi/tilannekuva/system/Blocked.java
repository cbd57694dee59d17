package fi.tilannekuva.system;

/** Why a system test is disabled today: each reason names the failing request and answer, for the fix. */
final class Blocked {

    /** status-service cannot read roadmap-published as roadmap-service writes it, so it never knows a roadmap. */
    static final String STATUS_READS_NO_ROADMAP = "reason: status-service never learns a roadmap: its"
            + " RoadmapPublishedConsumer#consume(String) throws ClassCastException (io.vertx.core.json.JsonObject cannot"
            + " be cast to java.lang.String) on every roadmap-published record and the channel stops (fail-stop),"
            + " because the record carries the header content-type: application/cloudevents+json and the Kafka"
            + " connector's cloud-events support (on by default) decodes structured CloudEvents into a JsonObject."
            + " POST /api/v1/reports then answers 503 roadmap-unknown forever. Fix: set"
            + " mp.messaging.incoming.roadmap-published.cloud-events=false as situation-service does.";

    private Blocked() {}
}
