package dev.streamscout.job;

import dev.streamscout.core.chat.ChatMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Test fixtures: chat written as a scenario ({@code steady(...)}, {@code burst(...)}) at named instants. */
public final class ChatFixtures {

    public static final Instant BEGINNING = Instant.parse("2024-05-01T20:00:00Z");
    public static final Duration ONE_MINUTE = Duration.ofMinutes(1);
    public static final Duration TWO_MINUTES = Duration.ofMinutes(2);

    /** Channel id → login, as ingest would publish them. */
    public static final String HYPE_ID = "1001";
    public static final String HYPE_LOGIN = "hypechannel";
    public static final String CALM_ID = "2002";
    public static final String CALM_LOGIN = "calmchannel";

    private static final AtomicLong IDS = new AtomicLong();

    private ChatFixtures() {}

    public static ChatMessage msg(String channelId, String user, String text, Instant at) {
        String login = HYPE_ID.equals(channelId) ? HYPE_LOGIN : CALM_ID.equals(channelId) ? CALM_LOGIN : "ch" + channelId;
        return new ChatMessage(channelId, login, "u-" + user, user, user, text, at.toEpochMilli(), List.of(),
                "m-" + IDS.incrementAndGet());
    }

    /** {@code perSecond} messages in every second of {@code length}, spread evenly inside the second. */
    public static List<ChatMessage> steady(String channelId, int perSecond, Instant from, Duration length) {
        List<ChatMessage> out = new ArrayList<>();
        long spacingMs = 1000 / Math.max(1, perSecond);
        for (long s = 0; s < length.toSeconds(); s++) {
            for (int i = 0; i < perSecond; i++) {
                out.add(msg(channelId, "viewer" + i, "chatting along", from.plusSeconds(s).plusMillis(i * spacingMs)));
            }
        }
        return out;
    }

    /** {@code n} messages from {@code from}, {@code spacing} apart. */
    public static List<ChatMessage> burst(String channelId, int n, Instant from, Duration spacing) {
        List<ChatMessage> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(msg(channelId, "hyper" + i, "PogChamp PogChamp", from.plus(spacing.multipliedBy(i))));
        }
        return out;
    }

    @SafeVarargs
    public static List<ChatMessage> inTimeOrder(List<ChatMessage>... parts) {
        List<ChatMessage> all = new ArrayList<>();
        for (List<ChatMessage> part : parts) {
            all.addAll(part);
        }
        all.sort((a, b) -> Long.compare(a.timestamp(), b.timestamp()));
        return all;
    }
}
