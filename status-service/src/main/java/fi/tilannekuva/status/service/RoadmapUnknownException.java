package fi.tilannekuva.status.service;

/** No roadmap has been received from roadmap-published yet, so reports cannot be validated. */
public class RoadmapUnknownException extends RuntimeException {

    public RoadmapUnknownException() {
        super("No roadmap version has been received from roadmap-published yet; reports cannot be validated."
                + " Retry after roadmap-service has published a roadmap.");
    }
}
