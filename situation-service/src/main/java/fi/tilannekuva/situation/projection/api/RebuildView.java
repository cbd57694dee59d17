package fi.tilannekuva.situation.projection.api;

import java.time.Instant;

/** The answer to a rebuild: when it started; the picture fills again as the consumers re-read the topics. */
public record RebuildView(Instant startedAt, String message) {}
