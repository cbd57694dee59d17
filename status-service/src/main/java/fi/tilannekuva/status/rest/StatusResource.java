package fi.tilannekuva.status.rest;

import fi.tilannekuva.kit.problem.Problem.ProblemError;
import fi.tilannekuva.kit.problem.ProblemException;
import fi.tilannekuva.kit.security.Callers;
import fi.tilannekuva.status.Status;
import fi.tilannekuva.status.Units;
import fi.tilannekuva.status.api.HistoryEntry;
import fi.tilannekuva.status.api.PageView;
import fi.tilannekuva.status.api.StatusView;
import fi.tilannekuva.status.service.StatusQueryService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Current statuses, histories and support requests: raw reports, for readers and the unit itself. */
@Path("/api/v1")
@Tag(name = "Statuses")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Callers.READER, Callers.REGION_REPORTER})
public class StatusResource {

    private static final Set<String> GROUPS = Set.of("HTT", "JO", "PJ", "YP", "ICT");
    private static final int MAX_PAGE_SIZE = 1000;

    @Inject
    StatusQueryService queries;

    @Inject
    Callers callers;

    @GET
    @Path("/regions/{region}/statuses")
    @Operation(
            summary = "The current status of each subtask a unit has reported, by subtask id",
            description = "With comments and support requests: the role reader, or the unit's own region-reporter"
                    + " token. Filter by group and status; paged.")
    public PageView<StatusView> statuses(
            @Parameter(example = "lappi") @PathParam("region") String region,
            @Parameter(description = "HTT, JO, PJ, YP or ICT") @QueryParam("group") String group,
            @Parameter(description = "one of the five statuses") @QueryParam("status") String status,
            @QueryParam("page") @DefaultValue("0") String page,
            @QueryParam("size") @DefaultValue("100") String size) {
        requireReaderOf(region);
        if (group != null && !GROUPS.contains(group)) {
            throw ProblemException.invalidParameter("group", "must be one of HTT, JO, PJ, YP, ICT");
        }
        if (status != null && Status.parse(status).isEmpty()) {
            throw ProblemException.invalidParameter(
                    "status", "must be one of NOT_STARTED, IN_PROGRESS, ON_SCHEDULE, DELAYED, DONE");
        }
        Paging paging = paging(page, size);
        return queries.currentStatuses(region, group, status, paging.page(), paging.size());
    }

    @GET
    @Path("/regions/{region}/subtasks/{subtask}/history")
    @Operation(
            summary = "Every item received for one subtask of a unit, newest received first",
            description = "The history, including items older than the current record; the role reader or the"
                    + " unit's own token; paged.")
    public PageView<HistoryEntry> history(
            @Parameter(example = "lappi") @PathParam("region") String region,
            @Parameter(example = "JO-E-5.8") @PathParam("subtask") String subtask,
            @QueryParam("page") @DefaultValue("0") String page,
            @QueryParam("size") @DefaultValue("100") String size) {
        requireReaderOf(region);
        Paging paging = paging(page, size);
        return queries.history(region, subtask, paging.page(), paging.size());
    }

    @GET
    @Path("/regions/{region}/support-requests")
    @Operation(
            summary = "A unit's open support requests: current records with supportNeeded",
            description = "The role reader or the unit's own token; paged.")
    public PageView<StatusView> supportRequestsOf(
            @Parameter(example = "lappi") @PathParam("region") String region,
            @QueryParam("page") @DefaultValue("0") String page,
            @QueryParam("size") @DefaultValue("100") String size) {
        requireReaderOf(region);
        Paging paging = paging(page, size);
        return queries.openSupportRequests(region, paging.page(), paging.size());
    }

    @GET
    @Path("/support-requests")
    @RolesAllowed(Callers.READER)
    @Operation(
            summary = "Every unit's open support requests (role reader)",
            description = "Current records with supportNeeded of every unit, for the ministry's support planning;"
                    + " paged.")
    public PageView<StatusView> supportRequests(
            @QueryParam("page") @DefaultValue("0") String page, @QueryParam("size") @DefaultValue("100") String size) {
        Paging paging = paging(page, size);
        return queries.openSupportRequests(null, paging.page(), paging.size());
    }

    private void requireReaderOf(String region) {
        if (!Units.ALL.contains(region)) {
            throw ProblemException.notFound("No reporting unit has this code.");
        }
        callers.requireReaderOf(region);
    }

    private record Paging(int page, int size) {}

    /** The page asked for, or 400 naming every bad parameter: not a whole number, out of range, or too far. */
    private static Paging paging(String pageText, String sizeText) {
        List<ProblemError> errors = new ArrayList<>();
        Integer page = whole(pageText);
        Integer size = whole(sizeText);
        if (page == null || page < 0) {
            errors.add(ProblemError.parameter("page", "must be a whole number, 0 or more"));
        }
        if (size == null || size < 1 || size > MAX_PAGE_SIZE) {
            errors.add(ProblemError.parameter("size", "must be a whole number between 1 and " + MAX_PAGE_SIZE));
        }
        if (errors.isEmpty() && (long) page * size > Integer.MAX_VALUE) {
            errors.add(ProblemError.parameter("page", "page × size must stay below " + Integer.MAX_VALUE));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidParameters(errors);
        }
        return new Paging(page, size);
    }

    private static Integer whole(String text) {
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
