package dev.streamscout.api;

import static dev.streamscout.api.ApiTestSupport.NOW;

import dev.streamscout.core.highlight.Clip;
import dev.streamscout.core.highlight.ClipStatus;
import dev.streamscout.core.chat.ChatMessage;
import dev.streamscout.core.highlight.Moment;
import dev.streamscout.core.stream.StreamStatus;
import dev.streamscout.store.ChannelQueries;
import dev.streamscout.store.ChatMinuteSummary;
import dev.streamscout.store.ChatSummaryDao;
import dev.streamscout.store.ClipDao;
import dev.streamscout.store.Database;
import dev.streamscout.store.MomentDao;
import dev.streamscout.store.MomentQueries;
import dev.streamscout.store.RawChatDao;
import dev.streamscout.store.StoredMoment;
import dev.streamscout.store.StreamerDao;
import dev.streamscout.store.ViewerSample;
import dev.streamscout.store.ViewerTimeseriesDao;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small watched world for the analytics endpoints, all relative to {@link ApiTestSupport#NOW}:
 * <ul>
 *   <li>{@code 1001 alpha} live with 500 viewers, {@code 1002 beta} live with 900, {@code 1003 gamma} offline;</li>
 *   <li>alpha's chat: the 10 minutes before NOW, minute {@code i} (0 = oldest) with {@code 10 + i} messages;</li>
 *   <li>alpha's viewers: a sample every 30 s over the last 10 minutes, count = 400 + seconds ago;</li>
 *   <li>alpha's moments: {@value #ALPHA_SPIKES} chat spikes a minute apart in the last hour (intensity
 *       1.0, 1.5, ...), the newest one clipped and with a VOD link, the one before it failed, plus one
 *       viewer drop;</li>
 *   <li>{@code 2001 quiet}: known only from a chat summary row;</li>
 *   <li>alpha's raw chat: {@value #RAW_MESSAGES} archived messages, one every 10 s up to NOW, the last one
 *       {@link #XSS}.</li>
 * </ul>
 */
public final class AnalyticsFixture {

    public static final int ALPHA_SPIKES = 25;
    public static final int RAW_MESSAGES = 720;
    public static final String XSS = "<img src=x onerror=alert(1)>";
    public static final String NEWEST_VOD_URL = "https://www.twitch.tv/videos/2000000001?t=1h59m0s";

    private AnalyticsFixture() {}

    /** A builder with every analytics DAO on {@code database}, the clock fixed at NOW. */
    public static ApiServer.Builder server(Database database) {
        var ds = database.dataSource();
        return ApiServer.builder(ApiSettings.loopback(0))
                .clips(new ClipDao(ds))
                .channels(new ChannelQueries(ds))
                .moments(new MomentQueries(ds))
                .chatSummaries(new ChatSummaryDao(ds))
                .viewerSamples(new ViewerTimeseriesDao(ds))
                .rawChat(new RawChatDao(ds))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .bindJvmMetrics(false);
    }

    public static void seed(Database database) {
        var ds = database.dataSource();
        StreamerDao streamers = new StreamerDao(ds);
        Instant started = NOW.minus(Duration.ofHours(2));
        streamers.upsert(new StreamStatus("1001", "alpha", "Alpha", 500, started, "Alpha's <b>stream</b>", "Chess"),
                true, NOW.minusSeconds(5));
        streamers.upsert(new StreamStatus("1002", "beta", "Beta", 900, started, "Beta", "Just Chatting"), true,
                NOW.minusSeconds(5));
        streamers.upsert(new StreamStatus("1003", "gamma", "Gamma", 0, null, null, null), false, NOW.minusSeconds(5));

        ChatSummaryDao summaries = new ChatSummaryDao(ds);
        for (int i = 0; i < 10; i++) {
            Instant minute = NOW.minus(Duration.ofMinutes(10 - i));
            Map<String, Integer> chatters = new LinkedHashMap<>();
            chatters.put("amy", 3);
            chatters.put("bob", i);
            summaries.upsert(new ChatMinuteSummary("1001", "alpha", minute.toEpochMilli(), 10 + i, 2 + i, chatters,
                    Map.of("PogChamp", 2), i % 2 == 0 ? 0.5 : -0.5));
        }
        summaries.upsert(new ChatMinuteSummary("2001", "quiet", NOW.minus(Duration.ofMinutes(30)).toEpochMilli(), 4, 1,
                Map.of(), Map.of(), 0.0));

        List<ViewerSample> samples = new ArrayList<>();
        for (int secondsAgo = 600; secondsAgo > 0; secondsAgo -= 30) {
            samples.add(new ViewerSample("1001", NOW.minusSeconds(secondsAgo), 400 + secondsAgo));
        }
        new ViewerTimeseriesDao(ds).record(samples);

        List<ChatMessage> raw = new ArrayList<>();
        for (int i = RAW_MESSAGES; i > 0; i--) {
            raw.add(new ChatMessage("1001", "alpha", "u" + i, "user" + i, "User" + i, i == 1 ? XSS : "message " + i,
                    NOW.minusSeconds(10L * i).toEpochMilli(), List.of("Kappa"), "raw-" + i));
        }
        new RawChatDao(ds).insert(raw);

        MomentDao moments = new MomentDao(ds);
        ClipDao clips = new ClipDao(ds);
        for (int i = 0; i < ALPHA_SPIKES; i++) {
            Instant peak = NOW.minus(Duration.ofMinutes(ALPHA_SPIKES - i));
            StoredMoment spike = spike("1001", "alpha", peak, 1.0 + 0.5 * i);
            moments.insert(i == ALPHA_SPIKES - 1 ? spike.withVodUrl(NEWEST_VOD_URL) : spike);
        }
        Instant newest = NOW.minus(Duration.ofMinutes(1));
        clips.insert(new Clip(Moment.momentId("1001", newest.toEpochMilli()), "AlphaClip", "1001", "alpha",
                newest.toEpochMilli(), newest.toEpochMilli() + 2000, "https://clips.twitch.tv/AlphaClip",
                "https://clips.twitch.tv/AlphaClip/edit", "Hype", 13.0, 40, ClipStatus.CREATED, null));
        Instant failed = NOW.minus(Duration.ofMinutes(2));
        clips.insert(new Clip(Moment.momentId("1001", failed.toEpochMilli()), null, "1001", "alpha",
                failed.toEpochMilli(), failed.toEpochMilli() + 500, null, null, "Hype", 12.5, 40, ClipStatus.FAILED,
                "403: clips disabled"));
        long drop = NOW.minusSeconds(90).toEpochMilli();
        moments.insert(new StoredMoment(Moment.momentId("1001", drop), "1001", "alpha", StoredMoment.VIEWER_DROP,
                drop - 60_000, drop, drop, 0.5, 1000, null, 500, 0, 0, null, null, null, null, null,
                started.toEpochMilli(), (drop - started.toEpochMilli()) / 1000, drop + 10));
    }

    static StoredMoment spike(String channelId, String login, Instant peak, double intensity) {
        long p = peak.toEpochMilli();
        return new StoredMoment(Moment.momentId(channelId, p), channelId, login, StoredMoment.CHAT_SPIKE, p - 4_000, p,
                p + 3_000, intensity, 2.5, 1.25, 31.0, 87, 40, List.of("no", "way"), List.of("KEKW"),
                List.of("amy: NO WAY", "bob_99: " + XSS, "a line without a user"), List.of("raid"), "seed",
                NOW.minus(Duration.ofHours(2)).toEpochMilli(), null, p + 2_000)
                .withStreamStart(NOW.minus(Duration.ofHours(2)).toEpochMilli());
    }
}
