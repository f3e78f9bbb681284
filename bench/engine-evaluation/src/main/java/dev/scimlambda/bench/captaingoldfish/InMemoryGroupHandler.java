package dev.scimlambda.bench.captaingoldfish;

import de.captaingoldfish.scim.sdk.common.resources.Group;

/** Groups in memory. */
public final class InMemoryGroupHandler extends InMemoryResourceHandler<Group> {

  public InMemoryGroupHandler() {
    super(Group.class);
  }
}
