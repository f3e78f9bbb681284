package dev.scimlambda.connection;

/** A connection together with the bearer secret just issued for it, shown to the admin once per issue. */
public record IssuedConnection(Connection connection, String bearerToken) {}
