package fi.tilannekuva.status.rest;

import fi.tilannekuva.kit.problem.PageRequest;
import fi.tilannekuva.kit.problem.ProblemException;
import fi.tilannekuva.kit.reform.Status;
import fi.tilannekuva.kit.reform.Units;
import fi.tilannekuva.kit.security.Callers;
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

    private static final int DEFAULT_PAGE_SIZE = 100;

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
        PageRequest paging = PageRequest.parse(page, size, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
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
        PageRequest paging = PageRequest.parse(page, size, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
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
        PageRequest paging = PageRequest.parse(page, size, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
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
        PageRequest paging = PageRequest.parse(page, size, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
        return queries.openSupportRequests(null, paging.page(), paging.size());
    }

    private void requireReaderOf(String region) {
        if (!Units.ALL.contains(region)) {
            throw ProblemException.notFound("No reporting unit has this code.");
        }
        callers.requireReaderOf(region);
    }
}
