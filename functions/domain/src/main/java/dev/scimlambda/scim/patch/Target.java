package dev.scimlambda.scim.patch;

import com.unboundid.scim2.common.filters.Filter;
import dev.scimlambda.scim.schema.Attribute;
import dev.scimlambda.scim.schema.Schema;

/** What a PATCH path, or a key of a path-less value, designates. */
sealed interface Target {

  /** The resource itself: no path, or the core schema's URN. */
  record Resource() implements Target {}

  /** {@code schemas}, which follows from the attributes present and is not patched. */
  record Schemas() implements Target {}

  /**
   * An extension's object, by URN: a known extension ({@code schema} set) or a custom one, kept as
   * sent ({@code schema} null).
   */
  record Extension(String urn, Schema schema) implements Target {}

  /**
   * {@code attribute[filter].sub}, optionally URN-qualified. {@code urn} is null for the core
   * schema. Definitions are null under a custom extension, whose values are kept as sent; names
   * are in the schema's casing where there is one.
   */
  record AttributePath(
      String urn, String name, Attribute definition, Filter filter, String sub, Attribute subDefinition, String text)
      implements Target {

    boolean custom() {
      return definition == null;
    }

    /** How errors name the target: {@code emails.value}, without the filter. */
    String label() {
      return sub == null ? name : name + "." + sub;
    }
  }
}
