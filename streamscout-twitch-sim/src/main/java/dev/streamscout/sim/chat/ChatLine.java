package dev.streamscout.sim.chat;

import dev.streamscout.core.chat.ChatEvent;
import dev.streamscout.core.chat.ChatMessage;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One generated line for a channel (a PRIVMSG or a USERNOTICE), ready for the wire in both shapes
 * a connection may need, plus the ground truth in the core model: the chat message (PRIVMSGs,
 * cheers included) and/or the chat event (USERNOTICEs and cheers).
 *
 * <p>The same instance goes to every connection joined to the channel and to re-sends, so
 * {@link #markSent()} lets the server report each line exactly once, when it first reaches a socket.
 */
public final class ChatLine {

    private final String channelLogin;
    private final String tagged;
    private final String plain;
    private final ChatMessage truth;
    private final ChatEvent event;
    private final AtomicBoolean sent = new AtomicBoolean();

    /**
     * @param channelLogin channel the line belongs to
     * @param tagged       the full line with IRCv3 tags (for connections with twitch.tv/tags)
     * @param plain        the same line without tags
     * @param truth        what a correct parser makes of a PRIVMSG; null for a USERNOTICE
     * @param event        the event a USERNOTICE or cheer stands for; null for plain chat
     */
    public ChatLine(String channelLogin, String tagged, String plain, ChatMessage truth, ChatEvent event) {
        this.channelLogin = Objects.requireNonNull(channelLogin, "channelLogin");
        this.tagged = Objects.requireNonNull(tagged, "tagged");
        this.plain = Objects.requireNonNull(plain, "plain");
        if (truth == null && event == null) {
            throw new IllegalArgumentException("a chat line is a message, an event or both");
        }
        this.truth = truth;
        this.event = event;
    }

    public String channelLogin() {
        return channelLogin;
    }

    public String tagged() {
        return tagged;
    }

    public String plain() {
        return plain;
    }

    /** The chat message a PRIVMSG carries, or null for a USERNOTICE. */
    public ChatMessage truth() {
        return truth;
    }

    /** The event of a USERNOTICE or a cheer, or null. */
    public ChatEvent event() {
        return event;
    }

    /** Twitch's message {@code id} tag. */
    public String id() {
        return truth != null ? truth.messageId() : event.eventId();
    }

    /** True exactly once: for the first caller after the line was written to some connection. */
    public boolean markSent() {
        return sent.compareAndSet(false, true);
    }

    public boolean wasSent() {
        return sent.get();
    }

    @Override
    public String toString() {
        return "ChatLine[" + channelLogin + " " + id() + "]";
    }
}
