package dev.scimlambda.bench.captaingoldfish;

import de.captaingoldfish.scim.sdk.common.resources.User;

/** Users in memory; the SDK reads the resource class from this class's generic superclass. */
public final class InMemoryUserHandler extends InMemoryResourceHandler<User> {

  public InMemoryUserHandler() {
    super(User.class);
  }
}
