package dev.scimlambda.directorysync.stub;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The response bodies under src/test/resources/dev/scimlambda/directorysync/ (see the README beside them). */
public final class Fixtures {

  private Fixtures() {}

  /** A fixture by its path under that folder, e.g. {@code okta/users-page-1.json}. */
  public static String read(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/dev/scimlambda/directorysync/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
