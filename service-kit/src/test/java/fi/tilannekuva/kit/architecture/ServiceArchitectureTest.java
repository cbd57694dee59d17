package fi.tilannekuva.kit.architecture;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/** The shared package rules catch what they are for: a package cycle, a leaking entity, a transaction in a resource. */
class ServiceArchitectureTest {

    private static final String FIXTURES = "fi.tilannekuva.kit.architecture.fixture";

    private static JavaClasses fixture(String name) {
        return new ClassFileImporter().importPackages(FIXTURES + "." + name);
    }

    @Test
    void aServiceShapedAsTheStyleSaysPasses() {
        assertDoesNotThrow(() -> ServiceArchitecture.check(FIXTURES + ".good", fixture("good")));
    }

    @Test
    void aCycleBetweenTwoPackagesFails() {
        AssertionError failure = assertThrows(
                AssertionError.class, () -> ServiceArchitecture.check(FIXTURES + ".cyclic", fixture("cyclic")));
        assertTrue(failure.getMessage().contains("no cycle between the service's packages"), failure.getMessage());
        assertTrue(failure.getMessage().contains("CyclicConsumer"), failure.getMessage());
    }

    @Test
    void aResourceReturningAnEntityOrDeclaringATransactionFails() {
        AssertionError failure = assertThrows(
                AssertionError.class, () -> ServiceArchitecture.check(FIXTURES + ".leaky", fixture("leaky")));
        assertTrue(
                failure.getMessage().contains("resources never touch repositories or entities"), failure.getMessage());
        AssertionError transaction = assertThrows(
                AssertionError.class,
                () -> ServiceArchitecture.rules(FIXTURES + ".leaky").get(5).check(fixture("leaky")));
        assertTrue(transaction.getMessage().contains("services own transactions"), transaction.getMessage());
    }
}
