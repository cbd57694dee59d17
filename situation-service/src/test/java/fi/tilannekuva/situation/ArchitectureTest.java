package fi.tilannekuva.situation;

import fi.tilannekuva.kit.architecture.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/**
 * The package rules every service keeps (service-kit's ServiceArchitecture): resources → services → repositories,
 * entities never leave, only services own transactions, no package cycle.
 */
class ArchitectureTest {

    @Test
    void thePackagesKeepTheSharedRules() {
        ServiceArchitecture.check("fi.tilannekuva.situation", ServiceArchitecture.mainClasses());
    }
}
