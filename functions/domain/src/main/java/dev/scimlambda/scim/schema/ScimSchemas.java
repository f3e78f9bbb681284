package dev.scimlambda.scim.schema;

import java.util.Map;

/** The resource schemas this server serves. */
public final class ScimSchemas {

  public static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
  public static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
  public static final String ENTERPRISE_USER = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

  private ScimSchemas() {}

  public static ResourceSchema user() {
    return Holder.USER;
  }

  public static ResourceSchema group() {
    return Holder.GROUP;
  }

  /** Loaded on first use, once per JVM: the definitions are the same for every connection. */
  private static final class Holder {
    static final ResourceSchema USER =
        new ResourceSchema(
            "User", "User Account", "/Users", Schema.load("User"), Map.of(Schema.load("EnterpriseUser"), false));
    static final ResourceSchema GROUP = new ResourceSchema("Group", "Group", "/Groups", Schema.load("Group"), Map.of());
  }
}
