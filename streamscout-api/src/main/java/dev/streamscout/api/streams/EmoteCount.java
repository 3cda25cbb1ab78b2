package dev.streamscout.api.streams;

import com.fasterxml.jackson.annotation.JsonProperty;

/** An emote and how often the range's per-minute top lists counted it. */
public record EmoteCount(@JsonProperty("emote") String emote, @JsonProperty("count") long count) {}
