package dev.scimlambda.admin.console;

import dev.scimlambda.problem.NotFoundException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code /admin/console/}: the admin console's page and assets, read from the classpath where the
 * admin-console jar put them. Any path without a file extension is the page itself, so a reload
 * on a console route works. No admin token is needed to load the page: it holds no data, and the
 * API calls it makes carry the token the admin types in.
 */
@Controller(ConsoleController.ROOT)
public final class ConsoleController {

  public static final String ROOT = "/admin/console";
  static final String RESOURCE_DIR = "admin-console/";
  static final String INDEX = "index.html";

  /** Hashed file names (Vite's {@code assets/name-hash.ext}) never change content: cache them for good. */
  private static final String IMMUTABLE = "public, max-age=31536000, immutable";
  /** The page names the current hashed assets, so it is revalidated on every load. */
  private static final String REVALIDATE = "no-cache";
  /** The page talks only to its own origin and is never framed (it shows secrets). */
  private static final String CSP = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
      + "frame-ancestors 'none'; form-action 'self'";
  private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*");
  private static final Map<String, String> TYPES = Map.of(
      "html", "text/html; charset=utf-8",
      "js", "text/javascript; charset=utf-8",
      "css", "text/css; charset=utf-8",
      "svg", "image/svg+xml",
      "json", "application/json",
      "map", "application/json",
      "txt", "text/plain; charset=utf-8",
      "woff2", "font/woff2");

  /** Whether this build holds the console: it has none when npm was absent at build time. */
  public static boolean built() {
    return ConsoleController.class.getClassLoader().getResource(RESOURCE_DIR + INDEX) != null;
  }

  @Get
  public HttpResponse<byte[]> index() {
    return file(INDEX);
  }

  @Get("/{+path}")
  public HttpResponse<byte[]> asset(@PathVariable @Nullable String path) {
    if (path == null || path.isEmpty() || extension(path).isEmpty()) {
      return file(INDEX);
    }
    if (!SAFE_PATH.matcher(path).matches() || path.contains("..")) {
      throw notFound();
    }
    return file(path);
  }

  private HttpResponse<byte[]> file(String path) {
    byte[] content = read(RESOURCE_DIR + path).orElseThrow(() -> INDEX.equals(path)
        ? new NotFoundException("The admin console is not part of this build: npm was not available when it was built")
        : notFound());
    String type = TYPES.getOrDefault(extension(path), MediaType.APPLICATION_OCTET_STREAM);
    return HttpResponse.ok(content)
        .header("Content-Type", type)
        .header("Cache-Control", path.startsWith("assets/") ? IMMUTABLE : REVALIDATE)
        .header("X-Content-Type-Options", "nosniff")
        .header("Referrer-Policy", "no-referrer")
        .header("Content-Security-Policy", CSP);
  }

  private static NotFoundException notFound() {
    return new NotFoundException("no such file in the admin console");
  }

  private static String extension(String path) {
    int slash = path.lastIndexOf('/');
    int dot = path.lastIndexOf('.');
    return dot > slash ? path.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
  }

  private static Optional<byte[]> read(String resource) {
    try (InputStream in = ConsoleController.class.getClassLoader().getResourceAsStream(resource)) {
      return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
