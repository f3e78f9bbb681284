package dev.scimlambda.connection;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a connection's IdP type means in practice: which attribute carries the person's login
 * email, how deactivation and deletion arrive, the attribute mapping to set up on the IdP side, and
 * the setup steps an admin follows there. The SCIM dialect itself is not per type: every
 * connection accepts every IdP's documented forms (see docs/scim-api.md, "IdP dialects").
 *
 * @param baseUrlField the IdP's name of the field taking the SCIM base URL
 * @param secretField the IdP's name of the field taking the bearer secret
 * @param loginEmail the SCIM attribute the login email arrives in, and from where on the IdP side
 * @param deactivation how a deactivation arrives
 * @param deletion how (and whether) a deletion arrives
 * @param mapping suggested IdP-side mapping, SCIM attribute to IdP source
 * @param steps the setup, in order; {@value #BASE_URL} and {@value #SECRET} stand for the
 *     connection's SCIM base URL and the place to get its secret. The one source of these steps:
 *     docs/idp/{type}.md prints them word for word, so that the guide and the console cannot
 *     disagree (IdpGuideStepsTest)
 */
public record IdpPreset(
    IdpType type,
    String baseUrlField,
    String secretField,
    String loginEmail,
    String deactivation,
    String deletion,
    List<Mapping> mapping,
    List<String> steps) {

  public static final String BASE_URL = "{scimBaseUrl}";
  public static final String SECRET = "{secret}";

  /** One attribute of the suggested mapping: the SCIM attribute and the IdP's source for it. */
  public record Mapping(String scimAttribute, String idpSource) {}

  private static final Map<IdpType, IdpPreset> PRESETS = presets();

  public static IdpPreset of(IdpType type) {
    return PRESETS.get(type);
  }

  /**
   * The steps for one connection, with its SCIM base URL filled in and {@code secretLocation}
   * (where the admin reads the secret, never the secret itself) in place of {@value #SECRET}.
   */
  public List<String> stepsFor(String scimBaseUrl, String secretLocation) {
    return steps.stream().map(s -> s.replace(BASE_URL, scimBaseUrl).replace(SECRET, secretLocation)).toList();
  }

  private static Map<IdpType, IdpPreset> presets() {
    Map<IdpType, IdpPreset> presets = new EnumMap<>(IdpType.class);
    presets.put(IdpType.OKTA, new IdpPreset(IdpType.OKTA, "SCIM 2.0 Base Url", "OAuth Bearer Token",
        "emails (the primary one), from the Okta user's email; userName is the Okta username, an email by default",
        "PATCH replacing active with false (SCIM 2.0 Test App and OIN apps), or PUT of the whole user with active false "
            + "(apps built with the App Integration Wizard), when the person is unassigned from the app or deactivated in Okta",
        "Okta never deletes users over SCIM: a deactivated user stays, deactivated, until removed here. A pushed group is "
            + "deleted when it is unlinked with \"Delete the group in the target app\"",
        List.of(new Mapping("userName", "user.login (Username)"),
            new Mapping("name.givenName", "user.firstName"),
            new Mapping("name.familyName", "user.lastName"),
            new Mapping("emails[type eq \"work\"].value (primary)", "user.email"),
            new Mapping("displayName", "user.displayName"),
            new Mapping("active", "set by Okta from the assignment and the user's status")),
        List.of(
            "In the Okta Admin Console open Applications > Applications > Browse App Catalog, search for "
                + "\"SCIM 2.0 Test App (OAuth Bearer Token)\" and click Add Integration (or open the app you already "
                + "use for single sign-on to this product).",
            "Name the app, click Next, and finish the sign-on options with Done.",
            "On the app's Provisioning tab click Configure API Integration and tick Enable API integration.",
            "Paste " + BASE_URL + " into SCIM 2.0 Base Url.",
            "Paste the connection's secret into OAuth Bearer Token; " + SECRET + ".",
            "Click Test API Credentials, then Save.",
            "Under Provisioning > To App click Edit, enable Create Users, Update User Attributes and Deactivate Users, "
                + "and Save.",
            "Assign people or groups on the Assignments tab: each assigned person is created here within seconds.",
            "On the Push Groups tab push the groups whose membership should reach the product; memberships follow "
                + "automatically, and Push now resends a group.")));
    presets.put(IdpType.AZURE, new IdpPreset(IdpType.AZURE, "Tenant URL", "Secret Token",
        "emails[type eq \"work\"].value, from the Entra user's mail; userName is the userPrincipalName, which may "
            + "differ from the mailbox",
        "PATCH replacing active with \"False\" (false with ?aadOptscim062020) when the person is unassigned, blocked "
            + "from signing in or soft-deleted in Entra",
        "DELETE of the user when it is permanently deleted in Entra (by default 30 days after a soft delete); DELETE "
            + "of a group when it is unassigned or deleted",
        List.of(new Mapping("userName", "userPrincipalName"),
            new Mapping("active", "Switch([IsSoftDeleted], , \"False\", \"True\", \"True\", \"False\")"),
            new Mapping("displayName", "displayName"),
            new Mapping("emails[type eq \"work\"].value", "mail"),
            new Mapping("name.givenName", "givenName"),
            new Mapping("name.familyName", "surname"),
            new Mapping("title", "jobTitle"),
            new Mapping("externalId", "mailNickname"),
            new Mapping("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department", "department"),
            new Mapping("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager", "manager")),
        List.of(
            "In the Microsoft Entra admin center open Identity > Applications > Enterprise applications > New application "
                + "> Create your own application, name it, choose \"Integrate any other application you don't find in "
                + "the gallery (Non-gallery)\" and click Create.",
            "Open Provisioning, click Get started (or New configuration) and set Provisioning Mode to Automatic.",
            "Under Admin Credentials paste " + BASE_URL + " into Tenant URL. To use Entra's RFC-compliant PATCH "
                + "behaviour, paste " + BASE_URL + "?aadOptscim062020 instead; both work.",
            "Paste the connection's secret into Secret Token; " + SECRET + ".",
            "Click Test Connection, then Save.",
            "Under Mappings review the user and group attributes sent; under Settings choose \"Sync only assigned users "
                + "and groups\".",
            "Assign users and groups under Users and groups, set Provisioning Status to On and Save. Entra runs an "
                + "initial cycle, then syncs about every 40 minutes; Provision on demand pushes one user at once.")));
    presets.put(IdpType.ONELOGIN, new IdpPreset(IdpType.ONELOGIN, "SCIM Base URL", "SCIM Bearer Token",
        "emails[type eq \"work\"].value, from {$user.email}; set the SCIM username parameter to Email so that "
            + "userName is the email too",
        "PUT of the user from the SCIM JSON template with active \"false\" when the person is suspended or removed "
            + "from the app and the deprovisioning action is Suspend",
        "DELETE of the user when the person is removed from the app or deleted in OneLogin and the deprovisioning "
            + "action is Delete",
        List.of(new Mapping("userName", "{$parameters.scimusername} (set to Email)"),
            new Mapping("name.givenName", "{$user.firstname}"),
            new Mapping("name.familyName", "{$user.lastname}"),
            new Mapping("displayName", "{$user.display_name}"),
            new Mapping("emails[type eq \"work\"].value (primary)", "{$user.email}"),
            new Mapping("active", "{$user.active}"),
            new Mapping("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department", "{$user.department}")),
        List.of(
            "In OneLogin open Applications > Add App, search for \"SCIM Provisioner with SAML (SCIM v2 Enterprise)\", "
                + "name it and Save.",
            "On the Configuration tab paste " + BASE_URL + " into SCIM Base URL.",
            "Paste the connection's secret into SCIM Bearer Token; " + SECRET + ".",
            "Keep the default SCIM JSON Template or map the attributes listed in this guide; templates may send active "
                + "as \"{$user.active}\", which is accepted.",
            "Under API Connection click Enable, then Save: OneLogin checks the connection with a lookup.",
            "On the Provisioning tab tick Enable provisioning and Create user, Delete user, Update user; choose what "
                + "happens when a user is deleted or removed (Delete or Suspend) and Save.",
            "On the Parameters tab open Groups, tick Include in User Provisioning and Save; Refresh entitlements lists "
                + "the groups already here.",
            "Assign the app to people (directly, by role or by rule): each one is created here.")));
    presets.put(IdpType.JUMPCLOUD, new IdpPreset(IdpType.JUMPCLOUD, "Base URL", "Token Key",
        "emails (the primary one) and userName, both from the JumpCloud user's email",
        "active set to false when the person is suspended or unbound from the app",
        "Test Connection creates a test user and a test group and deletes both; people who leave the app are "
            + "deactivated",
        List.of(new Mapping("userName", "email"),
            new Mapping("emails[type eq \"work\"].value (primary)", "email"),
            new Mapping("name.givenName", "firstname"),
            new Mapping("name.familyName", "lastname"),
            new Mapping("displayName", "displayname"),
            new Mapping("active", "the user's state and binding to the app")),
        List.of(
            "In the JumpCloud Admin Portal open SSO Applications, click Add New Application and choose Custom "
                + "Application (or open the SAML application you use for this product).",
            "On the Identity Management tab select SCIM 2.0 and paste " + BASE_URL + " into Base URL.",
            "Paste the connection's secret into Token Key (header Authorization: Bearer); " + SECRET + ".",
            "Enter a Test User Email of your domain and click Test Connection: JumpCloud creates and deletes a test "
                + "user and a test group.",
            "Click Activate, then Save.",
            "On the User Groups tab bind the groups whose members should have access, and Save: members are created "
                + "here and the groups pushed with their members.")));
    presets.put(IdpType.GENERIC, new IdpPreset(IdpType.GENERIC, "SCIM base URL", "Bearer token",
        "emails (the primary one, else the first), else userName when it is an email",
        "PATCH or PUT setting active to false",
        "DELETE of the user or group",
        List.of(new Mapping("userName", "the login name, ideally the email"),
            new Mapping("emails[type eq \"work\"].value (primary)", "the email"),
            new Mapping("name.givenName", "first name"),
            new Mapping("name.familyName", "last name"),
            new Mapping("displayName", "display name"),
            new Mapping("active", "whether the person may use the product"),
            new Mapping("externalId", "the IdP's id of the person")),
        List.of(
            "In your identity provider create a SCIM 2.0 provisioning integration (often \"custom SCIM app\").",
            "Set its SCIM base URL (also called tenant URL or endpoint) to " + BASE_URL + ".",
            "Set bearer-token authentication (header Authorization: Bearer) with the connection's secret; " + SECRET + ".",
            "Test the connection: a lookup of an unknown userName answers 200 with an empty list.",
            "Enable create, update and deactivate for users, and group push if offered.",
            "Assign people and groups to the integration.")));
    return presets;
  }
}
