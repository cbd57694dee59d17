package fi.tilannekuva.roadmap.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.tilannekuva.kit.problem.CalendarRange;
import fi.tilannekuva.kit.problem.PageRequest;
import fi.tilannekuva.kit.problem.Problem;
import fi.tilannekuva.kit.problem.Problem.ProblemError;
import fi.tilannekuva.kit.problem.ProblemException;
import fi.tilannekuva.kit.reform.Group;
import fi.tilannekuva.kit.security.Callers;
import fi.tilannekuva.roadmap.RoadmapDocument;
import fi.tilannekuva.roadmap.SubtaskFilter;
import fi.tilannekuva.roadmap.api.RoadmapDiff;
import fi.tilannekuva.roadmap.api.RoadmapView;
import fi.tilannekuva.roadmap.api.SubtaskPage;
import fi.tilannekuva.roadmap.api.VersionSummary;
import fi.tilannekuva.roadmap.config.RoadmapConfig;
import fi.tilannekuva.roadmap.service.RoadmapService;
import fi.tilannekuva.roadmap.service.VersionRef;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Publishes roadmap versions and reads them: tree, flat subtask list, diff; JSON and CSV. */
@Path("/api/v1/roadmaps")
@Tag(name = "Roadmap")
public class RoadmapResource {

    static final String CSV = "text/csv";
    private static final String CSV_UTF8 = "text/csv; charset=UTF-8";

    @Inject
    RoadmapService roadmaps;

    @Inject
    ObjectMapper json;

    @Inject
    RoadmapConfig config;

