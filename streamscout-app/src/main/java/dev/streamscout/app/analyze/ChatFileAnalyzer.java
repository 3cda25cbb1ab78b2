package dev.streamscout.app.analyze;

import dev.streamscout.core.chat.ChatMessage;
import dev.streamscout.core.chatlog.ChatLog;
import dev.streamscout.core.chatlog.ChatLogFormat;
import dev.streamscout.core.chatlog.ChatLogOptions;
import dev.streamscout.core.chatlog.ChatLogReader;
import dev.streamscout.core.detect.ChannelDetector;
import dev.streamscout.core.detect.SpikeDetector;
import dev.streamscout.core.highlight.Moment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.LongConsumer;

/**
 * Runs a detector over one recorded chat file, as if live: messages are put in event-time order with
 * a bounded reorder buffer (the offline twin of the job's bounded out-of-orderness), each channel gets
 * its own {@link ChannelDetector}, and seconds close as event time passes.
 */
public final class ChatFileAnalyzer {

    /** How far out of order a log's messages may be and still be counted. */
    static final long OUT_OF_ORDERNESS_MS = 10_000L;
    /** Quiet chat fed after the last message, so that a burst at the very end is still reported. */
    static final long QUIET_TAIL_MS = 120_000L;

    /** What one file gave. */
    public record Result(String source, ChatLogFormat format, List<DetectionRow> rows, long messages,
            long malformed, long late) {}

    private final SpikeDetector<?> detector;
    private final Long vodStartEpochS;

    /**
     * @param detector       the profile to run
     * @param vodStartEpochS the VOD's start in epoch seconds, or null: offsets are then from the log's own
     *                       zero (offset formats) or from its first message (logs with real times)
     */
    public ChatFileAnalyzer(SpikeDetector<?> detector, Long vodStartEpochS) {
        this.detector = detector;
        this.vodStartEpochS = vodStartEpochS;
    }

    /** The file name without folders and extensions: {@code kimdoe/394844093.txt.gz} gives {@code 394844093}. */
    public static String sourceName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.indexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /**
     * Analyzes one file.
     *
     * @param progress told the number of messages read so far, now and then
     */
    public Result analyze(Path file, LongConsumer progress) throws IOException {
        String source = sourceName(file);
        long vodStartMs = vodStartEpochS == null ? 0 : vodStartEpochS * 1000L;
        Map<String, ChannelDetector<?>> channels = new HashMap<>();
        List<Moment> moments = new ArrayList<>();
        PriorityQueue<ChatMessage> buffer = new PriorityQueue<>(Comparator.comparingLong(ChatMessage::timestamp));
        long late = 0;
        long firstMs = Long.MAX_VALUE;
        long lastMs = Long.MIN_VALUE;
        ChatLogFormat format;
        long messages;
        long malformed;
        try (ChatLog log = ChatLogReader.open(file, new ChatLogOptions(source, vodStartMs))) {
            format = log.format();
            long watermark = Long.MIN_VALUE;
            while (log.hasNext()) {
                ChatMessage message = log.next();
                if (message.timestamp() <= watermark) {
                    late++; // beyond the reorder bound: counted, as the live job does
                    continue;
                }
                buffer.add(message);
                firstMs = Math.min(firstMs, message.timestamp());
                lastMs = Math.max(lastMs, message.timestamp());
                long newWatermark = lastMs - OUT_OF_ORDERNESS_MS;
                if (newWatermark > watermark) {
                    watermark = newWatermark;
                    drain(buffer, watermark, channels, moments);
                }
                if ((log.messagesRead() & 0x3FFF) == 0) {
                    progress.accept(log.messagesRead());
                }
            }
            drain(buffer, Long.MAX_VALUE, channels, moments);
            for (ChannelDetector<?> channel : channels.values()) {
                channel.finish(QUIET_TAIL_MS, moments::add);
                late += channel.lateMessages();
            }
            messages = log.messagesRead();
            malformed = log.malformed();
            progress.accept(messages);
        }
        long zeroMs = vodStartMs;
        if (vodStartEpochS == null && isRealTime(format) && firstMs != Long.MAX_VALUE) {
            zeroMs = Math.floorDiv(firstMs, 1000L) * 1000L;
        }
        long durationS = lastMs == Long.MIN_VALUE ? 0 : Math.max(0, Math.floorDiv(lastMs - zeroMs, 1000L));
        List<DetectionRow> rows = new ArrayList<>();
        moments.sort(Comparator.comparingLong(Moment::peakMs));
        for (Moment m : moments) {
            rows.add(DetectionRow.of(source, m, zeroMs, durationS));
        }
        return new Result(source, format, rows, messages, malformed, late);
    }

    private static boolean isRealTime(ChatLogFormat format) {
        return format == ChatLogFormat.RECHAT_TEXT || format == ChatLogFormat.CHAT_MESSAGE_JSONL;
    }

    private void drain(PriorityQueue<ChatMessage> buffer, long watermark, Map<String, ChannelDetector<?>> channels,
            List<Moment> moments) {
        while (!buffer.isEmpty() && buffer.peek().timestamp() <= watermark) {
            ChatMessage message = buffer.poll();
            ChannelDetector<?> channel = channels.computeIfAbsent(message.channelId(),
                    id -> new ChannelDetector<>(detector, id, message.channelLogin()));
            channel.advanceTo(message.timestamp() - 1, moments::add);
            channel.accept(message);
        }
    }
}
