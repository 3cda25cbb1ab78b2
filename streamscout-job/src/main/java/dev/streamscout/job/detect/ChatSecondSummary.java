package dev.streamscout.job.detect;

import dev.streamscout.core.chat.ChatMessage;
import dev.streamscout.core.detect.SecondBucket;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * Part of one channel's second of chat, gathered before {@code keyBy} by {@link SecondPreAggregator}:
 * the shuffle and the detector's keyed state see one of these per channel and second instead of one
 * record per message.
 *
 * <p>Usually one per channel and second; a second whose chat straggles past a flush comes in more
 * parts, which the detector merges ({@link SecondBucket#merge}). Serialized by
 * {@link ChatSecondSummarySerializer} (a compact binary form), not as a POJO.
 */
@TypeInfo(ChatSecondSummaryTypeInfo.Factory.class)
public class ChatSecondSummary {

    public String channelId;
    /** Channel login from the latest message that carried one (may be null). */
    public String channelLogin;
    /** Latest event time among the messages summarised; its second is the bucket's second. */
    public long maxEventMs;
    public SecondBucket bucket;
    /**
     * The message itself when this summary is a single message that arrived after the watermark had
     * passed its second: the detector puts it on its late-message output if the second is closed.
     */
    public ChatMessage lateCandidate;

    public ChatSecondSummary() {}

    ChatSecondSummary(String channelId, long secondMs) {
        this.channelId = channelId;
        this.bucket = new SecondBucket(secondMs);
        this.maxEventMs = secondMs;
    }

    /** Adds one (non-command) message of this channel and second. */
    void add(ChatMessage message) {
        bucket.add(message);
        maxEventMs = Math.max(maxEventMs, message.timestamp());
        if (message.channelLogin() != null) {
            channelLogin = message.channelLogin();
        }
    }

    public String channelId() {
        return channelId;
    }
}
