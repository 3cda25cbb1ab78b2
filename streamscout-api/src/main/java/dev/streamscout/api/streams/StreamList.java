package dev.streamscout.api.streams;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Body of {@code GET /streams}: live channels first, then most viewers first. */
public record StreamList(@JsonProperty("streams") List<StreamView> streams) {}
