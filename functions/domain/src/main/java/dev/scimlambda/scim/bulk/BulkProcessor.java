package dev.scimlambda.scim.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.scimlambda.problem.ConflictException;
import dev.scimlambda.problem.InvalidInputException;
import dev.scimlambda.problem.Problem;
import dev.scimlambda.problem.RequestTooLargeException;
import dev.scimlambda.problem.ScimType;
import dev.scimlambda.scim.ScimJson;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RFC 7644 §3.7 bulk requests: operations run in order against the resource endpoints, each with
 * its own outcome. {@code bulkId:} references to resources created in the same request are
 * resolved; an operation whose reference is not created yet waits until it is, and references that
 * can never resolve (missing or circular) fail with 409. {@code failOnErrors} stops processing after
 * that many failures.
 */
public final class BulkProcessor {

  public static final String REQUEST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:BulkRequest";
  public static final String RESPONSE_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:BulkResponse";
  private static final Pattern REFERENCE = Pattern.compile("bulkId:([^\"/\\s]+)");

  private final Map<String, BulkEndpoint> endpoints;
  private final int maxOperations;

  public BulkProcessor(List<BulkEndpoint> endpoints, int maxOperations) {
    Map<String, BulkEndpoint> byPath = new HashMap<>();
    endpoints.forEach(e -> byPath.put(e.path().toLowerCase(Locale.ROOT), e));
    this.endpoints = Map.copyOf(byPath);
    this.maxOperations = maxOperations;
  }

  /** @param baseUrl the connection's SCIM base URL, for each operation's {@code location} */
  public ObjectNode process(String connectionId, JsonNode request, String baseUrl) {
    List<Operation> operations = parse(request);
    int failOnErrors = request.path("failOnErrors").asInt(Integer.MAX_VALUE);
    Map<String, String> createdIds = new HashMap<>();
    Map<Operation, ObjectNode> outcomes = new LinkedHashMap<>();
    List<Operation> pending = new ArrayList<>(operations);
    int errors = 0;
    boolean progress = true;
    while (!pending.isEmpty() && progress && errors < failOnErrors) {
      progress = false;
      for (Iterator<Operation> it = pending.iterator(); it.hasNext() && errors < failOnErrors; ) {
        Operation operation = it.next();
        if (!operation.referencesResolvedBy(createdIds)) {
          continue;
        }
        it.remove();
        progress = true;
        ObjectNode outcome = run(connectionId, operation, createdIds, baseUrl);
        outcomes.put(operation, outcome);
        if (outcome.path("status").asInt() >= 400) {
          errors++;
        }
      }
    }
    if (errors < failOnErrors) {
      pending.forEach(unresolved -> outcomes.put(unresolved, failure(unresolved,
          new ConflictException(ScimType.invalidValue, "bulkId reference cannot be resolved (missing, failed or circular)"))));
    }
    ObjectNode response = ScimJson.MAPPER.createObjectNode();
    response.putArray("schemas").add(RESPONSE_SCHEMA);
    ArrayNode results = response.putArray("Operations");
    operations.stream().filter(outcomes::containsKey).forEach(op -> results.add(outcomes.get(op)));
    return response;
  }

  private ObjectNode run(String connectionId, Operation operation, Map<String, String> createdIds, String baseUrl) {
    try {
      String path = resolve(operation.path(), createdIds);
      JsonNode data = operation.data() == null ? null : ScimJson.MAPPER.readTree(resolve(operation.data().toString(), createdIds));
      Target target = target(path);
      ObjectNode outcome = outcome(operation);
      switch (operation.method()) {
        case "POST" -> {
          if (target.id() != null) {
            throw new InvalidInputException(ScimType.invalidPath, "POST goes to a resource type endpoint, not " + path);
          }
          BulkEndpoint.Written written = target.endpoint().create(connectionId, requireData(data));
          createdIds.put(operation.bulkId(), written.id());
          return succeeded(outcome, baseUrl + target.endpoint().path() + "/" + written.id(), written.version(), 201);
        }
        case "PUT" -> {
          BulkEndpoint.Written written = target.endpoint().replace(connectionId, target.requireId(), requireData(data), operation.version());
          return succeeded(outcome, baseUrl + path, written.version(), 200);
        }
        case "PATCH" -> {
          BulkEndpoint.Written written = target.endpoint().patch(connectionId, target.requireId(), requireData(data), operation.version());
          return succeeded(outcome, baseUrl + path, written.version(), 200);
        }
        case "DELETE" -> {
          target.endpoint().delete(connectionId, target.requireId(), operation.version());
          return succeeded(outcome, baseUrl + path, null, 204);
        }
        default -> throw new InvalidInputException(ScimType.invalidSyntax, "Unsupported bulk method " + operation.method());
      }
    } catch (Problem e) {
      // The operations before this one are done: the bulk answers, and only this one fails
      // (a contended one says 429, retry).
      return failure(operation, e);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return failure(operation, new InvalidInputException(ScimType.invalidSyntax, "Operation data is not valid JSON"));
    }
  }

  private static JsonNode requireData(JsonNode data) {
    if (data == null || !data.isObject()) {
      throw new InvalidInputException(ScimType.invalidSyntax, "The operation needs a data object");
    }
    return data;
  }

