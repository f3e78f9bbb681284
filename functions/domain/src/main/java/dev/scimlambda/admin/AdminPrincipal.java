package dev.scimlambda.admin;

import dev.scimlambda.problem.ForbiddenException;
import java.util.Set;

/**
 * Who is calling the admin API: the operator (the deployment's static token, every workspace) or a
 * workspace admin signed in by the host product's identity provider ({@code sub} and the workspaces
 * its claim lists).
 */
public record AdminPrincipal(String actor, Set<String> workspaces, boolean operator) {

  public static final String OPERATOR_ACTOR = "operator";

  public AdminPrincipal {
    workspaces = Set.copyOf(workspaces);
  }

  public static AdminPrincipal theOperator() {
    return new AdminPrincipal(OPERATOR_ACTOR, Set.of(), true);
  }

  public static AdminPrincipal workspaceAdmin(String subject, Set<String> workspaces) {
    return new AdminPrincipal(subject, workspaces, false);
  }

  public boolean administers(String workspaceId) {
    return operator || workspaces.contains(workspaceId);
  }

  public void requireWorkspace(String workspaceId) {
    if (!administers(workspaceId)) {
      throw new ForbiddenException("This sign-in does not administer workspace " + workspaceId + ".");
    }
  }

  public void requireOperator() {
    if (!operator) {
      throw new ForbiddenException("Only the operator may do this.");
    }
  }
}
