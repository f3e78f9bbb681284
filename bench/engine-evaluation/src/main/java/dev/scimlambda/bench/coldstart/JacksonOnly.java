package dev.scimlambda.bench.coldstart;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The baseline: no engine; the child only parses and writes the JSON with Jackson. */
public final class JacksonOnly implements Workload {

  @Override
  public void init() {}

  @Override
  public void parse() {}

  @Override
  public ObjectNode patch(ObjectNode user, ObjectNode patchRequest, String patchBody) {
    return user;
  }
}
