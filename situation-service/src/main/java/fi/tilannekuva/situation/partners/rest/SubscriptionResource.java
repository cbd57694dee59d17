package fi.tilannekuva.situation.partners.rest;

import fi.tilannekuva.kit.problem.ProblemException;
import fi.tilannekuva.kit.security.Callers;
import fi.tilannekuva.situation.partners.api.CreatedSubscription;
import fi.tilannekuva.situation.partners.api.DeliveryLog;
import fi.tilannekuva.situation.partners.api.NewSecret;
import fi.tilannekuva.situation.partners.api.NewSubscription;
import fi.tilannekuva.situation.partners.api.RedeliveryRequest;
import fi.tilannekuva.situation.partners.api.ReplayRequest;
import fi.tilannekuva.situation.partners.api.ReplayView;
import fi.tilannekuva.situation.partners.api.SecretRotation;
import fi.tilannekuva.situation.partners.api.SubscriptionChange;
import fi.tilannekuva.situation.partners.api.SubscriptionView;
import fi.tilannekuva.situation.partners.service.EventFeed;
import fi.tilannekuva.situation.partners.service.PartnerEvents;
import fi.tilannekuva.situation.partners.service.SubscriptionService;
import fi.tilannekuva.situation.partners.service.SubscriptionService.Caller;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The partners' subscriptions: signed webhooks (Standard Webhooks, each delivery one CloudEvent), their delivery log,
 * redelivery and replay, and the pull feed (a CloudEvents batch after a cursor, long-polling). The ministry
 * (roadmap-admin) manages them; a partner (role partner, claim partner) reads and replays its own.
 */
@Path("/api/v1/subscriptions")
@Tag(name = "subscriptions")
@SecurityRequirement(name = "jwt")
public class SubscriptionResource {

    /** The CloudEvents batch format's media type. */
    public static final String BATCH = "application/cloudevents-batch+json";

    static final int MAX_LIMIT = 1000;
    static final int MAX_WAIT_SECONDS = 30;

    @Inject
    SubscriptionService subscriptions;

    @Inject
    EventFeed feed;

    @Inject
    Callers callers;

    @POST
    @RolesAllowed(Callers.ROADMAP_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Subscribe a partner",
            description = "Creates a subscription: the events it receives (types, units, groups), where (a webhook "
                    + "endpoint, or none for the feed only) and whether it may see comments and support requests. "
                    + "It receives the events journaled from now on; a replay brings earlier ones. The signing secret "
                    + "is in this answer only. Role roadmap-admin.")
    @APIResponse(
            responseCode = "201",
            description = "The subscription and its secret",
            content = @Content(schema = @Schema(implementation = CreatedSubscription.class)))
    @APIResponse(responseCode = "422", description = "Invalid fields, all named (problem+json)")
    public Response createSubscription(NewSubscription request) {
        if (request == null) {
            throw ProblemException.missingBody("A JSON body is required.");
        }
        CreatedSubscription created = subscriptions.create(request);
        return Response.created(URI.create(
                        "/api/v1/subscriptions/" + created.subscription().id()))
                .entity(created)
                .build();
    }

