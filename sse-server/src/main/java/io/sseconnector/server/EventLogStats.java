package io.sseconnector.server;

/**
 * A snapshot of an {@link EventLog}'s counters.
 *
 * @param subscribers subscribers attached right now
 * @param published events published since the log was created
 * @param replayed events written to subscribers from history (resumes), summed over subscribers
 * @param slowDisconnects subscribers disconnected because they fell too far behind
 */
public record EventLogStats(int subscribers, long published, long replayed, long slowDisconnects) {}
