package fi.tilannekuva.situation.drilldown.api;

import fi.tilannekuva.kit.reform.Group;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A subtask's status across all units: where it lags. */
public record SubtaskView(
        @Schema(example = "JO-E-5.8") String id,
        Map<String, String> name,
        Group group,
        boolean critical,
        ScheduleView schedule,
        @Schema(nullable = true) Integer roadmapVersion,
        List<SubtaskUnitView> units,
        @Schema(
                        description =
                                "Over the units the subtask applies to: how many have each status; UNREPORTED = no "
                                        + "status reported yet.",
                        example =
                                "{\"NOT_STARTED\": 3, \"IN_PROGRESS\": 10, \"ON_SCHEDULE\": 2, \"DELAYED\": 1, \"DONE\": 5, "
                                        + "\"UNREPORTED\": 2}")
                Map<String, Integer> counts) {}
