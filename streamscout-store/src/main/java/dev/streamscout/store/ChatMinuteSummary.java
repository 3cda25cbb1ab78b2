package dev.streamscout.store;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One row of {@code chat_summary_minute}: a channel's chat during one event-time minute.
 *
 * @param channelId      broadcaster's user id
 * @param channelLogin   broadcaster's login (may be null)
 * @param minuteMs       start of the minute, epoch ms (a multiple of 60 000)
 * @param messageCount   chat messages in the minute (commands excluded)
 * @param uniqueChatters distinct users who wrote
 * @param topChatters    user login → messages, most active first
 * @param topEmotes      emote → uses, most used first
 * @param sentimentScore lexicon score in [-1, 1]: (positive − negative hits) / (positive + negative hits)
 */
public record ChatMinuteSummary(
        String channelId,
        String channelLogin,
        long minuteMs,
        int messageCount,
        int uniqueChatters,
        Map<String, Integer> topChatters,
        Map<String, Integer> topEmotes,
        double sentimentScore) implements Serializable {

    public ChatMinuteSummary {
        Objects.requireNonNull(channelId, "channelId");
        topChatters = topChatters == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(topChatters));
        topEmotes = topEmotes == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(topEmotes));
    }
}
