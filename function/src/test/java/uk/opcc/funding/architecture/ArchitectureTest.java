package uk.opcc.funding.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The shape the code keeps (see the README's "What is where"): the domain (the catalogue, intake,
 * validation, notify, panel, mail, config) holds the ports and speaks its own language; the
 * adapters (storage on DynamoDB, ses, secrets on Secrets Manager, http for API Gateway's events)
 * depend inward on it; the handlers and
 * {@code Wiring} at the top put them together. No package depends, however indirectly, on one
 * that depends on it.
 */
class ArchitectureTest {
    static final JavaClasses PRODUCT = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("uk.opcc.funding.catalogue", "uk.opcc.funding.function");

    /** Every package of the product, the root one included, is a slice. */
    static final ArchRule NO_PACKAGE_CYCLE = slices().matching("uk.opcc.funding.(**)").should().beFreeOfCycles();

    static final String[] DOMAIN = {"uk.opcc.funding.catalogue..", "uk.opcc.funding.function.intake..",
            "uk.opcc.funding.function.validation..", "uk.opcc.funding.function.notify..", "uk.opcc.funding.function.panel..",
            "uk.opcc.funding.function.mail..", "uk.opcc.funding.function.config.."};

    @Test
    void noPackageDependsOnAPackageThatDependsOnIt() {
        NO_PACKAGE_CYCLE.check(PRODUCT);
    }

    @Test
    void theDomainNamesNoAwsClassAndNoAdapter() {
        noClasses().that().resideInAnyPackage(DOMAIN).should().dependOnClassesThat()
                .resideInAnyPackage("software.amazon..", "com.amazonaws..", "uk.opcc.funding.function.storage..",
                        "uk.opcc.funding.function.ses..", "uk.opcc.funding.function.secrets..", "uk.opcc.funding.function.http..")
                .check(PRODUCT);
    }

    @Test
    void adaptersDoNotDependOnEachOtherOrOnTheWiring() {
        noClasses().that().resideInAnyPackage("uk.opcc.funding.function.storage..", "uk.opcc.funding.function.ses..")
                .should().dependOnClassesThat().resideInAnyPackage("uk.opcc.funding.function")
                .check(PRODUCT);
        noClasses().that().resideInAPackage("uk.opcc.funding.function.storage..").should().dependOnClassesThat()
                .resideInAPackage("uk.opcc.funding.function.ses..").check(PRODUCT);
    }

    /** The rule can fail: on two packages kept in the tests with a cycle between them, it does, naming both. */
    @Test
    void theCycleRuleFindsACycle() {
        JavaClasses cycle = new ClassFileImporter().importPackages("uk.opcc.funding.architecture.cycle");
        assertThat(cycle).isNotEmpty();

        assertThatThrownBy(() -> NO_PACKAGE_CYCLE.check(cycle)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected").hasMessageContaining("architecture.cycle.a").hasMessageContaining("architecture.cycle.b");
    }
}
