package fi.tilannekuva.situation.drilldown.rest;

import fi.tilannekuva.kit.problem.PageRequest;
import fi.tilannekuva.kit.reform.Group;
import fi.tilannekuva.kit.security.Callers;
import fi.tilannekuva.situation.drilldown.api.RiskReasonView;
import fi.tilannekuva.situation.drilldown.api.RiskView;
import fi.tilannekuva.situation.drilldown.api.RisksView;
import fi.tilannekuva.situation.drilldown.service.RiskService;
import fi.tilannekuva.situation.picture.model.RiskScoring.Reason;
import fi.tilannekuva.situation.picture.rest.Downloads;
import fi.tilannekuva.situation.picture.rest.Params;
import fi.tilannekuva.situation.picture.service.ExportService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Where to act: the ranked risks, as JSON and CSV. Public to read; support requests only for allowed callers. */
@Path("/api/v1/situation")
@Tag(name = "situation")
public class RiskResource {

    /** The largest page. */
    public static final int MAX_SIZE = 500;

    private static final String DESCRIPTION = "One signal per unit × group with a score that is the sum of its reasons'"
            + " points (README 'Risk ranking'): NEVER_REPORTED 100; NOT_REPORTED_THIS_ROUND 15; OVERDUE_CRITICAL 15 ×"
            + " Σ min(1 + days late / 30, 4) / tracked; DELAYED 30 × the delayed share; SUPPORT_REQUESTED 5 each, at most 20,"
            + " only for the role reader or the unit's own region-reporter token (for other callers neither listed"
            + " nor scored); BELOW_PEER_MEDIAN the gap (10 points or more below the other reporting units' median"
            + " progress); FALLING 2 × the fall in progress since the previous round by what the unit reported."
            + " Severity HIGH from 40, MEDIUM from 15. Judged as of asOf, or a frozen round's instant with its"
            + " window (round), never the wall clock. Paged with the total; rank is the place in the whole ranking.";

    @Inject
    RiskService risks;

    @Inject
    Callers callers;

    @Inject
    ExportService export;

    @GET
    @Path("/risks")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The ranked risks: where to act, the highest score first", description = DESCRIPTION)
    @APIResponse(
            responseCode = "200",
            description = "One page of the ranking",
            content = @Content(schema = @Schema(implementation = RisksView.class)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid (problem+json naming it)")
    @APIResponse(responseCode = "404", description = "No such round (problem+json)")
    public RisksView risks(
            @Parameter(example = "lappi") @QueryParam("region") String region,
            @Parameter(example = "PJ") @QueryParam("group") String group,
            @Parameter(description = "Signals with any of these reasons; repeat or separate by commas")
                    @QueryParam("reason")
                    List<String> reason,
            @Parameter(description = "Judge the picture as it stood at this instant") @QueryParam("asOf") String asOf,
            @Parameter(description = "Judge a frozen round: its instant and window", example = "10-21")
                    @QueryParam("round")
                    String round,
            @Parameter(description = "From 0") @QueryParam("page") String page,
            @Parameter(description = "1–500, default 50; size=5 is the national top five") @QueryParam("size")
                    String size) {
        return risks.risks(query(region, group, reason, asOf, round, page, size, 50), callers::mayRead);
    }

    @GET
    @Path("/risks.csv")
    @Produces("text/csv")
    @Operation(
            summary = "The ranked risks as CSV: one row per signal, a column of points per reason",
            description = "Same parameters and numbers as the JSON (default size 500, the largest); the messages in"
                    + " fi, sv and en.")
    public Response risksCsv(
            @QueryParam("region") String region,
            @QueryParam("group") String group,
            @QueryParam("reason") List<String> reason,
            @QueryParam("asOf") String asOf,
            @QueryParam("round") String round,
            @QueryParam("page") String page,
            @QueryParam("size") String size) {
        RisksView view = risks.risks(query(region, group, reason, asOf, round, page, size, MAX_SIZE), callers::mayRead);
        List<List<Object>> table = new ArrayList<>();
        List<Object> header =
                new ArrayList<>(List.of("rank", "region", "name", "group", "score", "severity", "progressPercent"));
        for (Reason code : Reason.values()) {
            header.add(code.name());
        }
        header.addAll(List.of("subtasks", "message_fi", "message_sv", "message_en"));
        table.add(header);
        for (RiskView risk : view.risks()) {
            List<Object> row = new ArrayList<>(List.of(
                    risk.rank(),
                    risk.region(),
                    risk.name().getOrDefault("fi", risk.region()),
                    risk.group().name(),
                    risk.score(),
                    risk.severity()));
            row.add(risk.progressPercent());
            for (Reason code : Reason.values()) {
                row.add(risk.reasons().stream()
                        .filter(found -> found.code().equals(code.name()))
                        .map(RiskReasonView::points)
                        .findFirst()
                        .orElse(null));
            }
            row.add(String.join(
                    " ",
                    risk.reasons().stream()
                            .flatMap(found -> found.subtasks().stream())
                            .distinct()
                            .toList()));
            row.add(risk.message().get("fi"));
            row.add(risk.message().get("sv"));
            row.add(risk.message().get("en"));
            table.add(row);
        }
        return Downloads.csv(export.csv(table), "risks.csv");
    }

    private static RiskService.Query query(
            String region,
            String group,
            List<String> reason,
            String asOf,
            String round,
            String page,
            String size,
            int defaultSize) {
        Params params = new Params();
        Group only = params.group("group", group);
        Set<Reason> reasons = params.constants("reason", reason, Reason.class);
        Instant instant = params.instant("asOf", asOf);
        boolean roundGiven = round != null && !round.isBlank();
        params.require(instant == null || !roundGiven, "round", "give round or asOf, not both");
        PageRequest request = params.page(page, size, defaultSize, MAX_SIZE);
        params.check();
        return new RiskService.Query(
                region == null || region.isBlank() ? null : region.strip(),
                only,
                reasons,
                instant,
                roundGiven ? round.strip() : null,
                request);
    }
}
