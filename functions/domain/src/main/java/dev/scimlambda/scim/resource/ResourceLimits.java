package dev.scimlambda.scim.resource;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimlambda.problem.InvalidInputException;
import dev.scimlambda.problem.ScimType;
import dev.scimlambda.scim.ScimJson;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * How large a value may be, derived from DynamoDB's limits with margin, and checked where values
 * enter (docs/limits.md). Without these bounds an over-long value reached DynamoDB and came back
 * as a 500 (issue 15); with them it is a 400 {@code invalidValue} naming the value.
 *
 * <ul>
 *   <li>A sort key holds at most 1,024 bytes, a partition key 2,048, and the GSI keys likewise.
 *       Ids, userName, externalId, email values, a group's displayName and member values end up in
 *       sort keys behind a prefix of at most 11 characters, and the longest composed key is an
 *       email lookup, {@code USER_EMAIL#<email>#<user id>}: {@value #MAX_KEY_BYTES} bytes each leave
 *       room for both and for the prefix.
 *   <li>An item holds at most 400 KB. The stored document is one attribute of the user or group
 *       item, and the stream processor's revision of a change holds up to its old and new values:
 *       twice {@value #MAX_RESOURCE_BYTES} bytes plus keys stay well under 400 KB. Members are items
 *       of their own and do not count toward a group's document.
 *   <li>{@value #MAX_VALUES} values per multi-valued attribute keep a PATCH adding values linear
 *       enough: each added value is compared with those present.
 *   <li>A member's display is copied into its membership item; it is a name, so {@value
 *       #MAX_DISPLAY_BYTES} bytes is generous.
 * </ul>
 *
 * Lengths are UTF-8 bytes, as DynamoDB counts them.
 */
public final class ResourceLimits {

  /** Any value that becomes (part of) a key: ids, userName, externalId, emails, displayName, member values. */
  public static final int MAX_KEY_BYTES = 512;

  /** A stored resource document as JSON, without its group members. */
  public static final int MAX_RESOURCE_BYTES = 128 * 1024;

  /**
   * Values of one multi-valued attribute in a document (emails, phoneNumbers, ...): the document
   * bound allows a few thousand tiny ones, and adding values compares each with those present.
   * A group's members are items of their own and not bounded by this.
   */
  public static final int MAX_VALUES = 1000;

  /** A group member's display. */
  public static final int MAX_DISPLAY_BYTES = 1024;

  private ResourceLimits() {}

  /**
   * An id as sent in a path, a bulk operation or a member reference.
   *
   * @throws InvalidInputException 400 invalidValue when it is longer than {@link #MAX_KEY_BYTES}
   */
  public static String requireId(String id) {
    requireKey("id", id);
    return id;
  }

  /**
   * A value that is stored under a key or looked up by one.
   *
   * @param attribute the attribute's name as the client knows it, for the error detail
   * @throws InvalidInputException 400 invalidValue when it is longer than {@link #MAX_KEY_BYTES}
   */
  public static void requireKey(String attribute, String value) {
    if (value != null && !fitsKey(value)) {
      throw new InvalidInputException(ScimType.invalidValue,
          "'" + attribute + "' is longer than " + MAX_KEY_BYTES + " bytes (UTF-8), the most this service stores");
    }
  }

  /** Whether {@code value} can be (part of) a key. */
  public static boolean fitsKey(String value) {
    return utf8Length(value, MAX_KEY_BYTES) <= MAX_KEY_BYTES;
  }

  /** @throws InvalidInputException 400 invalidValue when a member's display is longer than {@link #MAX_DISPLAY_BYTES} */
  public static void requireDisplay(String display) {
    if (display != null && utf8Length(display, MAX_DISPLAY_BYTES) > MAX_DISPLAY_BYTES) {
      throw new InvalidInputException(ScimType.invalidValue,
          "A member's 'display' is longer than " + MAX_DISPLAY_BYTES + " bytes (UTF-8)");
    }
  }

  /**
   * The document as it is about to be stored (after POST, PUT or PATCH).
   *
   * @param resourceType {@code User} or {@code Group}, for the error detail
   * @throws InvalidInputException 400 invalidValue when its JSON is longer than {@link #MAX_RESOURCE_BYTES}
   */
  public static void requireStorable(String resourceType, JsonNode document) {
    LimitedCount count = new LimitedCount(MAX_RESOURCE_BYTES);
    try {
      ScimJson.MAPPER.writeValue(count, document);
    } catch (IOException e) {
      if (!count.exceeded()) {
        throw new UncheckedIOException(e);
      }
      throw new InvalidInputException(ScimType.invalidValue,
          "The " + resourceType + " would be larger than " + MAX_RESOURCE_BYTES
              + " bytes as JSON, the most this service stores; send fewer or shorter values");
    }
  }

  /** The UTF-8 length of {@code text}, counted no further than just past {@code limit}. */
  static int utf8Length(String text, int limit) {
    if (text.length() > limit) {
      // Every char is at least one byte.
      return limit + 1;
    }
    return text.getBytes(StandardCharsets.UTF_8).length;
  }

  /** Counts bytes written and stops the writer once there are too many, so nothing large is built. */
  private static final class LimitedCount extends OutputStream {
    private final long limit;
    private long count;

    LimitedCount(long limit) {
      this.limit = limit;
    }

    @Override
    public void write(int b) throws IOException {
      add(1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      add(len);
    }

    boolean exceeded() {
      return count > limit;
    }

    private void add(long bytes) throws IOException {
      count += bytes;
      if (count > limit) {
        throw new IOException("more than " + limit + " bytes");
      }
    }
  }
}
