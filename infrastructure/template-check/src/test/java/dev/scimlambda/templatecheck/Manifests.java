package dev.scimlambda.templatecheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.scimlambda.runtime.FunctionManifest;

/** The {@link FunctionManifest} a handler class publishes in its {@code MANIFEST} field. */
final class Manifests {

  private Manifests() {}

  /** {@code handler} as the template writes it: a class name, optionally {@code ::method}. */
  static FunctionManifest of(String handler) {
    String type = handler.split("::", 2)[0];
    try {
      Object manifest = Class.forName(type).getField("MANIFEST").get(null);
      assertThat(manifest).as("%s.MANIFEST", type).isInstanceOf(FunctionManifest.class);
      return (FunctionManifest) manifest;
    } catch (ReflectiveOperationException e) {
      return fail("cannot read %s.MANIFEST: %s", type, e);
    }
  }
}
