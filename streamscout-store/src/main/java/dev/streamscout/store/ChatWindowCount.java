package dev.streamscout.store;

import java.time.Instant;

/**
 * Chat messages of one channel in a time window, summed from {@code chat_summary_minute}.
 *
 * @param messageCount     messages in the minutes that start inside the window
 * @param lastMinuteEndsAt end of the newest minute summarised for the channel (in any window): how fresh
 *                         the count is; null when the channel's chat was never summarised
 */
public record ChatWindowCount(long messageCount, Instant lastMinuteEndsAt) {}
