package fi.tilannekuva.roadmap.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.tilannekuva.roadmap.Documents;
import fi.tilannekuva.roadmap.RoadmapDocument;
import fi.tilannekuva.roadmap.api.RoadmapTree.EntityNode;
import fi.tilannekuva.roadmap.api.RoadmapTree.GroupNode;
import fi.tilannekuva.roadmap.api.SubtaskView;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The demo roadmap is valid and carries the seeds' headings and subtask lists verbatim. */
class DemoRoadmapTest {

    private final RoadmapDocument demo = DemoRoadmap.read(Documents.JSON, "demo/roadmap-demo.json");
    private final List<GroupNode> tree = RoadmapAssembler.tree(demo);
    private final Map<String, SubtaskView> subtasks =
            RoadmapAssembler.flatten(tree).stream().collect(Collectors.toMap(SubtaskView::id, Function.identity()));

    @Test
    void theDemoPassesValidationAndSaysItIsIllustrative() {
        assertEquals(List.of(), new RoadmapValidator(Documents.REGION_CODES).validate(demo));
        assertTrue(demo.label().contains("demo: illustrative criticality and schedule"), demo.label());
    }

    @Test
    void theRevisionMakesOneMoreSubtaskCriticalInEachGroupThatHadOneAndStaysValid() {
        RoadmapDocument revised = DemoRoadmap.revision(demo);
        assertEquals(List.of(), new RoadmapValidator(Documents.REGION_CODES).validate(revised));
        Map<String, SubtaskView> after = RoadmapAssembler.flatten(RoadmapAssembler.tree(revised)).stream()
                .collect(Collectors.toMap(SubtaskView::id, Function.identity()));
        assertEquals(subtasks.keySet(), after.keySet(), "the same subtasks");
        List<String> changed = subtasks.keySet().stream()
                .filter(id -> subtasks.get(id).critical() != after.get(id).critical())
                .sorted()
                .toList();
        long groupsWithNonCritical = subtasks.values().stream()
                .filter(s -> !s.critical())
                .map(s -> s.id().substring(0, s.id().indexOf('-')))
                .distinct()
                .count();
        assertEquals(groupsWithNonCritical, changed.size(), "one per group: " + changed);
        assertTrue(changed.stream().allMatch(id -> after.get(id).critical()), "made critical, never the other way");
        assertTrue(revised.label().startsWith("2022-10-15"), revised.label());
    }

    @Test
    void allFiveGroupsWithEveryEntityHeadingOfTheSeeds() {
        assertEquals(
                List.of("HTT", "JO", "PJ", "YP", "ICT"),
                tree.stream().map(GroupNode::code).toList());
        assertEquals(
                List.of(
                        "HTT-A", "HTT-B", "HTT-C", "HTT-D", "HTT-E", "HTT-F", "HTT-G", "HTT-H", "JO-A", "JO-B", "JO-C",
                        "JO-D", "JO-E", "PJ-A", "PJ-B", "PJ-C", "PJ-D", "PJ-E", "PJ-F", "PJ-G", "PJ-H", "YP-A", "YP-B",
                        "YP-C", "YP-D", "YP-E", "ICT-A", "ICT-B", "ICT-C", "ICT-D", "ICT-E"),
                tree.stream()
                        .flatMap(g -> g.entities().stream())
                        .map(EntityNode::id)
                        .toList());
    }

    @Test
    void everySubtaskTheSeedTextListsIsThereVerbatim() {
        assertEquals(11 + 33 + 17 + 14 + 7 + 27, subtasks.size());
        assertEquals(
                "Osallisuusohjelman laatiminen", subtasks.get("JO-E-5.8").name().fi());
        assertEquals(
                "Vanhojen tietojen migraatiot tai arkistointi",
                subtasks.get("ICT-C-7.2").name().fi());
        assertEquals(
                "Omavalvontasuunnitelman laatiminen",
                subtasks.get("HTT-H-2.7").name().fi());
        assertEquals(
                "Pelastuslaitoksen TOSI-järjestelmien ja tulevan HVA TORI-järjestelmien väliset integraatiot.",
                subtasks.get("ICT-C-2.3").name().fi());
        assertTrue(subtasks.get("YP-B-2.1").name().fi().startsWith("Sovitaan hyvinvointikertomuksen"));
        assertEquals(
                "Laaditaan toimintamalli osaamisen kehittämiseen verkostojohtamisessa ja yhdyspintakysymyksissä",
                subtasks.get("YP-C-3.4").name().fi());
        assertEquals(
                "Osallistetaan sidosryhmiä hyvinvointialueen ja kuntien hyvinvointikertomusten ja -suunnitelmien"
                        + " valmisteluun ja toimeenpanoon sekä yhdyspintatoimintoihin liittyvään kehittämiseen",
                subtasks.get("YP-D-2.4").name().fi());
    }

    @Test
    void theUusimaaSolutionAppliesOnlyToTheUusimaaUnits() {
        EntityNode uusimaa = tree.get(2).entities().get(7);
        assertEquals("Uudenmaan erillisratkaisu", uusimaa.name().fi());
        assertEquals(Documents.UUSIMAA, uusimaa.appliesTo());
    }
}
