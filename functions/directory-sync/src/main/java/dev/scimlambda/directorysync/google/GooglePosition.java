package dev.scimlambda.directorysync.google;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scimlambda.directorysync.DirectoryProviderException;

/**
 * Where a Google read stands, as the opaque position the engine checkpoints. Google pages with
 * {@code pageToken}s (valid for days), so a position is a few tokens.
 *
 * @param page the pageToken of the current page of users, or of groups (null for the first)
 * @param index groups only: which group of that page is being read
 * @param members groups only: the pageToken of that group's next page of members, or null for its first
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record GooglePosition(String page, Integer index, String members) {

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  String encode() {
    try {
      return MAPPER.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a position is always writable", e);
    }
  }

  static GooglePosition decode(String position) {
    if (position == null) {
      return new GooglePosition(null, 0, null);
    }
    try {
      GooglePosition read = MAPPER.readValue(position, GooglePosition.class);
      return read.index() == null ? new GooglePosition(read.page(), 0, read.members()) : read;
    } catch (JsonProcessingException e) {
      throw new DirectoryProviderException.ProviderError(0, "this Google sync position cannot be read; start a full sync", e);
    }
  }
}
