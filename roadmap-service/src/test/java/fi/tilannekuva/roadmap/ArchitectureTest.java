package fi.tilannekuva.roadmap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import jakarta.persistence.Entity;
import jakarta.transaction.Transactional;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The package rules of STYLE.md: thin resources, services own transactions, entities never leave the service. */
class ArchitectureTest {

    // Only this module's compiled classes: scanning the whole classpath for the package takes many seconds.
    private final JavaClasses classes = new ClassFileImporter().importPath(Path.of("target/classes"));

    @Test
    void resourcesNeverTouchEntitiesOrRepositories() {
        noClasses()
                .that()
                .resideInAPackage("..roadmap.rest..")
                .should()
                .dependOnClassesThat()
                .areAnnotatedWith(Entity.class)
                .check(classes);
        noClasses()
                .that()
                .resideInAPackage("..roadmap.rest..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("..roadmap.repository..")
                .check(classes);
    }

    @Test
    void entitiesLiveInRepositoryAndApiAndEventTypesDoNotUseThem() {
        classes()
                .that()
                .areAnnotatedWith(Entity.class)
                .should()
                .resideInAPackage("..roadmap.repository..")
                .check(classes);
        // API, event and domain types are records: none of them may carry an entity out of the service.
        noClasses()
                .that()
                .areRecords()
                .should()
                .dependOnClassesThat()
                .areAnnotatedWith(Entity.class)
                .check(classes);
        noClasses()
                .that()
                .resideInAnyPackage("..roadmap.view..", "..roadmap.messaging..", "..roadmap.service..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("..roadmap.rest..")
                .check(classes);
    }

    @Test
    void onlyServicesDeclareTransactions() {
        methods()
                .that()
                .areAnnotatedWith(Transactional.class)
                .should()
                .beDeclaredInClassesThat()
                .resideInAPackage("..roadmap.service..")
                .check(classes);
    }
}
