package dev.scimlambda.events.delivery;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

/** Posts a signed event to a receiver and says how it answered; never follows redirects. */
public interface WebhookTransport {

  /**
   * @return the receiver's status code
   * @throws IOException when no answer came in time (refused, reset, timed out)
   */
  int post(URI url, Map<String, String> headers, String body) throws IOException;
}
