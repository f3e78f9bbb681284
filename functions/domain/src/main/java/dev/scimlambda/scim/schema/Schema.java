package dev.scimlambda.scim.schema;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.scim.ScimJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A schema (RFC 7643 §7): its URN, its attributes, and the document /Schemas serves for it. */
public record Schema(String id, Map<String, Attribute> attributes, ObjectNode document) {

  private static final String FOLDER = "/dev/scimlambda/scim/schemas/";

  public Optional<Attribute> attribute(String name) {
    return Optional.ofNullable(attributes.get(name.toLowerCase(Locale.ROOT)));
  }

  /** Loads {@code <name>.json} from the schema resources. */
  public static Schema load(String name) {
    try (InputStream in = Schema.class.getResourceAsStream(FOLDER + name + ".json")) {
      if (in == null) {
        throw new IllegalArgumentException("no schema resource " + name);
      }
      ObjectNode document = (ObjectNode) ScimJson.MAPPER.readTree(in);
      document.remove("meta");
      Map<String, Attribute> attributes = new LinkedHashMap<>();
      document.path("attributes").forEach(node -> {
        Attribute attribute = Attribute.fromJson(node);
        attributes.put(attribute.name().toLowerCase(Locale.ROOT), attribute);
      });
      return new Schema(document.get("id").asText(), Map.copyOf(attributes), document);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read schema " + name, e);
    }
  }
}
