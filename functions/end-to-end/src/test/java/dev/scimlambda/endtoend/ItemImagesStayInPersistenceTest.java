package dev.scimlambda.endtoend;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.scimlambda.persistence.ItemChanges;
import dev.scimlambda.persistence.TableAccess;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The item format is known in persistence alone: the stream processor reads typed changes
 * ({@link ItemChanges}) and never an attribute of an item image.
 */
class ItemImagesStayInPersistenceTest {

  private static final JavaClasses STREAM = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.scimlambda.stream");

  /**
   * {@code DynamoJson} copies parked images to DynamoDB JSON and back, every attribute alike,
   * whatever it means: a codec of the SDK's model, not of our items.
   */
  @Test
  void theStreamProcessorReadsNoAttributeOfAnItemImage() {
    noClasses().that().doNotHaveSimpleName("DynamoJson").should().callMethodWhere(
            com.tngtech.archunit.base.DescribedPredicate.describe("a getter of AttributeValue",
                call -> call.getTarget().getOwner().isEquivalentTo(AttributeValue.class)
                    && !call.getTarget().getName().startsWith("from")
                    && !call.getTarget().getName().equals("builder")))
        .because("an attribute read is item-format knowledge, which persistence's ItemChanges owns")
        .check(STREAM);
  }

  @Test
  void theStreamProcessorReachesPersistenceOnlyThroughTypedChangesAndTableAccess() {
    noClasses().should().dependOnClassesThat(resideInAPackage("dev.scimlambda.persistence")
            .and(not(type(TableAccess.class)))
            .and(not(type(ItemChanges.class)))
            .and(not(com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf(ItemChanges.class))))
        .check(STREAM);
  }
}
