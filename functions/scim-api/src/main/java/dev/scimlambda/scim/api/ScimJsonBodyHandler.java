package dev.scimlambda.scim.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.scimlambda.scim.ScimJson;
import io.micronaut.core.type.Argument;
import io.micronaut.core.type.Headers;
import io.micronaut.core.type.MutableHeaders;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.body.MessageBodyHandler;
import io.micronaut.http.codec.CodecException;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Teaches Micronaut the SCIM media type (RFC 7644 §3.1): Micronaut 4 only reads and writes the JSON
 * media types it knows, and {@code application/scim+json} is not among them.
 */
@Singleton
@Consumes(ScimJson.MEDIA_TYPE)
@Produces(ScimJson.MEDIA_TYPE)
public final class ScimJsonBodyHandler implements MessageBodyHandler<JsonNode> {

  @Override
  public boolean isReadable(Argument<JsonNode> type, MediaType mediaType) {
    return JsonNode.class.isAssignableFrom(type.getType());
  }

  @Override
  public JsonNode read(Argument<JsonNode> type, MediaType mediaType, Headers headers, InputStream body) {
    try {
      return ScimJson.MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      // Position only: Jackson's own message quotes the offending input, which is customer data.
      var at = e.getLocation();
      throw new CodecException(
          "Body is not valid JSON" + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
    } catch (IOException e) {
      throw new CodecException("Body could not be read", e);
    }
  }

  @Override
  public boolean isWriteable(Argument<JsonNode> type, MediaType mediaType) {
    return JsonNode.class.isAssignableFrom(type.getType());
  }

  @Override
  public void writeTo(Argument<JsonNode> type, MediaType mediaType, JsonNode body, MutableHeaders headers, OutputStream out) {
    try {
      headers.set("Content-Type", ScimJson.MEDIA_TYPE);
      ScimJson.MAPPER.writeValue(out, body);
    } catch (IOException e) {
      throw new CodecException("Cannot write SCIM response", e);
    }
  }
}
