package fi.tilannekuva.status.service;

import fi.tilannekuva.kit.problem.Problem;
import fi.tilannekuva.kit.reform.Status;
import fi.tilannekuva.status.RoadmapSnapshot;
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

    /** The earliest reportedAt accepted: the reform's preparation began long after; earlier is a client error. */
    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

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
                    null,
                    "region",
                    "'" + Problem.bounded(region) + "' is not a unit of roadmap version " + roadmap.version()));
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
                            i,
                            "subtask",
                            "subtask " + Problem.bounded(item.subtask()) + " is already reported by item " + first));
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
                        "subtask " + Problem.bounded(item.subtask()) + " does not exist in roadmap version "
                                + roadmap.version()));
            } else if (region != null && !subtask.appliesTo(region)) {
                errors.add(new ItemError(
                        index,
                        "subtask",
                        "subtask " + Problem.bounded(item.subtask()) + " does not apply to unit " + region));
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
                        "status '" + Problem.bounded(item.status())
                                + "' is not one of NOT_STARTED, IN_PROGRESS, ON_SCHEDULE, DELAYED, DONE"));
            }
        }
        String comment = item.comment();
        int loneSurrogate = comment == null ? -1 : loneSurrogate(comment);
        if (comment != null && comment.indexOf('\0') >= 0) {
            // PostgreSQL refuses NUL in text columns: name it here rather than fail the whole round at the insert.
            errors.add(new ItemError(index, "comment", "comment must not contain the NUL character (U+0000)"));
        } else if (loneSurrogate >= 0) {
            // Stored as UTF-8 it would become '?': refuse rather than change what the unit wrote.
            errors.add(new ItemError(
                    index,
                    "comment",
                    "comment is not valid text: a lone UTF-16 surrogate at character " + loneSurrogate));
        } else if (comment != null && comment.codePointCount(0, comment.length()) > maxCommentLength) {
            // Characters as a person counts them (code points), not UTF-16 units: an emoji is one.
            errors.add(new ItemError(
                    index,
                    "comment",
                    "comment has " + comment.codePointCount(0, comment.length()) + " characters; at most "
                            + maxCommentLength + " are accepted"));
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
                    "reportedAt '" + Problem.bounded(text) + "' is not an RFC 3339 instant (2021-10-15T09:00:00Z)"));
            return null;
        }
        if (instant.isBefore(EARLIEST)) {
            errors.add(new ItemError(
                    index, "reportedAt", "reportedAt " + Problem.bounded(text) + " is before " + EARLIEST));
            return null;
        }
        if (instant.isAfter(now.plus(clockSkew))) {
            errors.add(new ItemError(index, "reportedAt", "reportedAt " + Problem.bounded(text) + " is in the future"));
            return null;
        }
        if (instant.getNano() % 1_000 != 0) {
            // Stored with microseconds: a finer instant would be truncated, and an older report could then replace
            // a newer one. Refuse the precision that cannot be kept.
            errors.add(new ItemError(
                    index,
                    "reportedAt",
                    "reportedAt " + Problem.bounded(text) + " is more precise than a microsecond (at most 6"
                            + " fractional digits are kept)"));
            return null;
        }
        return instant;
    }

    /** The index of the first UTF-16 surrogate that is not half of a pair, or -1. */
    static int loneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }
}
