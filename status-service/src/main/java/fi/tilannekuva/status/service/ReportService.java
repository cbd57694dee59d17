package fi.tilannekuva.status.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.tilannekuva.kit.events.StatusChanged;
import fi.tilannekuva.kit.outbox.Outbox;
import fi.tilannekuva.kit.outbox.OutboxMessage;
import fi.tilannekuva.status.CurrentRecord;
import fi.tilannekuva.status.RoadmapSnapshot;
import fi.tilannekuva.status.api.ReportReceipt;
import fi.tilannekuva.status.api.ReportRound;
import fi.tilannekuva.status.config.StatusConfig;
import fi.tilannekuva.status.repository.IdempotencyRecordEntity;
import fi.tilannekuva.status.repository.IdempotencyRecordRepository;
import fi.tilannekuva.status.repository.ReportBatchWriter;
import fi.tilannekuva.status.repository.ReportBatchWriter.Current;
import fi.tilannekuva.status.repository.ReportBatchWriter.NewCurrent;
import fi.tilannekuva.status.repository.ReportBatchWriter.NewReport;
import fi.tilannekuva.status.service.ReportValidator.ValidItem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** Stores the units' reports: history, current records and their status-changed events, all in one transaction. */
@ApplicationScoped
public class ReportService {

    @Inject
    RoadmapCatalog roadmaps;

    @Inject
    ReportBatchWriter writer;

    @Inject
    IdempotencyRecordRepository idempotency;

    @Inject
    StatusConfig config;

    @Inject
    ObjectMapper mapper;

    @Inject
    Outbox outbox;

    /**
     * A stored report: the receipt, and whether it is the receipt of an earlier request with the same
     * Idempotency-Key (nothing stored now). How that becomes an HTTP answer is the REST layer's business.
     *
     * @param body the JSON body ({@link ReportReceipt})
     * @param replayed whether this is the stored answer to an earlier request with the same Idempotency-Key
     */
    public record Submitted(String receipt, boolean replayed) {}

    /**
     * Stores a unit's report: every item goes to the history; an item that is not older than the current record
     * of its subtask becomes the current record, with the next version and a status-changed event in the outbox.
     * All of it commits together or not at all. Reports of one unit are applied one after the other.
     *
     * @param round the report; the caller has checked that the unit is the caller's own
     * @param idempotencyKey the client's Idempotency-Key, or null
     * @return the receipt; for a known key with the same body, the first receipt again (nothing is stored)
     * @throws RoadmapUnknownException when no roadmap has been received yet
     * @throws ReportRejectedException when any part of the report is invalid (nothing is stored)
     * @throws IdempotencyConflictException when the key was used with another body
     */
    @Transactional
    public Submitted submit(ReportRound round, String idempotencyKey) {
        return submit(round, idempotencyKey, Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    /**
     * Stores a report as if it had been received at {@code receivedAt}: only for the local stack's demo, whose rounds
     * lie in 2021 and whose completeness and timeliness are judged on the time a report was received. Never reachable
     * from the API.
     */
    @Transactional
    public Submitted submitReceivedAt(ReportRound round, String idempotencyKey, Instant receivedAt) {
        return submit(round, idempotencyKey, receivedAt.truncatedTo(ChronoUnit.MICROS));
    }

    private Submitted submit(ReportRound round, String idempotencyKey, Instant now) {
        RoadmapSnapshot roadmap = roadmaps.current().orElseThrow(RoadmapUnknownException::new);
        String region = round.region() == null ? "" : round.region();
        writer.lockUnit(region);
        String hash = null;
        if (idempotencyKey != null) {
            hash = hash(round);
            var earlier = idempotency.findFor(region, idempotencyKey);
            if (earlier.isPresent()) {
                if (!earlier.get().requestHash.equals(hash)) {
                    throw new IdempotencyConflictException(idempotencyKey);
                }
                return new Submitted(earlier.get().responseBody, true);
            }
        }
        List<ValidItem> items = new ReportValidator(
                        config.reports().maxCommentLength(), config.reports().clockSkew())
                .validate(round, roadmap, now);
        ReportReceipt receipt = store(region, roadmap.version(), items, now);
        String body = json(receipt);
        if (idempotencyKey != null) {
            IdempotencyRecordEntity record = new IdempotencyRecordEntity();
            record.region = region;
            record.idempotencyKey = idempotencyKey;
            record.requestHash = hash;
            record.responseStatus = 201;
            record.responseBody = body;
            record.createdAt = Instant.now();
            idempotency.persist(record);
        }
        return new Submitted(body, false);
    }

    private ReportReceipt store(String region, int roadmapVersion, List<ValidItem> items, Instant now) {
        List<NewReport> reports = new ArrayList<>(items.size());
        for (ValidItem item : items) {
            reports.add(new NewReport(
                    item.subtask(), item.status().name(), item.comment(), item.supportNeeded(), item.reportedAt()));
        }
        Map<String, Long> reportIds = writer.insertReports(region, roadmapVersion, reports, now);
        Map<String, Current> current =
                writer.currentOf(region, items.stream().map(ValidItem::subtask).toList());
        List<NewCurrent> changed = new ArrayList<>();
        List<OutboxMessage> events = new ArrayList<>();
        List<ReportReceipt.Change> changes = new ArrayList<>();
        int statusChanged = 0;
        for (ValidItem item : items) {
            Current before = current.get(item.subtask());
            if (!CurrentRecord.replaces(before == null ? null : before.reportedAt(), item.reportedAt())) {
                continue;
            }
            int version = CurrentRecord.nextVersion(before == null ? null : before.version());
            String previousStatus = before == null ? null : before.status();
            String status = item.status().name();
            if (!status.equals(previousStatus)) {
                statusChanged++;
            }
            changed.add(new NewCurrent(
                    item.subtask(),
                    item.group(),
                    reportIds.get(item.subtask()),
                    status,
                    item.comment(),
                    item.supportNeeded(),
                    item.reportedAt(),
                    version));
            String eventId = UUID.randomUUID().toString();
            StatusChanged event = new StatusChanged(
                    eventId,
                    region,
                    item.subtask(),
                    roadmapVersion,
                    status,
                    previousStatus,
                    item.comment(),
                    item.supportNeeded(),
                    item.reportedAt(),
                    now,
                    version);
            events.add(new OutboxMessage(eventId, config.outbox().topic(), region, event.toCloudEvent(mapper)));
            changes.add(new ReportReceipt.Change(item.subtask(), version, status, previousStatus));
        }
        writer.upsertCurrent(region, roadmapVersion, changed, now);
        outbox.append(events);
        return new ReportReceipt(
                region,
                roadmapVersion,
                now,
                items.size(),
                changed.size(),
                statusChanged,
                items.size() - changed.size(),
                changes);
    }

    private String hash(ReportRound round) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(json(round).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(Objects.requireNonNull(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "could not serialise " + value.getClass().getSimpleName(), e);
        }
    }
}
