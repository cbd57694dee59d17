package fi.tilannekuva.kit.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The one problem dialect: its type URIs, its always-present errors array and the bounds on what it repeats. */
class ProblemTest {

    @Test
    void everyKindOfProblemSharesOneTypeBaseAndHasAnErrorsArray() {
        Problem problem = Problem.of("invalid-report", "The report has invalid items", 422, "1 item is invalid");
        assertEquals("https://tilannekuva.fi/problems/invalid-report", problem.type());
        assertEquals(List.of(), problem.errors());
    }

    @Test
    void aHugeInputIsCutBeforeAnErrorRepeatsIt() {
        String bounded = Problem.bounded("x".repeat(3_900_000));
        assertTrue(bounded.length() < Problem.MAX_ECHO + 40, "bounded to about " + Problem.MAX_ECHO + " characters");
        assertTrue(bounded.endsWith("(3900000 characters)"), bounded);
        assertEquals("short", Problem.bounded("short"));
    }

    @Test
    void aProblemListsAtMostAHundredErrorsAndSaysHowManyThereWere() {
        List<Problem.ProblemError> many = java.util.stream.IntStream.range(0, 5000)
                .mapToObj(i -> new Problem.ProblemError(i, "/items/" + i, null, "subtask", "already reported"))
                .toList();
        Problem problem = Problem.of("invalid-report", "The report has invalid items", 422, "5000 problem(s)", many);
        assertEquals(Problem.MAX_ERRORS, problem.errors().size());
        assertTrue(problem.detail().contains("the first 100 of 5000 errors"), problem.detail());
    }

    @Test
    void jacksonMessagesSpeakWithoutJavaPackageNames() {
        String message = ProblemMappers.readable(
                "Cannot deserialize value of type `fi.tilannekuva.status.rest.ReportRound` from Array value");
        assertEquals("Cannot deserialize value of type `ReportRound` from Array value", message);
        assertEquals(
                "Cannot deserialize value of type `Instant` from String",
                ProblemMappers.readable("Cannot deserialize value of type `java.time.Instant` from String"));
    }

    @Test
    void aReasonPhraseBecomesItsSlug() {
        assertEquals("unsupported-media-type", ProblemMappers.slug("Unsupported Media Type"));
        assertEquals("not-found", ProblemMappers.slug("Not Found"));
    }

    @Test
    void aPathWithAnEncodedControlCharacterIsRecognised() {
        assertTrue(RequestGuard.hasControlCharacter("/api/v1/regions/lappi/subtasks/ICT%00Y/history"));
        assertTrue(RequestGuard.hasControlCharacter("/api/v1/situation/snapshots/a%1fb/progress"));
        assertTrue(RequestGuard.hasControlCharacter("/x%7F"));
        assertEquals(false, RequestGuard.hasControlCharacter("/api/v1/situation/units/pohjois-savo"));
        assertEquals(false, RequestGuard.hasControlCharacter("/api/v1/situation/units/%C3%A4%20x"));
    }

    @Test
    void aPageIsReadOrEveryBadParameterIsNamed() {
        assertEquals(new PageRequest(0, 50), PageRequest.parse(null, " ", 50, 500));
        assertEquals(new PageRequest(3, 20), PageRequest.parse("3", "20", 50, 500));
        for (String[] pageAndSize :
                new String[][] {{"abc", "10"}, {"-1", "10"}, {"2147483648", "10"}, {"4294968", "500"}}) {
            ProblemException e = org.junit.jupiter.api.Assertions.assertThrows(
                    ProblemException.class, () -> PageRequest.parse(pageAndSize[0], pageAndSize[1], 50, 500));
            assertEquals(400, e.problem().status());
            assertEquals("page", e.problem().errors().get(0).field(), String.join(",", pageAndSize));
        }
        List<Problem.ProblemError> errors = new java.util.ArrayList<>();
        assertEquals(null, PageRequest.parse("x", "1e3", 50, 500, errors));
        assertEquals(
                List.of("page", "size"),
                errors.stream().map(Problem.ProblemError::field).toList());
    }
}
