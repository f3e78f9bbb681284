package dev.scimlambda.logging;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginFactory;
import org.apache.logging.log4j.layout.template.json.resolver.EventResolver;
import org.apache.logging.log4j.layout.template.json.resolver.EventResolverContext;
import org.apache.logging.log4j.layout.template.json.resolver.EventResolverFactory;
import org.apache.logging.log4j.layout.template.json.resolver.TemplateResolverConfig;
import org.apache.logging.log4j.layout.template.json.resolver.TemplateResolverFactory;
import org.apache.logging.log4j.layout.template.json.util.JsonWriter;

/**
 * {@code {"$resolver": "maskedException"}}: the logged exception as {@code {"class", "message",
 * "stack"}}, message and stack trace through {@link Masking}; the field is left out of lines
 * without an exception.
 */
@Plugin(name = "MaskedExceptionResolverFactory", category = TemplateResolverFactory.CATEGORY)
public final class MaskedExceptionResolverFactory implements EventResolverFactory {

  private static final MaskedExceptionResolverFactory INSTANCE = new MaskedExceptionResolverFactory();

  private MaskedExceptionResolverFactory() {}

  @PluginFactory
  public static MaskedExceptionResolverFactory getInstance() {
    return INSTANCE;
  }

  @Override
  public String getName() {
    return "maskedException";
  }

  @Override
  public EventResolver create(EventResolverContext context, TemplateResolverConfig config) {
    return new EventResolver() {
      @Override
      public boolean isResolvable(LogEvent event) {
        return event.getThrown() != null;
      }

      @Override
      public void resolve(LogEvent event, JsonWriter json) {
        Throwable thrown = event.getThrown();
        json.writeObjectStart();
        json.writeObjectKey("class");
        json.writeString(thrown.getClass().getName());
        json.writeSeparator();
        json.writeObjectKey("message");
        if (thrown.getMessage() == null) {
          json.writeNull();
        } else {
          json.writeString(Masking.mask(thrown.getMessage()));
        }
        json.writeSeparator();
        json.writeObjectKey("stack");
        StringWriter stack = new StringWriter();
        thrown.printStackTrace(new PrintWriter(stack));
        json.writeString(Masking.mask(stack.toString()));
        json.writeObjectEnd();
      }
    };
  }
}
