package fi.tilannekuva.roadmap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import fi.tilannekuva.kit.reform.Units;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** Roadmap documents for tests: a small valid one, and the means to spoil it. */
public final class Documents {

    /** The 23 unit codes of CONTRACT.md. */
    public static final Set<String> REGION_CODES = Set.copyOf(Units.ALL);

    /** The six Uusimaa units, sorted. */
    public static final List<String> UUSIMAA = Units.UUSIMAA;

    /** A mapper writing dates as ISO text, like the service. */
    public static final ObjectMapper JSON =
            new ObjectMapper().findAndRegisterModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private Documents() {}

    /**
     * Five subtasks in two groups: JO-E-5.8 (critical, H2/2021, everyone), JO-E-5.9 (not critical, H1/2022,
     * lappi), JO-E-6.1 (critical, 2022, everyone), PJ-H-1.1 (critical, inherits Uusimaa), PJ-H-1.2 (critical,
     * helsinki); PJ-A has no tasks.
     */
    public static RoadmapDocument small(String label) {
        return new RoadmapDocument(
                label,
                List.of(
                        new RoadmapDocument.Group(
                                "JO",
                                new Name(
                                        "Johtaminen ja osaaminen",
                                        "Ledning och kompetens",
                                        "Leadership and competence"),
                                List.of(new RoadmapDocument.Entity(
                                        "E",
                                        Name.fi("Viestintä, osallisuus ja demokratia"),
                                        null,
                                        List.of(
                                                new RoadmapDocument.Task(
                                                        5,
                                                        Name.fi("Osallistamisen suunnittelu ja aloittaminen"),
                                                        List.of(
                                                                subtask(
                                                                        "5.8",
                                                                        "Osallisuusohjelman laatiminen",
                                                                        true,
                                                                        "2021-07-01",
                                                                        "2021-12-31",
                                                                        null),
                                                                subtask(
                                                                        "5.9",
                                                                        "Aloite- ja palautejärjestelmän suunnittelu ja perustaminen",
                                                                        false,
                                                                        "2022-01-01",
                                                                        "2022-06-30",
                                                                        List.of("lappi")))),
                                                new RoadmapDocument.Task(
                                                        6,
                                                        Name.fi("Brändityön aloittaminen"),
                                                        List.of(
                                                                subtask(
                                                                        "6.1",
                                                                        "Hyvinvointialueen brändin suunnittelu",
                                                                        true,
                                                                        "2022-01-01",
                                                                        "2022-12-31",
                                                                        null))))))),
                        new RoadmapDocument.Group(
                                "PJ",
                                new Name("Palveluiden järjestäminen", "Ordnandet av tjänster", "Organising services"),
                                List.of(
                                        new RoadmapDocument.Entity(
                                                "A", Name.fi("Väestön palvelutarve"), null, List.of()),
                                        new RoadmapDocument.Entity(
                                                "H",
                                                Name.fi("Uudenmaan erillisratkaisu"),
                                                UUSIMAA,
                                                List.of(new RoadmapDocument.Task(
                                                        1,
                                                        Name.fi("Erillisratkaisun valmistelu"),
                                                        List.of(
                                                                subtask(
                                                                        "1.1",
                                                                        "Yhteistyösopimus",
                                                                        true,
                                                                        "2021-10-01",
                                                                        "2022-03-31",
                                                                        null),
                                                                subtask(
                                                                        "1.2",
                                                                        "Helsingin järjestämistehtävät",
                                                                        true,
                                                                        "2021-04-01",
                                                                        "2021-06-30",
                                                                        List.of("helsinki"))))))))));
    }

    /** A subtask with a Finnish name. */
    public static RoadmapDocument.Subtask subtask(
            String number, String name, boolean critical, String from, String to, List<String> appliesTo) {
        return new RoadmapDocument.Subtask(
                number, Name.fi(name), critical, new Schedule(LocalDate.parse(from), LocalDate.parse(to)), appliesTo);
    }

    /** The document as JSON text. */
    public static String json(Object document) {
        try {
            return JSON.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
