package dev.streamscout.core.detect;

/**
 * One closed second of one channel's chat, as a detector sees it: the message count and the few
 * signals the default profile weighs. Commands ({@code !foo}) are not counted.
 *
 * @param startMs          the second's start, epoch milliseconds, a multiple of 1000
 * @param messages         chat messages in the second
 * @param uniqueChatters   distinct chatters who wrote in the second (0 when the source has no usernames;
 *                         detectors then fall back to {@code messages})
 * @param emoteMessages    messages that contain at least one emote
 * @param loudMessages     messages that shout: mostly capitals, or one token or character repeated
 *                         ("LUL LUL LUL", "ㅋㅋㅋㅋㅋ", "777777")
 * @param windowChatters   distinct chatters over the last {@link MomentExplainer#CHATTER_WINDOW_SECONDS}
 *                         seconds, this one included (0 when the source has no usernames)
 */
public record ChatSecond(long startMs, int messages, int uniqueChatters, int emoteMessages, int loudMessages,
        int windowChatters) {

    public ChatSecond {
        if (messages < 0 || uniqueChatters < 0 || emoteMessages < 0 || loudMessages < 0 || windowChatters < 0) {
            throw new IllegalArgumentException("negative count in second " + startMs);
        }
    }

    /** A second known only by its message count (what the seed profile needs). */
    public static ChatSecond ofCount(long startMs, int messages) {
        if (messages < 0) {
            throw new IllegalArgumentException("negative count " + messages + " at " + startMs);
        }
        return new ChatSecond(startMs, messages, messages, 0, 0, 0);
    }

    /** A second in which nobody wrote. */
    public static ChatSecond quiet(long startMs) {
        return new ChatSecond(startMs, 0, 0, 0, 0, 0);
    }
}
