package dev.streamscout.twitch.irc;

import dev.streamscout.core.chat.ChatEvent;
import dev.streamscout.core.chat.ChatEventType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One Twitch chat line, interpreted: a record per command, produced by
 * {@link IrcMessageDecoder#decode(IrcMessage)}. Commands Twitch does not document (or that
 * StreamScout has no use for) become {@link Unknown}, so the set is closed and a {@code switch}
 * over it is exhaustive. Channels are logins without {@code #}; ids and timestamps come from tags
 * and are nullable where Twitch may omit them. Every record keeps its {@link #source()} line for
 * tags that are not modelled.
 */
public sealed interface IrcEvent permits Privmsg, IrcEvent.UserNotice, IrcEvent.ClearChat, IrcEvent.ClearMsg,
        IrcEvent.RoomState, IrcEvent.UserState, IrcEvent.GlobalUserState, IrcEvent.Notice, IrcEvent.Ping,
        IrcEvent.Pong, IrcEvent.Reconnect, IrcEvent.Join, IrcEvent.Part, IrcEvent.Names, IrcEvent.EndOfNames,
        IrcEvent.Cap, IrcEvent.Welcome, IrcEvent.Whisper, IrcEvent.Unknown {

    /** The parsed line this event was decoded from. */
    IrcMessage source();

    /**
     * USERNOTICE: a subscription, gift, raid, announcement, bits badge tier or any other
     * {@code msg-id}. The text is the user's message as typed; unlike PRIVMSG a leading
     * {@code \u0001ACTION} is not an action here and is kept, and emote indices refer to it.
     *
     * @param channelLogin  channel without {@code #}
     * @param channelId     {@code room-id}, or null
     * @param msgId         {@code msg-id} ({@code sub}, {@code resub}, {@code raid}, ...)
     * @param messageId     {@code id}, or null
     * @param userId        {@code user-id} of the user who acted, or null
     * @param login         {@code login} tag, or null
     * @param displayName   {@code display-name} (falls back to the login)
     * @param sentAtMs      {@code tmi-sent-ts}, or null when missing or garbled
     * @param systemMessage {@code system-msg}, "" when absent
     * @param text          what the user typed with the event, or null when nothing
     * @param emotes        emote occurrences indexed against {@link #text()}
     * @param params        every {@code msg-param-*} tag with the prefix removed, in tag order
     * @param badges        badge name to version
     * @param color         {@code #RRGGBB}, or null
     */
    record UserNotice(String channelLogin, String channelId, String msgId, String messageId, String userId, String login,
            String displayName, Long sentAtMs, String systemMessage, String text, List<EmoteRange> emotes,
            Map<String, String> params, Map<String, String> badges, String color, IrcMessage source) implements IrcEvent {

        public UserNotice {
            emotes = emotes == null ? List.of() : List.copyOf(emotes);
            params = params == null ? Map.of() : TwitchTags.copyOrdered(params);
            badges = badges == null ? Map.of() : TwitchTags.copyOrdered(badges);
            systemMessage = systemMessage == null ? "" : systemMessage;
        }

        public ChatEventType type() {
            return ChatEventType.fromMsgId(msgId);
        }

        /** {@code badge-info} as badge name to detail (for {@code subscriber}: the exact months subscribed). */
        public Map<String, String> badgeInfo() {
            return TwitchTags.badges(source.tag("badge-info"));
        }

        /** A {@code msg-param-} value by its name without the prefix ({@code viewerCount}), or null. */
        public String param(String name) {
            return params.get(name);
        }

        /** A numeric {@code msg-param-} value, or null when absent or not a non-negative number. */
        public Long numberParam(String name) {
            return TwitchTags.parseUnsigned(params.get(name));
        }

        /** Why this notice cannot become a {@link ChatEvent}, if it cannot. */
        public Optional<String> problem() {
            if (channelId == null || channelId.isBlank()) {
                return Optional.of("missing room-id");
            }
            if (sentAtMs == null) {
                return Optional.of("missing or garbled tmi-sent-ts");
            }
            return Optional.empty();
        }

        /**
         * The notice as a {@link ChatEvent}. {@code amount} is the number that matters for the type:
         * cumulative months for sub/resub, 1 for one gifted sub, the mass gift count, raid viewers,
         * the bits badge threshold, else 0. The {@code msg-param-*} tag used for it is left out of
         * the attributes; every other one is kept.
         *
         * @throws IllegalStateException when {@link #problem()} is present
         */
        public ChatEvent toChatEvent() {
            problem().ifPresent(p -> {
                throw new IllegalStateException("USERNOTICE cannot become a ChatEvent: " + p);
            });
            Map<String, String> attributes = new LinkedHashMap<>(params);
            long amount = switch (type()) {
                case SUB, RESUB -> amountFrom(attributes, "cumulative-months", "months");
                case SUBGIFT -> 1;
                case SUBMYSTERYGIFT -> amountFrom(attributes, "mass-gift-count");
                case RAID -> amountFrom(attributes, "viewerCount");
                case BITSBADGETIER -> amountFrom(attributes, "threshold");
                default -> 0;
            };
            return new ChatEvent(type(), msgId, messageId, channelId, channelLogin, userId, login, displayName, sentAtMs,
                    amount, systemMessage, text, attributes);
        }

        /** The first of the params that is a number, removed from the attributes; 0 when none is. */
        private static long amountFrom(Map<String, String> attributes, String... names) {
            for (String name : names) {
                Long value = TwitchTags.parseUnsigned(attributes.get(name));
                if (value != null) {
                    attributes.remove(name);
                    return value;
                }
            }
            return 0;
        }
    }

    /**
     * CLEARCHAT: the whole chat cleared, or one user's messages removed by a ban or a timeout.
     *
     * @param targetLogin        the banned or timed-out user, or null when the chat was cleared
     * @param targetUserId       {@code target-user-id}, or null
     * @param banDurationSeconds {@code ban-duration} for a timeout; null for a ban or a clear
     */
    record ClearChat(String channelLogin, String channelId, String targetLogin, String targetUserId,
            Integer banDurationSeconds, Long sentAtMs, IrcMessage source) implements IrcEvent {

        public enum Kind { CHAT_CLEARED, USER_BANNED, USER_TIMED_OUT }

        public Kind kind() {
            if (targetLogin == null) {
                return Kind.CHAT_CLEARED;
            }
            return banDurationSeconds == null ? Kind.USER_BANNED : Kind.USER_TIMED_OUT;
        }
    }

    /**
     * CLEARMSG: one message deleted.
     *
     * @param channelId       {@code room-id}, or null (Twitch often sends it empty)
     * @param login           author of the deleted message ({@code login} tag), or null
     * @param targetMessageId {@code target-msg-id}
     * @param text            the deleted text, ACTION frame removed
     * @param action          whether the deleted message was a {@code /me}
     */
    record ClearMsg(String channelLogin, String channelId, String login, String targetMessageId, String text,
            boolean action, Long sentAtMs, IrcMessage source) implements IrcEvent {}

    /**
     * ROOMSTATE: the channel's chat settings. A null field was not in this line (Twitch sends only
     * the changed setting after the first, full ROOMSTATE that confirms a JOIN).
     *
     * @param followersOnlyMinutes -1 when off, 0 or more minutes of following when on
     */
    record RoomState(String channelLogin, String channelId, Boolean emoteOnly, Integer followersOnlyMinutes, Boolean r9k,
            Integer slowSeconds, Boolean subsOnly, IrcMessage source) implements IrcEvent {

        /** Whether this is a full state (all five settings present), as sent when a JOIN succeeds. */
        public boolean complete() {
            return emoteOnly != null && followersOnlyMinutes != null && r9k != null && slowSeconds != null && subsOnly != null;
        }
    }

    /** USERSTATE: our own state in a channel, sent after a JOIN and after each message we send. */
    record UserState(String channelLogin, String displayName, String color, List<String> emoteSets,
            Map<String, String> badges, Map<String, String> badgeInfo, boolean moderator, boolean subscriber,
            String userType, IrcMessage source) implements IrcEvent {

        public UserState {
            emoteSets = emoteSets == null ? List.of() : List.copyOf(emoteSets);
            badges = badges == null ? Map.of() : TwitchTags.copyOrdered(badges);
            badgeInfo = badgeInfo == null ? Map.of() : TwitchTags.copyOrdered(badgeInfo);
        }
    }

    /** GLOBALUSERSTATE: who we are logged in as; the last line of a successful login. */
    record GlobalUserState(String userId, String displayName, String color, List<String> emoteSets,
            Map<String, String> badges, Map<String, String> badgeInfo, String userType, IrcMessage source)
            implements IrcEvent {

        public GlobalUserState {
            emoteSets = emoteSets == null ? List.of() : List.copyOf(emoteSets);
            badges = badges == null ? Map.of() : TwitchTags.copyOrdered(badges);
            badgeInfo = badgeInfo == null ? Map.of() : TwitchTags.copyOrdered(badgeInfo);
        }
    }

    /**
     * NOTICE: a server message about a channel, or (target {@code *}, channel null) about the
     * connection itself, such as a failed login.
     *
     * @param msgId        {@code msg-id} ({@code msg_channel_suspended}, ...), or null
     * @param targetUserId {@code target-user-id}, or null
     */
    record Notice(String channelLogin, String msgId, String text, String targetUserId, IrcMessage source)
            implements IrcEvent {

        /** A login rejected by the server (bad or expired token, or malformed PASS). */
        public boolean isLoginFailure() {
            return channelLogin == null && text != null && (text.contains("Login authentication failed")
                    || text.contains("Improperly formatted auth") || text.contains("Invalid NICK"));
        }
    }

    /** PING from the server; answer with {@link #reply()}. */
    record Ping(List<String> params, IrcMessage source) implements IrcEvent {

        public Ping {
            params = List.copyOf(params);
        }

        /** The PONG line echoing the PING's parameters. */
        public String reply() {
            return IrcMessage.of("PONG", params.toArray(String[]::new)).toLine();
        }
    }

    /** PONG, the answer to our own PING. */
    record Pong(List<String> params, IrcMessage source) implements IrcEvent {

        public Pong {
            params = List.copyOf(params);
        }
    }

    /** RECONNECT: the server goes down for maintenance soon; move to a new connection. */
    record Reconnect(IrcMessage source) implements IrcEvent {}

    /** JOIN echo: {@code login} joined the channel (ourselves, or others with the membership capability). */
    record Join(String channelLogin, String login, IrcMessage source) implements IrcEvent {}

    /** PART echo. */
    record Part(String channelLogin, String login, IrcMessage source) implements IrcEvent {}

    /** 353 RPL_NAMREPLY: logins present in a channel (Twitch lists only a few, or just ourselves). */
    record Names(String channelLogin, List<String> logins, IrcMessage source) implements IrcEvent {

        public Names {
            logins = List.copyOf(logins);
        }
    }

    /** 366 RPL_ENDOFNAMES. */
    record EndOfNames(String channelLogin, IrcMessage source) implements IrcEvent {}

    /**
     * CAP reply.
     *
     * @param subCommand   {@code ACK}, {@code NAK}, {@code LS}, ...
     * @param capabilities the capabilities listed
     */
    record Cap(String subCommand, List<String> capabilities, IrcMessage source) implements IrcEvent {

        public Cap {
            capabilities = List.copyOf(capabilities);
        }
    }

    /** 001 RPL_WELCOME: the login was accepted; {@code nick} is the name we are known by. */
    record Welcome(String nick, String text, IrcMessage source) implements IrcEvent {}

    /** WHISPER: a private message to the logged-in user. */
    record Whisper(String recipientLogin, String userId, String login, String displayName, String text,
            List<EmoteRange> emotes, String color, Map<String, String> badges, IrcMessage source) implements IrcEvent {

        public Whisper {
            emotes = emotes == null ? List.of() : List.copyOf(emotes);
            badges = badges == null ? Map.of() : TwitchTags.copyOrdered(badges);
        }
    }

    /**
     * Any other command (other numerics such as 002-004, 372, 375, 376, or commands Twitch may add):
     * valid IRC that StreamScout does not interpret.
     */
    record Unknown(IrcMessage source) implements IrcEvent {

        public String command() {
            return source.command();
        }
    }
}
