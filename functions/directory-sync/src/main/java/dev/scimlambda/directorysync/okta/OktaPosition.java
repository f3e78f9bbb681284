package dev.scimlambda.directorysync.okta;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scimlambda.directorysync.DirectoryProviderException;

/**
 * Where an Okta read stands, as the opaque position string the engine checkpoints: everything
 * needed to go on in another invocation is in here.
 *
 * @param from set only in the position that starts an incremental pass (the previous pass's
 *     {@code resumeFrom}): read what changed after this instant
 * @param since the instant the next incremental pass starts from, fixed by Okta's clock when this
 *     pass began
 * @param list the URL of the current page of users, or of groups
 * @param index groups only: which group of that page is being read
 * @param members groups only: the next page of that group's members, or null for its first
 * @param changedAfter groups of an incremental pass: the instant it reads changes after, kept for
 *     the System Log phase that follows the changed groups
 * @param log groups of an incremental pass: the next page of membership events in the System Log
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record OktaPosition(String from, String since, String list, Integer index, String members, String changedAfter, String log) {

  OktaPosition(String from, String since, String list, Integer index, String members) {
    this(from, since, list, index, members, null, null);
  }

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  static OktaPosition resumeFrom(String since) {
    return new OktaPosition(since, null, null, null, null, null, null);
  }

  boolean startsIncrementalPass() {
    return from != null;
  }

  String encode() {
    try {
      return MAPPER.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a position is always writable", e);
    }
  }

  static OktaPosition decode(String position) {
    try {
      return MAPPER.readValue(position, OktaPosition.class);
    } catch (JsonProcessingException e) {
      throw new DirectoryProviderException.ProviderError(0, "this Okta sync position cannot be read; start a full sync", e);
    }
  }
}
