package dev.scimlambda.bench.baseline;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * What a hand-written function would do for {@code GET /Users?filter=userName eq "x"}: read the
 * connection item (strongly consistent, as authentication does) and query the userName key, then
 * answer with a string-built body. No framework, no JSON library, one explicit HTTP client: the floor
 * our cold start is compared with. Reads the same settings as the SCIM function.
 */
public final class BaselineHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  private final String table = System.getenv("SCIM_TABLE_NAME");
  private final DynamoDbClient dynamo = DynamoDbClient.builder()
      .httpClient(UrlConnectionHttpClient.create())
      .region(Region.of(System.getenv("AWS_REGION")))
      .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
      .endpointOverride(URI.create(System.getenv("SCIM_DYNAMODB_ENDPOINT")))
      .build();

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    String proxy = event.getPathParameters().get("proxy");
    String partition = "CONN#" + proxy.substring(0, proxy.indexOf('/'));
    String userName = event.getQueryStringParameters().get("filter").replaceAll("^userName eq \"(.*)\"$", "$1");
    GetItemResponse connection = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
        .key(Map.of("pk", s(partition), "sk", s("CONNECTION"))));
    QueryResponse users = dynamo.query(b -> b.tableName(table).consistentRead(true)
        .keyConditionExpression("pk = :pk AND sk = :sk")
        .expressionAttributeValues(Map.of(":pk", s(partition), ":sk", s("USERNAME#" + userName))));
    if (!connection.hasItem()) {
      return APIGatewayV2HTTPResponse.builder().withStatusCode(401).build();
    }
    return APIGatewayV2HTTPResponse.builder()
        .withStatusCode(200)
        .withHeaders(Map.of("content-type", "application/scim+json"))
        .withBody("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:ListResponse\"],\"totalResults\":"
            + users.count() + ",\"Resources\":[]}")
        .build();
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }
}
