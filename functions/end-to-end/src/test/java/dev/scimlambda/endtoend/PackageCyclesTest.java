package dev.scimlambda.endtoend;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * No package cycle in the main classes of every module this one depends on (all the functions,
 * the persistence, runtime and infrastructure modules): each package is a slice. The domain's own
 * rules are in the domain's {@code DomainArchitectureTest}.
 */
class PackageCyclesTest {

  @Test
  void mainPackagesOfAllModulesAreFreeOfCycles() {
    JavaClasses main = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.scimlambda");
    assertThat(main.containPackage("dev.scimlambda.persistence")).isTrue();
    assertThat(main.containPackage("dev.scimlambda.scim.api")).isTrue();
    assertThat(main.containPackage("dev.scimlambda.stream")).isTrue();
    slices().matching("dev.scimlambda.(**)").should().beFreeOfCycles().check(main);
  }
}
