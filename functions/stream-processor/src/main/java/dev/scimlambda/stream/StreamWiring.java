package dev.scimlambda.stream;

import dev.scimlambda.activity.ActivityStore;
import dev.scimlambda.connection.SecretNames;
import dev.scimlambda.connection.SecretStore;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.util.List;

@Factory
public class StreamWiring {

  @Singleton
  ChangeProcessor changeProcessor(SecretStore secrets, SecretNames names, ActivityStore activity) {
    return new ChangeProcessor(List.of(new ConnectionSecretCleanup(secrets, names), new ActivityRevisions(activity)));
  }
}
