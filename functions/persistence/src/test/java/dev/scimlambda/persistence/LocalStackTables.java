package dev.scimlambda.persistence;

import dev.scimlambda.emulators.LocalStackEmulator;
import dev.scimlambda.table.TableDefinition;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Tables on DynamoDB in LocalStack, for the store specifications where Docker is available. */
final class LocalStackTables {

  private LocalStackTables() {}

  /** A new table, or null without Docker (the test then skips in its assumption). */
  static TableAccess newTable() {
    return LocalStackEmulator.container()
        .map(container -> {
          DynamoDbClient dynamo =
              DynamoDbClient.builder()
                  .endpointOverride(container.getEndpoint())
                  .region(Region.of(container.getRegion()))
                  .credentialsProvider(StaticCredentialsProvider.create(
                      AwsBasicCredentials.create(container.getAccessKey(), container.getSecretKey())))
                  .httpClient(UrlConnectionHttpClient.create())
                  .build();
          String name = "scim-" + UUID.randomUUID();
          TableDefinition.load().createIfAbsent(dynamo, name);
          return new TableAccess(dynamo, name);
        })
        .orElse(null);
  }
}
