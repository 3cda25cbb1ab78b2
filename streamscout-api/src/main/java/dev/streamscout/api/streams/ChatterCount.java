package dev.streamscout.api.streams;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A chatter and how many of their messages the range's per-minute top lists counted. */
public record ChatterCount(@JsonProperty("login") String login, @JsonProperty("messages") long messages) {}
