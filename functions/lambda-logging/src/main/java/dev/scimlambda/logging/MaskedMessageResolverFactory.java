package dev.scimlambda.logging;

import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginFactory;
import org.apache.logging.log4j.layout.template.json.resolver.EventResolver;
import org.apache.logging.log4j.layout.template.json.resolver.EventResolverContext;
import org.apache.logging.log4j.layout.template.json.resolver.EventResolverFactory;
import org.apache.logging.log4j.layout.template.json.resolver.TemplateResolverConfig;
import org.apache.logging.log4j.layout.template.json.resolver.TemplateResolverFactory;
import org.apache.logging.log4j.layout.template.json.util.JsonWriter;

/** {@code {"$resolver": "maskedMessage"}}: the formatted message, through {@link Masking}. */
@Plugin(name = "MaskedMessageResolverFactory", category = TemplateResolverFactory.CATEGORY)
public final class MaskedMessageResolverFactory implements EventResolverFactory {

  private static final MaskedMessageResolverFactory INSTANCE = new MaskedMessageResolverFactory();

  private MaskedMessageResolverFactory() {}

  @PluginFactory
  public static MaskedMessageResolverFactory getInstance() {
    return INSTANCE;
  }

  @Override
  public String getName() {
    return "maskedMessage";
  }

  @Override
  public EventResolver create(EventResolverContext context, TemplateResolverConfig config) {
    return new EventResolver() {
      @Override
      public void resolve(LogEvent event, JsonWriter json) {
        json.writeString(Masking.mask(event.getMessage().getFormattedMessage()));
      }
    };
  }
}
