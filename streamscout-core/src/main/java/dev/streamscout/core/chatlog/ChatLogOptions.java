package dev.streamscout.core.chatlog;

import java.util.Objects;

/**
 * How to turn a chat log into chat messages.
 *
 * @param channel   channel id and login to put on messages whose format does not name the channel
 * @param vodStartMs epoch milliseconds of the VOD start: offset formats become {@code vodStartMs + offset};
 *                   0 keeps plain offsets (timestamps then read as "milliseconds since the VOD start")
 */
public record ChatLogOptions(String channel, long vodStartMs) {

    public ChatLogOptions {
        Objects.requireNonNull(channel, "channel");
    }
}
