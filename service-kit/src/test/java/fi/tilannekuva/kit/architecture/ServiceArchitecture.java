package fi.tilannekuva.kit.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.persistence.Entity;
import jakarta.transaction.Transactional;
import java.nio.file.Path;
import java.util.List;

/**
 * The package rules of STYLE.md, the same for every service: resources → services → repositories, entities never
 * leave the repository layer, only services own transactions, and no cycle between a service's packages. Each
 * service's {@code ArchitectureTest} checks its own classes with them. The layer packages ({@code rest}, {@code service},
 * {@code repository}, {@code messaging}) may stand at the top of the service (roadmap, status) or inside each feature
 * package (situation: {@code picture.rest}, {@code rounds.repository}, …); the rules hold for both.
 */
public final class ServiceArchitecture {

    private ServiceArchitecture() {}

    /** The compiled main classes of the module the test runs in (fast: no classpath scan). */
    public static JavaClasses mainClasses() {
        return new ClassFileImporter().importPath(Path.of("target/classes"));
    }

    /** Every rule for the service whose classes live under {@code basePackage} (e.g. {@code fi.tilannekuva.status}). */
    public static List<ArchRule> rules(String basePackage) {
        String base = basePackage + "..";
        return List.of(
                noClasses()
                        .that()
                        .resideInAPackage(base + "rest..")
                        .should()
                        .dependOnClassesThat()
                        .resideInAPackage(base + "repository..")
                        .orShould()
                        .dependOnClassesThat()
                        .areAnnotatedWith(Entity.class)
                        .allowEmptyShould(true)
                        .as("resources never touch repositories or entities"),
                classes()
                        .that()
                        .areAnnotatedWith(Entity.class)
                        .should()
                        .resideInAPackage(base + "repository..")
                        .allowEmptyShould(true)
                        .as("entities live in the repository package"),
                noClasses()
                        .that()
                        .areRecords()
                        .should()
                        .dependOnClassesThat()
                        .areAnnotatedWith(Entity.class)
                        .allowEmptyShould(true)
                        .as("API, event and domain records never carry an entity out of the service"),
                noClasses()
                        .that()
                        .resideInAPackage(base + "repository..")
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage(base + "rest..", base + "service..", base + "messaging..")
                        .allowEmptyShould(true)
                        .as("repositories depend on nothing above them"),
                noClasses()
                        .that()
                        .resideOutsideOfPackage(base + "rest..")
                        .should()
                        .dependOnClassesThat()
                        .resideInAPackage(base + "rest..")
                        .allowEmptyShould(true)
                        .as("nothing but resources depends on the REST layer"),
                noMethods()
                        .that()
                        .areAnnotatedWith(Transactional.class)
                        .should()
                        .beDeclaredInClassesThat()
                        .resideInAnyPackage(base + "rest..", base + "repository..", base + "messaging..")
                        .allowEmptyShould(true)
                        .as("services own transactions, not resources, repositories or consumers"),
                slices().matching(basePackage + ".(**)")
                        .should()
                        .beFreeOfCycles()
                        .allowEmptyShould(true)
                        .as("no cycle between the service's packages, feature sub-packages included"));
    }

    /** Checks every rule; the first broken one fails with every violation it found. */
    public static void check(String basePackage, JavaClasses classes) {
        rules(basePackage).forEach(rule -> rule.check(classes));
    }
}
