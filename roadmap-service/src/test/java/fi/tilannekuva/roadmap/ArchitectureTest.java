package fi.tilannekuva.roadmap;

import fi.tilannekuva.kit.architecture.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/**
 * The package rules every service keeps (service-kit's ServiceArchitecture): resources → services → repositories,
 * entities never leave, only services own transactions, no package cycle.
 */
class ArchitectureTest {

    @Test
    void thePackagesKeepTheSharedRules() {
        ServiceArchitecture.check("fi.tilannekuva.roadmap", ServiceArchitecture.mainClasses());
    }
}
