package dev.scimlambda.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;

/**
 * The single table, read from {@code scim-table.json}. Local runs and tests create the table from
 * here, and the template check compares {@code template.yaml} against it, so the three cannot drift.
 */
public record TableDefinition(
    List<Attribute> attributes,
    String partitionKey,
    String sortKey,
    List<Index> globalSecondaryIndexes,
    String streamViewType,
    String timeToLiveAttribute,
    String billingMode) {

  public record Attribute(String name, String type) {}

  public record Index(String name, String partitionKey, String sortKey, String projection) {}

  private static final String RESOURCE = "/dev/scimlambda/table/scim-table.json";

  public static TableDefinition load() {
    try (InputStream in = TableDefinition.class.getResourceAsStream(RESOURCE)) {
      JsonNode root = new ObjectMapper().readTree(in);
      List<Attribute> attributes = new ArrayList<>();
      root.get("attributeDefinitions")
          .forEach(a -> attributes.add(new Attribute(a.get("name").asText(), a.get("type").asText())));
      List<Index> indexes = new ArrayList<>();
      root.get("globalSecondaryIndexes")
          .forEach(
              i ->
                  indexes.add(
                      new Index(
                          i.get("name").asText(),
                          i.get("partitionKey").asText(),
                          i.get("sortKey").asText(),
                          i.get("projection").asText())));
      return new TableDefinition(
          List.copyOf(attributes),
          root.get("partitionKey").asText(),
          root.get("sortKey").asText(),
          List.copyOf(indexes),
          root.get("streamViewType").asText(),
          root.get("timeToLiveAttribute").asText(),
          root.get("billingMode").asText());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  public CreateTableRequest createTableRequest(String tableName) {
    return CreateTableRequest.builder()
        .tableName(tableName)
        .billingMode(BillingMode.fromValue(billingMode))
        .attributeDefinitions(
            attributes.stream()
                .map(a -> AttributeDefinition.builder().attributeName(a.name()).attributeType(a.type()).build())
                .toList())
        .keySchema(keySchema(partitionKey, sortKey))
        .globalSecondaryIndexes(
            globalSecondaryIndexes.stream()
                .map(
                    i ->
                        GlobalSecondaryIndex.builder()
                            .indexName(i.name())
                            .keySchema(keySchema(i.partitionKey(), i.sortKey()))
                            .projection(Projection.builder().projectionType(ProjectionType.fromValue(i.projection())).build())
                            .build())
                .toList())
        .streamSpecification(
            StreamSpecification.builder().streamEnabled(true).streamViewType(StreamViewType.fromValue(streamViewType)).build())
        .build();
  }

  /** Creates the table if it does not exist yet; returns true when it was created now. */
  public boolean createIfAbsent(DynamoDbClient dynamo, String tableName) {
    try {
      dynamo.createTable(createTableRequest(tableName));
    } catch (ResourceInUseException alreadyThere) {
      return false;
    }
    dynamo.waiter().waitUntilTableExists(b -> b.tableName(tableName));
    dynamo.updateTimeToLive(
        b ->
            b.tableName(tableName)
                .timeToLiveSpecification(
                    TimeToLiveSpecification.builder().enabled(true).attributeName(timeToLiveAttribute).build()));
    return true;
  }

  private static List<KeySchemaElement> keySchema(String hash, String range) {
    return List.of(
        KeySchemaElement.builder().attributeName(hash).keyType(KeyType.HASH).build(),
        KeySchemaElement.builder().attributeName(range).keyType(KeyType.RANGE).build());
  }
}
