package dev.scimlambda.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README is the front door and the references live in docs/: the door stays small, and no
 * link between them leads nowhere, since moved sections are the usual way links break.
 */
class DocumentationTest {

  private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)\\)");
  private static final Path ROOT = repositoryRoot();

  @Test
  void theReadmeStaysUnder20Kilobytes() throws IOException {
    assertThat(Files.size(ROOT.resolve("README.md"))).isLessThan(20_000);
  }

  @Test
  void everyRelativeLinkOfTheReadmeAndTheDocsLeadsToAnExistingFileAndHeading() {
    List<String> broken = new ArrayList<>();
    for (Path page : pages()) {
      for (String link : links(page)) {
        if (link.matches("^[a-z][a-z0-9+.-]*:.*")) {
          continue; // https:, mailto: — outside the repository
        }
        int hash = link.indexOf('#');
        String file = hash < 0 ? link : link.substring(0, hash);
        Path target = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
        if (!Files.exists(target)) {
          broken.add(ROOT.relativize(page) + ": " + link + " (no such file)");
        } else if (hash >= 0 && target.toString().endsWith(".md") && !anchors(target).contains(link.substring(hash + 1))) {
          broken.add(ROOT.relativize(page) + ": " + link + " (no such heading)");
        }
      }
    }
    assertThat(broken).isEmpty();
  }

  private static List<Path> pages() {
    List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
    try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return pages;
  }

  /** Links in the prose: code blocks show commands and output, not links. */
  private static List<String> links(Path page) {
    List<String> links = new ArrayList<>();
    for (String line : prose(page)) {
      Matcher m = LINK.matcher(line.replaceAll("`[^`]*`", "``"));
      while (m.find()) {
        links.add(m.group(1));
      }
    }
    return links;
  }

  /** The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces as hyphens. */
  private static Set<String> anchors(Path page) {
    Set<String> anchors = new HashSet<>();
    Map<String, Integer> seen = new HashMap<>();
    for (String line : prose(page)) {
      if (!line.matches("^#{1,6} .*")) {
        continue;
      }
      String slug = line.replaceFirst("^#+ ", "").trim().toLowerCase(Locale.ROOT)
          .replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
      int n = seen.merge(slug, 1, Integer::sum);
      anchors.add(n == 1 ? slug : slug + "-" + (n - 1));
    }
    return anchors;
  }

  private static List<String> prose(Path page) {
    List<String> lines = new ArrayList<>();
    boolean fenced = false;
    try {
      for (String line : Files.readAllLines(page)) {
        if (line.stripLeading().startsWith("```")) {
          fenced = !fenced;
        } else if (!fenced) {
          lines.add(line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return lines;
  }

  private static Path repositoryRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve("README.md")) && Files.isDirectory(dir.resolve("docs"))) {
        return dir;
      }
    }
    throw new IllegalStateException("README.md and docs/ not found above " + Path.of("").toAbsolutePath());
  }
}
