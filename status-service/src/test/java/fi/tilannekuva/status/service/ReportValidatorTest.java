package fi.tilannekuva.status.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.tilannekuva.kit.reform.Status;
import fi.tilannekuva.status.RoadmapSnapshot;
import fi.tilannekuva.status.api.ReportRound;
import fi.tilannekuva.status.api.ReportRound.ReportItem;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The checks of a report against the roadmap: every problem named, nothing passes half-way. */
class ReportValidatorTest {

    private static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");
    private static final RoadmapSnapshot ROADMAP = new RoadmapSnapshot(
            3,
            "2022-08-30",
            Set.of("lappi", "helsinki"),
            Map.of(
                    "JO-E-5.8",
                    new RoadmapSnapshot.Subtask("JO-E-5.8", "JO", "Osallisuusohjelma", true, null, null, null),
                    "PJ-H-1.1",
                    new RoadmapSnapshot.Subtask("PJ-H-1.1", "PJ", "Uusimaa", true, null, null, Set.of("helsinki"))));
    private final ReportValidator validator = new ReportValidator(10, Duration.ofMinutes(5));

    @Test
    void aValidItemIsResolvedWithItsGroupAndTheRoundsInstant() {
        var items = validator.validate(
                new ReportRound(
                        "lappi",
                        "2021-10-15T09:00:00Z",
                        List.of(new ReportItem("JO-E-5.8", "DELAYED", "hidas", true, null))),
                ROADMAP,
                NOW);
        assertEquals(1, items.size());
        assertEquals("JO", items.get(0).group());
        assertEquals(Status.DELAYED, items.get(0).status());
        assertEquals(Instant.parse("2021-10-15T09:00:00Z"), items.get(0).reportedAt());
        assertTrue(items.get(0).supportNeeded());
    }

    @Test
    void everyBadItemIsNamedByIndex() {
        var e = assertThrows(
                ReportRejectedException.class,
                () -> validator.validate(
                        new ReportRound(
                                "lappi",
                                null,
                                List.of(
                                        new ReportItem("PJ-H-1.1", "DONE", null, null, "2021-10-15T09:00:00Z"),
                                        new ReportItem("JO-E-5.8", "done", null, null, "2021-10-15T09:00:00Z"),
                                        new ReportItem("JO-E-5.8", "DONE", "far too long", null, null),
                                        new ReportItem("JO-E-9.9", "DONE", null, null, "2026-11-22T08:06:00Z"))),
                        ROADMAP,
                        NOW));
        assertEquals(
                List.of("0 subtask", "1 status", "2 comment", "2 reportedAt", "3 subtask", "3 reportedAt"),
                e.errors().stream().map(x -> x.index() + " " + x.field()).toList());
    }

    @Test
    void theSameSubtaskTwiceIsRefused() {
        var e = assertThrows(
                ReportRejectedException.class,
                () -> validator.validate(
                        new ReportRound(
                                "lappi",
                                "2021-10-15T09:00:00Z",
                                List.of(
                                        new ReportItem("JO-E-5.8", "DONE", null, null, null),
                                        new ReportItem("JO-E-5.8", "DONE", null, null, null))),
                        ROADMAP,
                        NOW));
        assertEquals(1, e.errors().size());
        assertEquals(1, e.errors().get(0).index());
    }

    @Test
    void aReportedAtWithinTheClockSkewIsAccepted() {
        var items = validator.validate(
                new ReportRound(
                        "lappi", "2026-11-22T08:04:00Z", List.of(new ReportItem("JO-E-5.8", "DONE", null, null, null))),
                ROADMAP,
                NOW);
        assertEquals(1, items.size());
    }

    @Test
    void anUnknownUnitOrNoItemsIsRefused() {
        var e = assertThrows(
                ReportRejectedException.class,
                () -> validator.validate(new ReportRound("tampere", "2021-10-15T09:00:00Z", List.of()), ROADMAP, NOW));
        assertEquals(
                List.of("region", "items"),
                e.errors().stream().map(ItemError::field).toList());
    }

    private String refusal(String reportedAt, String comment) {
        var e = assertThrows(
                ReportRejectedException.class,
                () -> validator.validate(
                        new ReportRound(
                                "lappi", reportedAt, List.of(new ReportItem("JO-E-5.8", "DONE", comment, null, null))),
                        ROADMAP,
                        NOW));
        assertEquals(1, e.errors().size(), e.errors().toString());
        return e.errors().get(0).field() + ": " + e.errors().get(0).message();
    }

    @Test
    void aCommentWithALoneSurrogateIsRefusedNotChanged() {
        assertTrue(refusal("2021-10-15T09:00:00Z", "a\ud800b").startsWith("comment: comment is not valid text"));
        assertTrue(refusal("2021-10-15T09:00:00Z", "\udc00").contains("surrogate at character 0"));
        // a whole pair is a character like any other
        assertEquals(
                1,
                validator
                        .validate(
                                new ReportRound(
                                        "lappi",
                                        "2021-10-15T09:00:00Z",
                                        List.of(new ReportItem("JO-E-5.8", "DONE", "ok \ud83d\ude00", null, null))),
                                ROADMAP,
                                NOW)
                        .size());
    }

    @Test
    void aCommentsLengthIsCountedInCharactersAsAPersonCountsThem() {
        // ten emoji are ten characters (twenty UTF-16 units): within the limit of ten
        assertEquals(
                1,
                validator
                        .validate(
                                new ReportRound(
                                        "lappi",
                                        "2021-10-15T09:00:00Z",
                                        List.of(new ReportItem(
                                                "JO-E-5.8", "DONE", "\ud83d\ude00".repeat(10), null, null))),
                                ROADMAP,
                                NOW)
                        .size());
        assertTrue(refusal("2021-10-15T09:00:00Z", "\ud83d\ude00".repeat(11)).contains("has 11 characters"));
    }

    @Test
    void aReportedAtBeforeTheYear2000OrMorePreciseThanAMicrosecondIsRefused() {
        assertTrue(refusal("0000-01-01T00:00:00Z", null)
                .startsWith("reportedAt: reportedAt 0000-01-01T00:00:00Z is before"));
        assertTrue(refusal("-0001-01-01T00:00:00Z", null).contains("is before"));
        assertTrue(refusal("2021-10-15T09:00:00.000000001Z", null).contains("more precise than a microsecond"));
        assertEquals(
                Instant.parse("2021-10-15T09:00:00.123456Z"),
                validator
                        .validate(
                                new ReportRound(
                                        "lappi",
                                        "2021-10-15T09:00:00.123456Z",
                                        List.of(new ReportItem("JO-E-5.8", "DONE", null, null, null))),
                                ROADMAP,
                                NOW)
                        .get(0)
                        .reportedAt());
    }

    @Test
    void anEnormousValueIsNotRepeatedInFull() {
        String huge = "x".repeat(1_000_000);
        assertTrue(refusal(huge, null).length() < 400, "the refusal repeats a bounded part of the input");
    }
}
