package fr.agir;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package-per-capability boundaries of docs/ARCHITECTURE.md. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("fr.agir");
    }

    @Test
    void capabilitiesDoNotDependOnEachOtherInCycles() {
        slices().matching("fr.agir.(*)..").should().beFreeOfCycles().check(classes);
    }

    /** The lifecycle order of docs/ARCHITECTURE.md: a capability only uses those before it. */
    private static final List<String> CAPABILITIES = List.of("structure", "campaign", "application", "instruction",
            "jury", "vote", "agreement", "payment", "reporting");

    @Test
    void aCapabilityOnlyUsesTheCapabilitiesBeforeItInTheLifecycle() {
        for (int i = 0; i < CAPABILITIES.size() - 1; i++) {
            String[] later = CAPABILITIES.subList(i + 1, CAPABILITIES.size()).stream()
                    .map(c -> "fr.agir." + c + "..").toArray(String[]::new);
            noClasses().that().resideInAPackage("fr.agir." + CAPABILITIES.get(i) + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(later).check(classes);
        }
    }

    @Test
    void sharedPackagesKnowNoCapability() {
        noClasses().that().resideInAnyPackage("fr.agir.shared..", "fr.agir.workflow..", "fr.agir.security..",
                        "fr.agir.audit..", "fr.agir.web..", "fr.agir.mail..")
                .should().dependOnClassesThat().resideInAnyPackage("fr.agir.structure..", "fr.agir.campaign..",
                        "fr.agir.application..", "fr.agir.instruction..", "fr.agir.jury..", "fr.agir.vote..",
                        "fr.agir.agreement..", "fr.agir.payment..", "fr.agir.reporting..", "fr.agir.demo..")
                .check(classes);
    }

    @Test
    void onlyTheWorkflowGlueAndDelegatesTouchTheEngineApi() {
        noClasses().that().resideOutsideOfPackages("fr.agir.workflow..", "fr.agir..process..", "fr.agir.security..",
                        "fr.agir.web..")
                .should().dependOnClassesThat().resideInAnyPackage("org.camunda..")
                .check(classes);
    }
}
