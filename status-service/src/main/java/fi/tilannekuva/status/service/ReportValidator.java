package fi.tilannekuva.status.service;

import fi.tilannekuva.status.RoadmapSnapshot;
import fi.tilannekuva.status.Status;
import fi.tilannekuva.status.api.ReportRound;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Checks a report against the current roadmap, collecting every problem rather than stopping at the first. */
public final class ReportValidator {

    private final int maxCommentLength;
    private final Duration clockSkew;

    /**
     * @param maxCommentLength the longest comment accepted
     * @param clockSkew how far in the future {@code reportedAt} may lie
     */
    public ReportValidator(int maxCommentLength, Duration clockSkew) {
        this.maxCommentLength = maxCommentLength;
        this.clockSkew = clockSkew;
    }

    /**
     * An item that passed every check, resolved against the roadmap.
     *
     * @param subtask the subtask id
     * @param group its preparation group
     * @param status the reported status
     * @param comment the comment, or null
     * @param supportNeeded whether support is asked for
     * @param reportedAt the item's own instant or the round's
     */
    public record ValidItem(
            String subtask, String group, Status status, String comment, boolean supportNeeded, Instant reportedAt) {}

    /**
     * Validates a whole report.
     *
     * @param round the report as received
     * @param roadmap the current roadmap
     * @param now the current time
     * @return the resolved items, in request order
     * @throws ReportRejectedException naming every problem when anything is invalid
     */
    public List<ValidItem> validate(ReportRound round, RoadmapSnapshot roadmap, Instant now) {
        List<ItemError> errors = new ArrayList<>();
        String region = round.region();
        if (region == null || region.isBlank()) {
            errors.add(new ItemError(null, "region", "region is required"));
        } else if (!roadmap.knowsRegion(region)) {
            errors.add(new ItemError(
                    null, "region", "'" + region + "' is not a unit of roadmap version " + roadmap.version()));
        }
        Instant roundReportedAt = null;
        if (round.reportedAt() != null) {
            roundReportedAt = parseInstant(round.reportedAt(), null, now, errors);
        }
        if (round.items() == null || round.items().isEmpty()) {
            errors.add(new ItemError(null, "items", "items must hold at least one item"));
            throw new ReportRejectedException(errors);
        }
        List<ValidItem> valid = new ArrayList<>(round.items().size());
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < round.items().size(); i++) {
            ValidItem item = validateItem(
                    i, round.items().get(i), region, roundReportedAt, round.reportedAt(), roadmap, now, errors);
            if (item != null) {
                Integer first = firstIndex.putIfAbsent(item.subtask(), i);
                if (first != null) {
                    errors.add(new ItemError(
                            i, "subtask", "subtask " + item.subtask() + " is already reported by item " + first));
                }
                valid.add(item);
            }
        }
        if (!errors.isEmpty()) {
            throw new ReportRejectedException(errors);
        }
        return valid;
    }

    private ValidItem validateItem(
            int index,
            ReportRound.ReportItem item,
            String region,
            Instant roundReportedAt,
            String roundReportedAtText,
            RoadmapSnapshot roadmap,
            Instant now,
            List<ItemError> errors) {
        if (item == null) {
            errors.add(new ItemError(index, null, "the item is null"));
            return null;
        }
        int before = errors.size();
        RoadmapSnapshot.Subtask subtask = null;
        if (item.subtask() == null || item.subtask().isBlank()) {
            errors.add(new ItemError(index, "subtask", "subtask is required"));
        } else {
            subtask = roadmap.subtasks().get(item.subtask());
            if (subtask == null) {
                errors.add(new ItemError(
                        index,
                        "subtask",
                        "subtask " + item.subtask() + " does not exist in roadmap version " + roadmap.version()));
            } else if (region != null && !subtask.appliesTo(region)) {
                errors.add(new ItemError(
                        index, "subtask", "subtask " + item.subtask() + " does not apply to unit " + region));
            }
        }
        Status status = null;
        if (item.status() == null) {
            errors.add(new ItemError(index, "status", "status is required"));
        } else {
            status = Status.parse(item.status()).orElse(null);
            if (status == null) {
                errors.add(new ItemError(
                        index,
                        "status",
                        "status '" + item.status()
                                + "' is not one of NOT_STARTED, IN_PROGRESS, ON_SCHEDULE, DELAYED, DONE"));
            }
        }
        if (item.comment() != null && item.comment().indexOf('\0') >= 0) {
            // PostgreSQL refuses NUL in text columns: name it here rather than fail the whole round at the insert.
            errors.add(new ItemError(index, "comment", "comment must not contain the NUL character (U+0000)"));
        } else if (item.comment() != null && item.comment().length() > maxCommentLength) {
            errors.add(new ItemError(
                    index,
                    "comment",
                    "comment has " + item.comment().length() + " characters; at most " + maxCommentLength
                            + " are accepted"));
        }
        Instant reportedAt = roundReportedAt;
        if (item.reportedAt() != null) {
            reportedAt = parseInstant(item.reportedAt(), index, now, errors);
        } else if (reportedAt == null && roundReportedAtText == null) {
            errors.add(new ItemError(index, "reportedAt", "reportedAt is required (on the report or on the item)"));
        }
        if (errors.size() > before || subtask == null) {
            return null;
        }
        return new ValidItem(
                subtask.id(),
                subtask.group(),
                status,
                item.comment(),
                Boolean.TRUE.equals(item.supportNeeded()),
                reportedAt);
    }

    private Instant parseInstant(String text, Integer index, Instant now, List<ItemError> errors) {
        Instant instant;
        try {
            instant = OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new ItemError(
                    index,
                    "reportedAt",
                    "reportedAt '" + text + "' is not an RFC 3339 instant (2021-10-15T09:00:00Z)"));
            return null;
        }
        if (instant.isAfter(now.plus(clockSkew))) {
            errors.add(new ItemError(index, "reportedAt", "reportedAt " + text + " is in the future"));
            return null;
        }
        return instant;
    }
}