    @GET
    @RolesAllowed({Callers.ROADMAP_ADMIN, Callers.PARTNER})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "The subscriptions",
            description = "Every subscription for roadmap-admin; a partner's own for the role partner.")
    public List<SubscriptionView> listSubscriptions() {
        return subscriptions.list(caller());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Callers.ROADMAP_ADMIN, Callers.PARTNER})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "One subscription",
            description = "Its filters, state, cursor and backlog. A partner sees its own only (404 for others).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "404", description = "No such subscription for this caller (problem+json)")
    public SubscriptionView getSubscription(@PathParam("id") String id) {
        return subscriptions.get(uuid(id), caller());
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed(Callers.ROADMAP_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Change a subscription",
            description = "Changes the fields given. state ACTIVE resumes a FAILING or DISABLED subscription from the "
                    + "event where it stopped; DISABLED pauses it. Role roadmap-admin.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "422", description = "Invalid fields, all named (problem+json)")
    public SubscriptionView changeSubscription(@PathParam("id") String id, SubscriptionChange change) {
        if (change == null) {
            throw ProblemException.missingBody("A JSON body is required.");
        }
        return subscriptions.change(uuid(id), change, caller());
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Callers.ROADMAP_ADMIN)
    @Operation(summary = "Delete a subscription", description = "With its delivery log. Role roadmap-admin.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response deleteSubscription(@PathParam("id") String id) {
        subscriptions.delete(uuid(id), caller());
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/secret")
    @RolesAllowed({Callers.ROADMAP_ADMIN, Callers.PARTNER})
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Rotate the signing secret",
            description = "A new secret, in this answer only; the previous one keeps signing beside it (two "
                    + "signatures in webhook-signature) for the grace, default PT24H, at most P7D.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = NewSecret.class)))
    public NewSecret rotateSecret(@PathParam("id") String id, SecretRotation rotation) {
        return subscriptions.rotate(uuid(id), rotation, caller());
    }

    @GET
    @Path("/{id}/deliveries")
    @RolesAllowed({Callers.ROADMAP_ADMIN, Callers.PARTNER})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "The delivery log",
            description = "Every attempt, newest first: the event, the attempt's number and kind, the HTTP status or "
                    + "the error, the latency and the next retry. Pages go before= the last attempt's id.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DeliveryLog.class)))
    public DeliveryLog listDeliveries(
            @PathParam("id") String id,
            @Parameter(description = "Attempts older than this attempt id") @QueryParam("before") String before,
            @Parameter(description = "At most this many (1–1000, default 100)") @QueryParam("limit") String limit) {
        Long beforeId = before == null ? null : number("before", before);
        return subscriptions.deliveries(uuid(id), beforeId, limit(limit), caller());
    }

    @POST
    @Path("/{id}/redeliveries")
    @RolesAllowed({Callers.ROADMAP_ADMIN, Callers.PARTNER})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Deliver one event again",
            description = "The event (by id, its webhook-id) is delivered once more, ahead of the others, with the "
                    + "same webhook-id; the attempt is in the log as REDELIVERY.")
    @APIResponse(responseCode = "202", description = "Queued")
    @APIResponse(responseCode = "404", description = "The subscription does not take that event (problem+json)")
    @APIResponse(responseCode = "409", description = "A feed-only subscription (problem+json)")
    public Response redeliverEvent(@PathParam("id") String id, RedeliveryRequest request) {
        if (request == null) {
            throw ProblemException.missingBody("A JSON body naming the eventId is required.");
        }
        subscriptions.redeliver(uuid(id), request.eventId(), caller());
        return Response.accepted().build();
    }

    @POST
    @Path("/{id}/replays")
    @RolesAllowed({Callers.ROADMAP_ADMIN, Callers.PARTNER})
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Replay",
            description = "Delivers again, in order and with the same webhook-ids, every event the subscription "
                    + "takes since an instant (the event's time) or after a journal position; then the deliveries "
                    + "go on where they were.")
    @APIResponse(
            responseCode = "202",
            description = "The replay, queued",
            content = @Content(schema = @Schema(implementation = ReplayView.class)))
    @APIResponse(responseCode = "422", description = "Neither or both of since and after (problem+json)")
    public Response replayEvents(@PathParam("id") String id, ReplayRequest request) {
        if (request == null) {
            throw ProblemException.missingBody("A JSON body with since or after is required.");
        }
        ReplayView replay = subscriptions.replay(uuid(id), request, caller());
        return Response.accepted(replay).build();
    }

    @GET
    @Path("/{id}/events")
    @Blocking
    @RolesAllowed({Callers.ROADMAP_ADMIN, Callers.PARTNER})
    @Produces(BATCH)
    @Operation(
            summary = "The event feed",
            description = "The subscription's events after a cursor, oldest first, as a CloudEvents batch (a JSON "
                    + "array of structured events), with the same filtering and redaction as its webhooks. Without "
                    + "after= from the start of history. The next cursor is in the Next-Cursor header and the Link "
                    + "rel=next; an empty page keeps the cursor. wait= (seconds, at most 30) long-polls: the answer "
                    + "comes as soon as an event is committed, or empty when the time is up.")
    @APIResponse(
            responseCode = "200",
            description = "A CloudEvents batch",
            content =
                    @Content(
                            mediaType = BATCH,
                            schema =
                                    @Schema(
                                            type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY,
                                            implementation = Object.class)))
    @APIResponse(responseCode = "400", description = "An invalid cursor, limit, wait or type (problem+json)")
    public Response readEvents(
            @PathParam("id") String id,
            @Parameter(description = "The cursor: events after it (from Next-Cursor)") @QueryParam("after")
                    String after,
            @Parameter(description = "Comma-separated CloudEvents types, each one of the subscription's")
                    @QueryParam("types")
                    String types,
            @Parameter(description = "At most this many events (1–1000, default 100)") @QueryParam("limit")
                    String limit,
            @Parameter(description = "Seconds to wait for an event when there is none (0–30, default 0)")
                    @QueryParam("wait")
                    String wait)
            throws InterruptedException {
        UUID subscription = uuid(id);
        long cursor = after == null ? 0 : number("after", after);
        List<String> typeList = types(types);
        int pageSize = limit(limit);
        int waitSeconds = wait == null ? 0 : (int) bounded("wait", wait, 0, MAX_WAIT_SECONDS);
        EventFeed.Page page =
                feed.read(subscription, caller(), cursor, typeList, pageSize, Duration.ofSeconds(waitSeconds));
        StringBuilder next = new StringBuilder("/api/v1/subscriptions/")
                .append(subscription)
                .append("/events?after=")
                .append(page.next())
                .append("&limit=")
                .append(pageSize);
        if (types != null) {
            next.append("&types=").append(URLEncoder.encode(String.join(",", typeList), StandardCharsets.UTF_8));
        }
        return Response.ok("[" + String.join(",", page.events()) + "]", BATCH)
                .header("Next-Cursor", Long.toString(page.next()))
                .header("Link", "<" + next + ">; rel=\"next\"")
                .build();
    }

    private Caller caller() {
        return new Caller(callers.isMinistry(), callers.partner());
    }

    private static UUID uuid(String id) {
        try {
            if (id != null && id.length() == 36) {
                return UUID.fromString(id);
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw ProblemException.notFound("No subscription " + fi.tilannekuva.kit.problem.Problem.bounded(id) + ".");
    }

    private static List<String> types(String types) {
        if (types == null) {
            return null;
        }
        List<String> list = new ArrayList<>();
        for (String type : types.split(",", -1)) {
            if (!PartnerEvents.TYPES.contains(type)) {
                throw ProblemException.invalidParameter(
                        "types",
                        "unknown type " + fi.tilannekuva.kit.problem.Problem.bounded(type) + "; one of "
                                + PartnerEvents.TYPES);
            }
            list.add(type);
        }
        return list;
    }

    private static int limit(String limit) {
        return limit == null ? 100 : (int) bounded("limit", limit, 1, MAX_LIMIT);
    }

    private static long number(String name, String value) {
        return bounded(name, value, 0, Long.MAX_VALUE / 2);
    }

    private static long bounded(String name, String value, long min, long max) {
        if (value.isEmpty() || value.length() > 18 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw ProblemException.invalidParameter(name, "must be a whole number from " + min + " to " + max);
        }
        long number = Long.parseLong(value);
        if (number < min || number > max) {
            throw ProblemException.invalidParameter(name, "must be a whole number from " + min + " to " + max);
        }
        return number;
    }
}
