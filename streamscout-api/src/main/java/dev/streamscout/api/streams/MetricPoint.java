package dev.streamscout.api.streams;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * One bucket of {@code GET /streams/{id}/metrics}.
 *
 * @param t              the bucket's start
 * @param messages       chat messages in the bucket
 * @param uniqueChatters distinct chatters of the busiest minute in the bucket (distinct users across
 *                       minutes are not stored, so for buckets above a minute this is a lower bound)
 * @param sentiment      mean of the minutes' sentiment in [-1, 1], weighted by their messages; null
 *                       without messages
 * @param viewers        the last viewer count observed in the bucket, null when none was
 */
public record MetricPoint(
        @JsonProperty("t") Instant t,
        @JsonProperty("messages") long messages,
        @JsonProperty("unique_chatters") int uniqueChatters,
        @JsonProperty("sentiment") Double sentiment,
        @JsonProperty("viewers") Integer viewers) {}
