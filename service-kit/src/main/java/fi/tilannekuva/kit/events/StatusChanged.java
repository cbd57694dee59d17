package fi.tilannekuva.kit.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;

/**
 * The data of a status-changed event: the current record of a (unit, subtask) changed. status-service writes it,
 * situation-service reads it; the schema is status-service's {@code events/status-changed.schema.json}.
 *
 * @param eventId the envelope id
 * @param region the unit code (also the record key)
 * @param subtask the subtask id, e.g. "JO-E-5.8"
 * @param roadmapVersion the roadmap version the item was validated against
 * @param status the new current status
 * @param previousStatus the status of the record it replaced, null on the first record
 * @param comment the unit's comment, or null
 * @param supportNeeded whether the unit asks for support on this subtask
 * @param reportedAt when the unit says the status held
 * @param recordedAt when status-service stored the change
 * @param version 1 for the first record of (region, subtask), then one more on each change
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record StatusChanged(
        String eventId,
        String region,
        String subtask,
        Integer roadmapVersion,
        String status,
        String previousStatus,
        String comment,
        boolean supportNeeded,
        Instant reportedAt,
        Instant recordedAt,
        long version) {

    /** The envelope {@code source}. */
    public static final String SOURCE = "/tilannekuva/status-service";

    /** The envelope {@code type}. */
    public static final String TYPE = "fi.tilannekuva.status.changed.v1";

    /** This data in its CloudEvents envelope, as the record value. */
    public String toCloudEvent(ObjectMapper mapper) {
        return CloudEvents.write(mapper, eventId, SOURCE, TYPE, region + "/" + subtask, recordedAt, this);
    }
}
