package dev.streamscout.store;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * One row of the {@code moments} table: a detected moment with everything that explains it.
 *
 * <p>The store keeps its own row type rather than the detector's record so that the schema does not
 * move every time the detector learns a new explanation; the job maps detector output onto it.
 * Times are epoch milliseconds.
 *
 * @param id               channel id and peak second, e.g. {@code 1234:1715000000}
 * @param channelId        broadcaster's user id
 * @param channelLogin     broadcaster's login (may be null)
 * @param type             {@link #CHAT_SPIKE} or {@link #VIEWER_DROP}
 * @param startMs          first instant of the moment
 * @param peakMs           its peak
 * @param endMs            its last instant
 * @param intensity        how strong it is (detector units; for a viewer drop, the fraction lost)
 * @param baselineMean     what the detector compared with (messages per second, or viewers before a drop)
 * @param baselineStddev   spread of the baseline; null when there is none (the default profile, viewer drops)
 * @param rate             messages per second at the peak (viewers after a drop)
 * @param messageCount     messages counted at the peak
 * @param uniqueChatters   distinct chatters in the burst
 * @param topTokens        most frequent words, most frequent first
 * @param topEmotes        most frequent emotes, most frequent first
 * @param sampleMessages   up to 5 messages from the peak
 * @param causeTags        structured causes seen around it ({@code raid}, {@code gift_sub_bomb}, ...)
 * @param profile          detector profile that produced it
 * @param streamStartedMs  when the stream went live, null when unknown
 * @param vodOffsetSeconds peak offset into the stream's VOD, null when the start is unknown
 * @param vodUrl           link to the peak in the stream's VOD ({@code https://www.twitch.tv/videos/<id>?t=1h2m3s}),
 *                         null when the archive video or the start is unknown
 * @param detectedMs       when the job reported it (processing time)
 */
public record StoredMoment(
        String id,
        String channelId,
        String channelLogin,
        String type,
        long startMs,
        long peakMs,
        long endMs,
        double intensity,
        double baselineMean,
        Double baselineStddev,
        double rate,
        int messageCount,
        int uniqueChatters,
        List<String> topTokens,
        List<String> topEmotes,
        List<String> sampleMessages,
        List<String> causeTags,
        String profile,
        Long streamStartedMs,
        Long vodOffsetSeconds,
        String vodUrl,
        long detectedMs) implements Serializable {

    public static final String CHAT_SPIKE = "chat_spike";
    public static final String VIEWER_DROP = "viewer_drop";

    public StoredMoment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(type, "type");
        topTokens = topTokens == null ? List.of() : List.copyOf(topTokens);
        topEmotes = topEmotes == null ? List.of() : List.copyOf(topEmotes);
        sampleMessages = sampleMessages == null ? List.of() : List.copyOf(sampleMessages);
        causeTags = causeTags == null ? List.of() : List.copyOf(causeTags);
    }

    /** A moment without a VOD link. */
    public StoredMoment(String id, String channelId, String channelLogin, String type, long startMs, long peakMs,
            long endMs, double intensity, double baselineMean, Double baselineStddev, double rate, int messageCount,
            int uniqueChatters, List<String> topTokens, List<String> topEmotes, List<String> sampleMessages,
            List<String> causeTags, String profile, Long streamStartedMs, Long vodOffsetSeconds, long detectedMs) {
        this(id, channelId, channelLogin, type, startMs, peakMs, endMs, intensity, baselineMean, baselineStddev, rate,
                messageCount, uniqueChatters, topTokens, topEmotes, sampleMessages, causeTags, profile,
                streamStartedMs, vodOffsetSeconds, null, detectedMs);
    }

    /**
     * The same moment once the stream's start is known: fills the start and the VOD offset of the peak
     * (and drops a VOD link, which belongs to a start).
     */
    public StoredMoment withStreamStart(Long startedMs) {
        Long offset = startedMs == null || startedMs > peakMs ? null : (peakMs - startedMs) / 1000L;
        return new StoredMoment(id, channelId, channelLogin, type, startMs, peakMs, endMs, intensity, baselineMean,
                baselineStddev, rate, messageCount, uniqueChatters, topTokens, topEmotes, sampleMessages, causeTags,
                profile, startedMs, offset, null, detectedMs);
    }

    /** The same moment with this link to its peak in the VOD (null for none). */
    public StoredMoment withVodUrl(String url) {
        return new StoredMoment(id, channelId, channelLogin, type, startMs, peakMs, endMs, intensity, baselineMean,
                baselineStddev, rate, messageCount, uniqueChatters, topTokens, topEmotes, sampleMessages, causeTags,
                profile, streamStartedMs, vodOffsetSeconds, url, detectedMs);
    }
}
