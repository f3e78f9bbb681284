package dev.scimlambda.runtime;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * The AWS SDK clients, sharing one HTTP client. The URL-connection client is the lightest to load on
 * a cold start, and {@link BufferedBodyHttpClient} keeps it from waiting a millisecond before each
 * call on a pooled connection; Lambda's region and credentials come from the standard environment
 * variables.
 */
@Factory
public class AwsClients {

  @Singleton
  SdkHttpClient httpClient() {
    return new BufferedBodyHttpClient(UrlConnectionHttpClient.create());
  }

  @Singleton
  DynamoDbClient dynamoDb(Settings settings, SdkHttpClient http) {
    DynamoDbClientBuilder builder = DynamoDbClient.builder().httpClient(http);
    settings
        .optional(Setting.DYNAMODB_ENDPOINT)
        .ifPresent(endpoint -> builder
            .endpointOverride(URI.create(endpoint))
            // DynamoDB Local accepts any credentials; fixed ones keep local runs off the AWS chain.
            .region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))));
    return builder.build();
  }
}
