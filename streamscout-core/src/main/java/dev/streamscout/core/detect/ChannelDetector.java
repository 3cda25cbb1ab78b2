package dev.streamscout.core.detect;

import dev.streamscout.core.chat.ChatMessage;
import dev.streamscout.core.highlight.Moment;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * One channel's detection outside Flink: gathers messages into one-second buckets, closes the
 * seconds in order through {@link MomentExplainer}, feeds them to a {@link SpikeDetector} and turns
 * detections into explained {@link Moment}s. Offline analysis runs one per channel; the Flink operator
 * does the same steps with keyed state and timers.
 *
 * <p>Messages may arrive a little out of order: a second stays open until {@link #advanceTo} passes
 * its end. A message for a second already closed is late: counted and dropped.
 *
 * @param <S> the detector's state type
 */
public final class ChannelDetector<S> {

    private static final long SECOND_MS = 1000L;
    /** Gaps longer than this are not fed second by second; the detector treats skipped seconds as quiet. */
    private static final long MAX_FED_GAP_MS = 600_000L;

    private final SpikeDetector<S> detector;
    private final String channelId;
    private final String channelLogin;
    private final S state;
    private final RecentChat recent = new RecentChat();
    private final TreeMap<Long, SecondBucket> open = new TreeMap<>();
    private long nextSecondMs = Long.MIN_VALUE;
    private long lastEventMs = Long.MIN_VALUE;
    private long lateMessages;
    private long lateCauses;

    public ChannelDetector(SpikeDetector<S> detector, String channelId, String channelLogin) {
        this.detector = Objects.requireNonNull(detector, "detector");
        this.channelId = Objects.requireNonNull(channelId, "channelId");
        this.channelLogin = channelLogin;
        this.state = detector.newState();
    }

    /** Counts a message into its second; commands are ignored. Returns false if it was late. */
    public boolean accept(ChatMessage message) {
        if (message.isCommand()) {
            return true;
        }
        long second = secondOf(message.timestamp());
        if (nextSecondMs != Long.MIN_VALUE && second < nextSecondMs) {
            lateMessages++;
            return false;
        }
        if (nextSecondMs == Long.MIN_VALUE) {
            nextSecondMs = second;
        }
        open.computeIfAbsent(second, SecondBucket::new).add(message);
        lastEventMs = Math.max(lastEventMs, message.timestamp());
        return true;
    }

    /**
     * Notes a structured event (raid, gift bomb, announcement; see {@link CauseTags}) at a time, so that
     * moments around it carry its tag. An event for a second already closed still explains later moments.
     */
    public void noteCause(long atMs, String tag) {
        long second = secondOf(atMs);
        if (nextSecondMs == Long.MIN_VALUE || second >= nextSecondMs) {
            open.computeIfAbsent(second, SecondBucket::new).noteCause(tag);
        } else {
            lateCauses++;
            MomentExplainer.noteCause(recent, second, tag);
        }
    }

    /** Closes every second that ends at or before {@code watermarkMs}, reporting moments. */
    public void advanceTo(long watermarkMs, Consumer<Moment> out) {
        if (nextSecondMs == Long.MIN_VALUE) {
            return;
        }
        while (nextSecondMs + SECOND_MS - 1 <= watermarkMs) {
            SecondBucket bucket = open.remove(nextSecondMs);
            if (bucket == null) {
                long nextBusy = open.isEmpty() ? Long.MAX_VALUE : open.firstKey();
                long gapEnd = Math.min(nextBusy, secondOf(watermarkMs + 1));
                if (gapEnd - nextSecondMs > MAX_FED_GAP_MS) {
                    // Jump: the detector counts the skipped seconds as quiet on the next second it is fed.
                    nextSecondMs = gapEnd - MAX_FED_GAP_MS;
                }
                bucket = new SecondBucket(nextSecondMs);
            }
            ChatSecond second = MomentExplainer.close(recent, bucket);
            Optional<Detection> detection = detector.onSecond(state, second);
            if (detection.isPresent()) {
                Explanation why = MomentExplainer.explain(recent, detection.get());
                out.accept(detection.get().toMoment(channelId, channelLogin, why));
            }
            nextSecondMs += SECOND_MS;
        }
    }

    /** The chat is over: closes the open seconds and enough quiet ones after them to report a held burst. */
    public void finish(long quietTailMs, Consumer<Moment> out) {
        if (lastEventMs != Long.MIN_VALUE) {
            advanceTo(lastEventMs + quietTailMs, out);
        }
    }

    public long lateMessages() {
        return lateMessages;
    }

    public long lateCauses() {
        return lateCauses;
    }

    private static long secondOf(long epochMs) {
        return Math.floorDiv(epochMs, SECOND_MS) * SECOND_MS;
    }
}
