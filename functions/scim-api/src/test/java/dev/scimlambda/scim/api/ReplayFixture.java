package dev.scimlambda.scim.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One recorded conversation of an identity provider with a SCIM service provider, as its vendor
 * documents it: the requests in order, and for each the response the IdP needs to carry on.
 *
 * <p>File format ({@code src/test/resources/dialects/<idp>/<flow>.json}):
 *
 * <pre>
 * {"idp": "Okta", "connectionType": "okta", "sources": ["https://…"], "steps": [
 *   {"name": "…", "covers": ["okta.lookup-absent"],
 *    "request": {"method": "GET", "path": "/Users?filter=userName eq \"{{userName}}\"",
 *                "headers": {"Content-Type": "application/json"}, "body": {…}},
 *    "expect": {"status": 200 | [200, 204], "headers": {"Content-Type": "application/scim+json"},
 *               "body": {"/json/pointer": expected, …}},
 *    "capture": {"userId": "/id"}}]}
 * </pre>
 *
 * <p>{@code {{name}}} in paths, header values, request bodies and expected values is replaced by a
 * value captured earlier, {@code {{$baseUrl}}} by the connection's SCIM base URL and
 * {@code {{$randomUuid}}} by a fresh UUID (Entra's "Test connection" probe). A string that is only
 * a placeholder keeps the captured JSON type. An expected value is compared for equality unless it
 * is a matcher: {@code {"$absent": true}}, {@code {"$type": "integer"}}, {@code {"$size": n}},
 * {@code {"$contains": x}} / {@code {"$notContains": x}} (an array element that has every field of
 * {@code x}), {@code {"$subset": x}} (an object with every field of {@code x}).
 */
record ReplayFixture(String file, String idp, String connectionType, List<String> sources, List<Step> steps) {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([$\\w]+)}}");

  record Step(String name, List<String> covers, JsonNode request, JsonNode expect, Map<String, String> capture) {}

  static ReplayFixture load(Path root, Path file) {
    JsonNode json;
    try {
      json = MAPPER.readTree(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(file.toString(), e);
    }
    List<String> sources = new ArrayList<>();
    json.path("sources").forEach(s -> sources.add(s.asText()));
    List<Step> steps = new ArrayList<>();
    for (JsonNode step : json.path("steps")) {
      List<String> covers = new ArrayList<>();
      step.path("covers").forEach(c -> covers.add(c.asText()));
      Map<String, String> capture = new LinkedHashMap<>();
      step.path("capture").properties().forEach(e -> capture.put(e.getKey(), e.getValue().asText()));
      steps.add(new Step(step.path("name").asText(), covers, step.get("request"), step.get("expect"), capture));
    }
    return new ReplayFixture(root.relativize(file).toString(), json.path("idp").asText(),
        json.path("connectionType").asText(), sources, steps);
  }

  /** The values captured so far, and the built-in ones. */
  static final class Bindings {

    private final Map<String, JsonNode> values = new LinkedHashMap<>();

    Bindings(String baseUrl) {
      values.put("$baseUrl", TextNode.valueOf(baseUrl));
    }

    void put(String name, JsonNode value) {
      values.put(name, value);
    }

    String text(String template) {
      Matcher matcher = PLACEHOLDER.matcher(template);
      StringBuilder out = new StringBuilder();
      while (matcher.find()) {
        matcher.appendReplacement(out, Matcher.quoteReplacement(lookup(matcher.group(1)).asText()));
      }
      matcher.appendTail(out);
      return out.toString();
    }

    JsonNode json(JsonNode template) {
      if (template == null) {
        return null;
      }
      if (template.isTextual()) {
        Matcher whole = PLACEHOLDER.matcher(template.textValue());
        if (whole.matches()) {
          return lookup(whole.group(1));
        }
        return TextNode.valueOf(text(template.textValue()));
      }
      if (template.isArray()) {
        ArrayNode array = MAPPER.createArrayNode();
        template.forEach(item -> array.add(json(item)));
        return array;
      }
      if (template.isObject()) {
        ObjectNode object = MAPPER.createObjectNode();
        template.properties().forEach(e -> object.set(text(e.getKey()), json(e.getValue())));
        return object;
      }
      return template;
    }

    private JsonNode lookup(String name) {
      if (name.equals("$randomUuid")) {
        return TextNode.valueOf(UUID.randomUUID().toString());
      }
      JsonNode value = values.get(name);
      if (value == null) {
        throw new AssertionError("{{" + name + "}} is used before it is captured");
      }
      return value;
    }
  }
}
