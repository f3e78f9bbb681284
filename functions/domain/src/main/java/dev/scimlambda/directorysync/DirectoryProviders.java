package dev.scimlambda.directorysync;

/**
 * Opens a provider for a connection's credentials; implemented by the functions/directory-sync
 * module (one provider per {@link DirectoryKind}), and by stubs in tests of the engine.
 */
public interface DirectoryProviders {

  DirectoryProvider open(DirectoryCredentials credentials);
}
