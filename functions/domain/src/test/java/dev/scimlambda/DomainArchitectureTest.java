package dev.scimlambda;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The domain's shape: its packages form no cycle (each package is a slice, so {@code scim.patch}
 * and {@code scim.resource} count as two), and it stays plain Java, importing neither AWS nor
 * Micronaut.
 */
class DomainArchitectureTest {

  private static JavaClasses domain;

  @BeforeAll
  static void importDomain() {
    domain = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.scimlambda");
  }

  @Test
  void packagesAreFreeOfCycles() {
    slices().matching("dev.scimlambda.(**)").should().beFreeOfCycles().check(domain);
  }

  @Test
  void importsNeitherAwsNorMicronaut() {
    noClasses().that().resideInAPackage("dev.scimlambda..")
        .should().dependOnClassesThat()
        .resideInAnyPackage("software.amazon..", "com.amazonaws..", "io.micronaut..")
        .check(domain);
  }
}
