package dev.scimlambda.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The setup steps exist once, in {@link IdpPreset}: the admin API and the console show them, and
 * each guide in docs/idp/ prints them under "Setup steps", word for word and in order, with the
 * placeholders left as placeholders. A step changed in one place and not the other fails here.
 */
class IdpGuideStepsTest {

  private static final String SECRET_LOCATION = "read it with GET /admin/v1/workspaces/{ws}/connections/{id}/secret";

  @ParameterizedTest
  @EnumSource(value = IdpType.class, mode = EnumSource.Mode.EXCLUDE, names = {"MICROSOFT_GRAPH", "OKTA_API", "GOOGLE_WORKSPACE"})
  void theGuideOfEachIdpListsExactlyThePresetsSteps(IdpType type) throws IOException {
    List<String> guide = numberedSteps(guide(type));

    assertThat(guide).containsExactlyElementsOf(IdpPreset.of(type).stepsFor(IdpPreset.BASE_URL, SECRET_LOCATION));
  }

  /** The items "1. …", "2. …" of the "## Setup steps" section; a wrapped item continues indented. */
  private static List<String> numberedSteps(List<String> lines) {
    int start = lines.indexOf("## Setup steps");
    assertThat(start).as("a \"## Setup steps\" section").isNotNegative();
    List<String> steps = new ArrayList<>();
    for (String line : lines.subList(start + 1, lines.size())) {
      if (line.startsWith("## ")) {
        break;
      }
      if (line.matches("^\\d+\\. .*")) {
        assertThat(line).as("steps numbered from 1").startsWith((steps.size() + 1) + ". ");
        steps.add(line.substring(line.indexOf(". ") + 2).strip());
      } else if (!steps.isEmpty() && line.startsWith(" ") && !line.isBlank()) {
        steps.set(steps.size() - 1, steps.get(steps.size() - 1) + " " + line.strip());
      }
    }
    return steps;
  }

  private static List<String> guide(IdpType type) throws IOException {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path guide = dir.resolve("docs/idp/" + type.wireName() + ".md");
      if (Files.exists(guide)) {
        return Files.readAllLines(guide);
      }
    }
    throw new IllegalStateException("docs/idp/" + type.wireName() + ".md not found above " + Path.of("").toAbsolutePath());
  }
}
