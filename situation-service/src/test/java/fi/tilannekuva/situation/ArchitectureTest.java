package fi.tilannekuva.situation;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import fi.tilannekuva.kit.architecture.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/**
 * The package rules every service keeps (service-kit's ServiceArchitecture): resources → services → repositories,
 * entities never leave, only services own transactions, no package cycle. This service is split by feature first
 * (picture, drilldown, rounds, projection, bandchanges, dashboard), each with its own layers, and the features
 * themselves depend on each other in one direction only: projection at the bottom, then picture, rounds, and the
 * drill-down and band changes on top.
 */
class ArchitectureTest {

    @Test
    void thePackagesKeepTheSharedRules() {
        ServiceArchitecture.check("fi.tilannekuva.situation", ServiceArchitecture.mainClasses());
    }

    @Test
    void theFeaturesDependOnEachOtherInOneDirection() {
        slices().matching("fi.tilannekuva.situation.(*)..")
                .should()
                .beFreeOfCycles()
                .as("no cycle between the features of situation-service")
                .check(ServiceArchitecture.mainClasses());
    }
}