    @POST
    @Consumes({MediaType.APPLICATION_JSON, CSV})
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Callers.ROADMAP_ADMIN)
    @SecurityRequirement(name = "jwt")
    @Operation(
            summary = "Publish a new roadmap version",
            description = "The whole roadmap as a JSON document, or as CSV (one row per subtask, `label` as a query"
                    + " parameter). All or nothing: every problem is named in one 422 answer and nothing is stored."
                    + " The version and its `roadmap-published` event are stored in one transaction.")
    @RequestBody(
            required = true,
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = RoadmapDocument.class),
                        examples = @ExampleObject(name = "document", value = ApiExamples.DOCUMENT)),
                @Content(
                        mediaType = CSV,
                        schema = @Schema(type = SchemaType.STRING),
                        examples = @ExampleObject(name = "csv", value = ApiExamples.CSV))
            })
    @APIResponse(
            responseCode = "201",
            description = "Published; `Location` names the new version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = VersionSummary.class),
                            examples = @ExampleObject(name = "published", value = ApiExamples.PUBLISHED)))
    @APIResponse(
            responseCode = "400",
            description = "The body is not JSON of the document's shape (e.g. a task number \"five\")",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "unreadable", value = ApiExamples.UNREADABLE_JSON)))
    @APIResponse(
            responseCode = "401",
            description = "No or invalid bearer token",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "unauthorized", value = ApiExamples.UNAUTHORIZED)))
    @APIResponse(
            responseCode = "403",
            description = "The token lacks the role roadmap-admin",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "forbidden", value = ApiExamples.FORBIDDEN)))
    @APIResponse(
            responseCode = "415",
            description = "Neither JSON nor CSV",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "unsupported", value = ApiExamples.UNSUPPORTED)))
    @APIResponse(
            responseCode = "422",
            description = "The document is invalid; every problem is named (JSON pointers, or CSV lines)",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class),
                            examples = {
                                @ExampleObject(name = "json", value = ApiExamples.INVALID_ROADMAP),
                                @ExampleObject(name = "csv", value = ApiExamples.INVALID_CSV)
                            }))
    public Response publish(
            @Parameter(description = "The label of the new version (CSV only; JSON carries its own)")
                    @QueryParam("label")
                    String label,
            @Context HttpHeaders headers,
            @Context UriInfo uri,
            byte[] body)
            throws IOException {
        VersionSummary published;
        MediaType type = headers.getMediaType();
        if (type != null && type.isCompatible(MediaType.valueOf(CSV))) {
            // Bytes, decoded here: a CSV sent without a charset is UTF-8 (RFC 7111 / 6657), never Latin-1.
            published = roadmaps.publishCsv(label, new String(body, charset(type)));
        } else {
            RoadmapDocument document = body == null || new String(body, StandardCharsets.UTF_8).isBlank()
                    ? null
                    : json.readValue(body, RoadmapDocument.class);
            published = roadmaps.publish(document);
        }
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(Integer.toString(published.version()))
                        .build())
                .entity(published)
                .type(MediaType.APPLICATION_JSON)
                .build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The published versions", description = "Oldest first; the last one is current.")
    @APIResponse(
            responseCode = "200",
            description = "Every version without its tree",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = VersionSummary.class),
                            examples = @ExampleObject(name = "versions", value = ApiExamples.VERSIONS)))
    public List<VersionSummary> versions() {
        return roadmaps.listVersions();
    }

    @GET
    @Path("/{version}")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(
            summary = "One whole version",
            description = "The tree with ids (`Accept: application/json`, the default), or CSV with one row per"
                    + " subtask (`Accept: text/csv` or `?format=csv`), which `POST` accepts back unchanged.")
    @APIResponse(
            responseCode = "200",
            description = "The version",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = RoadmapView.class),
                        examples = @ExampleObject(name = "roadmap", value = ApiExamples.ROADMAP)),
                @Content(
                        mediaType = CSV,
                        schema = @Schema(type = SchemaType.STRING),
                        examples = @ExampleObject(name = "csv", value = ApiExamples.CSV))
            })
    @APIResponse(
            responseCode = "404",
            description = "No such version (or none published yet, for `current`)",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "not-found", value = ApiExamples.NOT_FOUND)))
    @APIResponse(
            responseCode = "406",
            description = "Neither JSON nor CSV acceptable",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "not-acceptable", value = ApiExamples.NOT_ACCEPTABLE)))
    public Response version(
            @Parameter(description = "A version number, or `current`", example = "current") @PathParam("version")
                    String version,
            @Parameter(description = "`csv` for CSV regardless of `Accept`") @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        VersionRef ref = VersionRef.parse(version);
        if (wantsCsv(format, headers)) {
            return Response.ok(roadmaps.exportCsv(ref), CSV_UTF8)
                    .header("Content-Disposition", "attachment; filename=\"roadmap-" + ref + ".csv\"")
                    .build();
        }
        return Response.ok(roadmaps.get(ref), MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/{version}/subtasks")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "The flat subtask list of a version",
            description = "Filterable; every filter given must match. Paged, in roadmap order, with the total count.")
    @APIResponse(
            responseCode = "200",
            description = "One page",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SubtaskPage.class),
                            examples = @ExampleObject(name = "page", value = ApiExamples.SUBTASKS)))
    @APIResponse(
            responseCode = "400",
            description = "A filter or paging parameter cannot be used; each is named",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "invalid-query", value = ApiExamples.INVALID_QUERY)))
    @APIResponse(
            responseCode = "404",
            description = "No such version",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "not-found", value = ApiExamples.NOT_FOUND)))
    public SubtaskPage subtasks(
            @Parameter(description = "A version number, or `current`", example = "current") @PathParam("version")
                    String version,
            @Parameter(description = "Preparation group", example = "JO") @QueryParam("group") String group,
            @Parameter(description = "Entity id", example = "JO-E") @QueryParam("entity") String entity,
            @Parameter(description = "`true` for critical (tracked) subtasks, `false` for the others", example = "true")
                    @QueryParam("critical")
                    String critical,
            @Parameter(description = "Only subtasks applicable to this unit", example = "helsinki")
                    @QueryParam("region")
                    String region,
            @Parameter(description = "Schedule overlaps a window starting this day", example = "2021-04-01")
                    @QueryParam("from")
                    String from,
            @Parameter(description = "Schedule overlaps a window ending this day", example = "2021-12-31")
                    @QueryParam("to")
                    String to,
            @Parameter(description = "0-based page index", example = "0") @QueryParam("page") String page,
            @Parameter(description = "Page size (default 50, at most 500)", example = "50") @QueryParam("size")
                    String size) {
        VersionRef ref = VersionRef.parse(version);
        List<ProblemError> errors = new ArrayList<>();
        if (group != null && Group.parse(group).isEmpty()) {
            errors.add(error("group", "group must be one of HTT, JO, PJ, YP, ICT, was '" + group + "'"));
        }
        if (entity != null && !entity.matches("(HTT|JO|PJ|YP|ICT)-[A-Z]")) {
            errors.add(error("entity", "entity must be an entity id like JO-E, was '" + entity + "'"));
        }
        Boolean criticalFilter = null;
        if (critical != null) {
            if (critical.equals("true") || critical.equals("false")) {
                criticalFilter = Boolean.valueOf(critical);
            } else {
                errors.add(error("critical", "critical must be true or false, was '" + critical + "'"));
            }
        }
        if (region != null
                && roadmaps.listRegions().stream().noneMatch(r -> r.code().equals(region))) {
            errors.add(error("region", "unknown unit code '" + region + "'"));
        }
        LocalDate fromDate = date("from", from, errors);
        LocalDate toDate = date("to", to, errors);
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            errors.add(error("from", "from " + fromDate + " is after to " + toDate));
        }
        PageRequest paging = PageRequest.parse(
                page, size, config.paging().defaultSize(), config.paging().maxSize(), errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalidParameters(errors);
        }
        return roadmaps.listSubtasks(
                ref,
                new SubtaskFilter(group, entity, criticalFilter, region, fromDate, toDate),
                paging.page(),
                paging.size());
    }

    @GET
    @Path("/{from}/diff/{to}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "What changed between two versions",
            description = "Subtasks added, removed, and changed (naming each changed field: name, critical,"
                    + " schedule, appliesTo, with old and new values). Any two versions, either may be `current`.")
    @APIResponse(
            responseCode = "200",
            description = "The differences",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RoadmapDiff.class),
                            examples = @ExampleObject(name = "diff", value = ApiExamples.DIFF)))
    @APIResponse(
            responseCode = "404",
            description = "Either version does not exist",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "not-found", value = ApiExamples.NOT_FOUND)))
    public RoadmapDiff diff(
            @Parameter(description = "The version compared from", example = "1") @PathParam("from") String from,
            @Parameter(description = "The version compared to", example = "current") @PathParam("to") String to) {
        return roadmaps.diff(VersionRef.parse(from), VersionRef.parse(to));
    }

    private static Charset charset(MediaType type) {
        try {
            return Charset.forName(type.getParameters().getOrDefault("charset", "UTF-8"));
        } catch (IllegalArgumentException e) {
            throw new NotSupportedException(
                    "Unknown charset " + type.getParameters().get("charset"));
        }
    }

    private static boolean wantsCsv(String format, HttpHeaders headers) {
        if (format != null) {
            if (format.equals("csv")) {
                return true;
            }
            if (format.equals("json")) {
                return false;
            }
            throw new NotAcceptableException();
        }
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (accepted.isWildcardType() || accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (accepted.isCompatible(MediaType.valueOf(CSV))) {
                return true;
            }
        }
        return false;
    }

    private static LocalDate date(String name, String value, List<ProblemError> errors) {
        if (value == null) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value);
            if (!CalendarRange.contains(date)) {
                errors.add(error(name, name + " " + CalendarRange.RULE + ", was '" + Problem.bounded(value) + "'"));
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            errors.add(error(name, name + " must be a date YYYY-MM-DD, was '" + Problem.bounded(value) + "'"));
            return null;
        }
    }

    private static ProblemError error(String parameter, String message) {
        return ProblemError.parameter(parameter, message);
    }
}
