package dev.streamscout.job.analytics;

import dev.streamscout.core.chat.ChatMessage;
import dev.streamscout.store.ChatMinuteSummary;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Running counts of one channel's chat during one minute: messages, messages per chatter, emote uses
 * and sentiment hits. Mergeable, so it can be a window accumulator; a Flink POJO (public fields, no-arg
 * constructor) so its state is not serialized by Kryo.
 */
public class ChatMinuteTally {

    /** How many chatters and emotes a summary keeps. */
    public static final int TOP = 5;

    public String channelId;
    public String channelLogin;
    public long messages;
    public Map<String, Integer> chatters = new HashMap<>();
    public Map<String, Integer> emotes = new HashMap<>();
    public long positive;
    public long negative;

    public ChatMinuteTally() {}

    public ChatMinuteTally add(ChatMessage message) {
        if (channelId == null) {
            channelId = message.channelId();
        }
        if (channelLogin == null) {
            channelLogin = message.channelLogin();
        }
        messages++;
        String user = message.username() != null ? message.username() : message.userId();
        if (user != null) {
            chatters.merge(user, 1, Integer::sum);
        }
        if (message.emotes() != null) {
            for (String emote : message.emotes()) {
                if (emote != null && !emote.isEmpty()) {
                    emotes.merge(emote, 1, Integer::sum);
                }
            }
        }
        int[] hits = SentimentLexicon.score(message.message());
        positive += hits[0];
        negative += hits[1];
        return this;
    }

    public ChatMinuteTally merge(ChatMinuteTally other) {
        if (channelId == null) {
            channelId = other.channelId;
        }
        if (channelLogin == null) {
            channelLogin = other.channelLogin;
        }
        messages += other.messages;
        other.chatters.forEach((k, v) -> chatters.merge(k, v, Integer::sum));
        other.emotes.forEach((k, v) -> emotes.merge(k, v, Integer::sum));
        positive += other.positive;
        negative += other.negative;
        return this;
    }

    /** The row for the minute starting at {@code minuteMs}. */
    public ChatMinuteSummary toSummary(long minuteMs) {
        return new ChatMinuteSummary(channelId, channelLogin, minuteMs, (int) Math.min(Integer.MAX_VALUE, messages),
                chatters.size(), top(chatters), top(emotes), SentimentLexicon.score(positive, negative));
    }

    /** The {@link #TOP} largest counts, largest first, ties by name so the result is deterministic. */
    static Map<String, Integer> top(Map<String, Integer> counts) {
        Map<String, Integer> top = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP)
                .forEach(e -> top.put(e.getKey(), e.getValue()));
        return top;
    }
}
