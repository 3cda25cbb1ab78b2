package dev.streamscout.twitch.irc;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * What the pool does about Twitch's NOTICEs, counted by {@code msg-id}: a rejected login stops the
 * pool, {@code msg_channel_suspended} drops the channel for good,
 * {@code msg_concurrent_channel_limit_reached} stops joining new channels on the account, and
 * bans or blocks are logged. Called on the reader threads; takes the pool's lock for what it changes.
 */
final class NoticeReactions {

    /** Logged under the pool's name, which is what operators filter on. */
    private static final Logger LOG = LoggerFactory.getLogger(IrcConnectionPool.class);

    private final Object poolLock;
    private final ChannelSlots channels;
    private final JoinScheduler joins;
    private final String nick;
    private final Consumer<String> loginRejected;
    private final Map<String, LongAdder> notices = new ConcurrentHashMap<>();

    /** @param loginRejected stops the pool, given Twitch's text; called without the lock */
    NoticeReactions(Object poolLock, ChannelSlots channels, JoinScheduler joins, String nick,
            Consumer<String> loginRejected) {
        this.poolLock = poolLock;
        this.channels = channels;
        this.joins = joins;
        this.nick = nick;
        this.loginRejected = loginRejected;
    }

    void on(IrcConnection c, IrcEvent.Notice notice) {
        String msgId = notice.msgId() == null ? "none" : notice.msgId();
        notices.computeIfAbsent(msgId, k -> new LongAdder()).increment();
        if (notice.isLoginFailure()) {
            // Twitch answers a bad login before 001; the same words on a logged-in connection are not about us.
            if (!c.registered()) {
                loginRejected.accept(notice.text());
            } else {
                LOG.warn("Chat {}: ignoring a login-failure NOTICE on a logged-in connection: {}", c,
                        IrcParseException.truncate(notice.text()));
            }
            return;
        }
        String channel = notice.channelLogin();
        if (channel == null) {
            return;
        }
        if (msgId.startsWith("msg_channel_suspended")) {
            synchronized (poolLock) {
                channels.suspend(channel);
            }
            try (MDC.MDCCloseable tag = MDC.putCloseable("channel", channel)) {
                LOG.warn("Twitch reports #{} suspended ({}): \"{}\"; not joining it again", channel, msgId, notice.text());
            }
        } else if (msgId.equals("msg_concurrent_channel_limit_reached")) {
            boolean first;
            synchronized (poolLock) {
                first = joins.limitReached(c, channel, channels.isWanted(channel));
            }
            if (first) {
                MDC.put("channel", channel);
                LOG.error("Twitch refused to join #{}: account {} is at its limit of concurrently joined channels "
                        + "(msg_concurrent_channel_limit_reached). No further channels will be joined on this account; "
                        + "the {} channel(s) already joined stay. Read chat anonymously (no twitch.irc.login) or "
                        + "monitor fewer channels.", channel, nick, joins.everConfirmedCount());
                MDC.remove("channel");
            }
        } else if (msgId.equals("msg_banned") || msgId.startsWith("msg_channel_blocked")) {
            try (MDC.MDCCloseable tag = MDC.putCloseable("channel", channel)) {
                LOG.warn("Twitch NOTICE for #{} ({}): {}", channel, msgId, notice.text());
            }
        }
    }

    /** NOTICE lines seen, by {@code msg-id} ({@code none} when absent). */
    Map<String, Long> counts() {
        Map<String, Long> counts = new TreeMap<>();
        notices.forEach((k, v) -> counts.put(k, v.sum()));
        return counts;
    }
}
