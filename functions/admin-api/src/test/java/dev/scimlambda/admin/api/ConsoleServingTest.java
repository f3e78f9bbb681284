package dev.scimlambda.admin.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.scimlambda.admin.console.ConsoleController;
import dev.scimlambda.testing.ApiCall;
import dev.scimlambda.testing.ApiResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admin console is served by the admin function itself, under /admin/console/. */
class ConsoleServingTest extends AdminApiTestBase {

  @BeforeEach
  void consoleWasBuilt() {
    assumeTrue(ConsoleController.built(),
        "admin console not built: npm was not on the PATH when functions/admin-console was built");
  }

  private static ApiResult get(String path) {
    return ApiCall.of("GET", path).invoke(handler);
  }

  @Test
  void thePageLoadsWithoutTheAdminTokenAndIsRevalidatedOnEveryLoad() {
    ApiResult page = get("/admin/console/");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.header("Content-Type")).startsWith("text/html");
    assertThat(page.header("Cache-Control")).isEqualTo("no-cache");
    assertThat(page.bodyText()).contains("<div id=\"app\"");
  }

  @Test
  void thePageForbidsFramingAndForeignScripts() {
    ApiResult page = get("/admin/console");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.header("Content-Security-Policy")).contains("default-src 'self'", "frame-ancestors 'none'");
    assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
  }

  @Test
  void aConsoleRouteReloadedInTheBrowserGetsThePage() {
    ApiResult page = get("/admin/console/users/some-user");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.bodyText()).isEqualTo(get("/admin/console/").bodyText());
  }

  @Test
  void hashedAssetsHaveTheirContentTypeAndAreCachedForGood() {
    String script = assetNamed(".js");

    ApiResult asset = get("/admin/console/" + script);

    assertThat(asset.status()).isEqualTo(200);
    assertThat(asset.header("Content-Type")).startsWith("text/javascript");
    assertThat(asset.header("Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
    assertThat(asset.bodyText()).isNotBlank();
  }

  @Test
  void aMissingAssetIsNotFoundRatherThanThePage() {
    ApiResult missing = get("/admin/console/assets/missing-0000.js");

    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json().at("/error/code").asText()).isEqualTo("not_found");
  }

  @Test
  void pathsLeavingTheConsoleDirectoryAreNotFound() {
    assertThat(get("/admin/console/../admin-console/index.html").status()).isEqualTo(404);
    assertThat(get("/admin/console/assets/%2e%2e/%2e%2e/logback.xml").status()).isEqualTo(404);
  }

  @Test
  void theWholeConsoleIsUnderSixtyKilobytesGzipped() {
    String page = get("/admin/console/").bodyText();
    long total = gzippedSize(page.getBytes(StandardCharsets.UTF_8));
    Matcher assets = Pattern.compile("/admin/console/(assets/[^\"]+)").matcher(page);
    int count = 0;
    while (assets.find()) {
      total += gzippedSize(get("/admin/console/" + assets.group(1)).bodyText().getBytes(StandardCharsets.UTF_8));
      count++;
    }

    assertThat(count).as("the page references its script and style sheet").isGreaterThanOrEqualTo(2);
    assertThat(total).as("gzipped bytes of the page and its assets").isLessThan(60 * 1024);
  }

  private static long gzippedSize(byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.size();
  }

  /** The page names its hashed assets; read one of them from it. */
  private static String assetNamed(String suffix) {
    Matcher m = Pattern.compile("/admin/console/(assets/[^\"]+" + Pattern.quote(suffix) + ")").matcher(get("/admin/console/").bodyText());
    assertThat(m.find()).as("the page references an asset ending " + suffix).isTrue();
    return m.group(1);
  }
}
