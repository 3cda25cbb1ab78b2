package dev.streamscout.api.channels;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The 10-minute window of {@code GET /api/channels/{id}/stats}, in epoch seconds (seed 003 shape).
 *
 * @param start           first second of the window
 * @param end             first second after it
 * @param durationSeconds always 600
 */
public record StatsWindow(
        @JsonProperty("start") long start,
        @JsonProperty("end") long end,
        @JsonProperty("duration_seconds") long durationSeconds) {}