  private Target target(String path) {
    if (path == null || !path.startsWith("/")) {
      throw new InvalidInputException(ScimType.invalidPath, "Operation path must start with '/'");
    }
    String[] parts = path.substring(1).split("/", -1);
    BulkEndpoint endpoint = endpoints.get(("/" + parts[0]).toLowerCase(Locale.ROOT));
    if (endpoint == null || parts.length > 2 || (parts.length == 2 && parts[1].isEmpty())) {
      throw new InvalidInputException(ScimType.invalidPath, "No bulk endpoint for " + path);
    }
    return new Target(endpoint, parts.length == 2 ? parts[1] : null);
  }

  private record Target(BulkEndpoint endpoint, String id) {
    String requireId() {
      if (id == null) {
        throw new InvalidInputException(ScimType.invalidPath, "This method needs a resource path such as /Users/{id}");
      }
      return id;
    }
  }

  private static String resolve(String text, Map<String, String> createdIds) {
    if (text == null) {
      return null;
    }
    Matcher matcher = REFERENCE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      matcher.appendReplacement(out, Matcher.quoteReplacement(createdIds.get(matcher.group(1))));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private List<Operation> parse(JsonNode request) {
    if (request == null || !request.isObject()) {
      throw new InvalidInputException(ScimType.invalidSyntax, "The bulk request must be a JSON object");
    }
    boolean declared = false;
    for (JsonNode schema : request.path("schemas")) {
      declared |= REQUEST_SCHEMA.equalsIgnoreCase(schema.asText());
    }
    if (!declared) {
      throw new InvalidInputException(ScimType.invalidSyntax, "schemas must contain " + REQUEST_SCHEMA);
    }
    JsonNode operations = request.get("Operations");
    if (operations == null || !operations.isArray() || operations.isEmpty()) {
      throw new InvalidInputException(ScimType.invalidSyntax, "Operations must be a non-empty array");
    }
    if (operations.size() > maxOperations) {
      throw new RequestTooLargeException("The bulk request has " + operations.size() + " operations; the maximum is " + maxOperations);
    }
    JsonNode failOnErrors = request.get("failOnErrors");
    if (failOnErrors != null && (!failOnErrors.canConvertToInt() || failOnErrors.asInt() < 1)) {
      throw new InvalidInputException(ScimType.invalidValue, "failOnErrors must be a positive integer");
    }
    List<Operation> parsed = new ArrayList<>();
    java.util.Set<String> bulkIds = new java.util.HashSet<>();
    for (JsonNode node : operations) {
      Operation operation = Operation.from(node);
      if (operation.bulkId() != null && !bulkIds.add(operation.bulkId())) {
        throw new InvalidInputException(ScimType.invalidValue, "bulkId " + operation.bulkId() + " is used twice");
      }
      parsed.add(operation);
    }
    return parsed;
  }

  private static ObjectNode outcome(Operation operation) {
    ObjectNode outcome = ScimJson.MAPPER.createObjectNode();
    outcome.put("method", operation.method());
    if (operation.bulkId() != null) {
      outcome.put("bulkId", operation.bulkId());
    }
    return outcome;
  }

  private static ObjectNode succeeded(ObjectNode outcome, String location, String version, int status) {
    outcome.put("location", location);
    if (version != null) {
      outcome.put("version", version);
    }
    outcome.put("status", Integer.toString(status));
    return outcome;
  }

  private static ObjectNode failure(Operation operation, Problem e) {
    ObjectNode outcome = outcome(operation);
    outcome.put("status", Integer.toString(e.status()));
    outcome.set("response", ScimJson.error(e));
    return outcome;
  }

  /** One operation of the request; identity matters, so it stays a class. */
  private static final class Operation {
    private final String method;
    private final String bulkId;
    private final String version;
    private final String path;
    private final JsonNode data;
    private final List<String> references;

    private Operation(String method, String bulkId, String version, String path, JsonNode data) {
      this.method = method;
      this.bulkId = bulkId;
      this.version = version;
      this.path = path;
      this.data = data;
      List<String> refs = new ArrayList<>();
      Matcher matcher = REFERENCE.matcher((path == null ? "" : path) + (data == null ? "" : data.toString()));
      while (matcher.find()) {
        refs.add(matcher.group(1));
      }
      this.references = List.copyOf(refs);
    }

    static Operation from(JsonNode node) {
      if (!node.isObject()) {
        throw new InvalidInputException(ScimType.invalidSyntax, "Each operation must be an object");
      }
      String method = text(node, "method").map(m -> m.toUpperCase(Locale.ROOT))
          .orElseThrow(() -> new InvalidInputException(ScimType.invalidSyntax, "Each operation needs a method"));
      String bulkId = text(node, "bulkId").orElse(null);
      if (method.equals("POST") && bulkId == null) {
        throw new InvalidInputException(ScimType.invalidSyntax, "A POST operation needs a bulkId");
      }
      String path = text(node, "path")
          .orElseThrow(() -> new InvalidInputException(ScimType.invalidSyntax, "Each operation needs a path"));
      return new Operation(method, bulkId, text(node, "version").orElse(null), path, node.get("data"));
    }

    private static Optional<String> text(JsonNode node, String field) {
      JsonNode value = node.get(field);
      return value instanceof TextNode t && !t.asText().isBlank() ? Optional.of(t.asText()) : Optional.empty();
    }

    boolean referencesResolvedBy(Map<String, String> createdIds) {
      return createdIds.keySet().containsAll(references);
    }

    String method() { return method; }
    String bulkId() { return bulkId; }
    String version() { return version; }
    String path() { return path; }
    JsonNode data() { return data; }
  }
}
