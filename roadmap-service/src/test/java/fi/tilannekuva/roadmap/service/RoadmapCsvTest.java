package fi.tilannekuva.roadmap.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.tilannekuva.roadmap.Documents;
import fi.tilannekuva.roadmap.api.RoadmapTree.GroupNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CSV export and import are lossless, and an import names its problems by line. */
class RoadmapCsvTest {

    private final RoadmapValidator validator = new RoadmapValidator(Documents.REGION_CODES);
    private final List<GroupNode> tree = RoadmapAssembler.tree(Documents.small("csv"));

    @Test
    void exportThenImportGivesTheSameTree() {
        String csv = RoadmapCsv.write(tree);
        RoadmapCsv.Parsed parsed = RoadmapCsv.read("csv", csv);
        assertEquals(List.of(), parsed.problems());
        assertEquals(List.of(), validator.validate(parsed.document()));
        assertEquals(tree, RoadmapAssembler.tree(parsed.document()));
    }

    @Test
    void theExportHasAHeaderAndOneRowPerSubtaskPlusEmptyEntities() {
        List<String> lines = RoadmapCsv.write(tree).lines().toList();
        assertEquals(String.join(",", RoadmapCsv.COLUMNS), lines.get(0));
        assertEquals(1 + 5 + 1, lines.size());
        assertTrue(lines.get(1).startsWith("JO-E-5.8,JO,Johtaminen ja osaaminen,"), lines.get(1));
        assertTrue(
                lines.get(5).contains("helsinki;hus;ita-uusimaa;keski-uusimaa;lansi-uusimaa;vantaa-kerava"),
                lines.get(5));
    }

    @Test
    void problemsAreNamedByLine() {
        List<String> lines = RoadmapCsv.write(tree).lines().toList();
        String csv = String.join(
                "\n",
                lines.get(0),
                lines.get(1).replace(",true,2021-07-01", ",yes,2021-07-01"),
                lines.get(2).replace("2022-06-30", "2022-06-31"),
                lines.get(3).replace(",6,", ",six,"),
                lines.get(1),
                lines.get(1).replace("\"Viestintä, osallisuus ja demokratia\"", "Toinen nimi"),
                lines.get(1),
                lines.get(6).replace("helsinki;hus", "hesa;hus"));
        RoadmapCsv.Parsed parsed = RoadmapCsv.read("csv", csv);
        List<Violation> problems = new ArrayList<>(parsed.problems());
        validator.validate(parsed.document()).stream().map(parsed::onLine).forEach(problems::add);
        assertEquals(
                List.of("2 critical", "3 to", "4 task", "6 entity_name_fi", "7 id", "8 appliesTo", "8 appliesTo"),
                problems.stream().map(v -> v.line() + " " + v.field()).toList(),
                problems.toString());
    }

    @Test
    void anEmptyFileAndAMissingColumnAreNamed() {
        assertEquals(null, RoadmapCsv.read("x", "").document());
        RoadmapCsv.Parsed parsed = RoadmapCsv.read("x", "group,entity\nJO,E\n");
        assertEquals(1, parsed.problems().size());
        assertEquals(1, parsed.problems().get(0).line());
        assertTrue(parsed.problems().get(0).message().startsWith("missing column(s) [group_name_fi"));
    }
}
