package dev.scimlambda.activity;

/** Names one version of one resource of a connection. */
public record RevisionKey(String resourceType, String resourceId, long version) {}
