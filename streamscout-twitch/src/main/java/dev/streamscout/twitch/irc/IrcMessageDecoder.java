package dev.streamscout.twitch.irc;

import java.util.ArrayList;
import java.util.List;

/**
 * Interprets a parsed line as the Twitch command it is ({@link IrcEvent}), with the choices of
 * PROTOCOL.md: channels without {@code #}, ids from tags, {@code tmi-sent-ts} as event time, a
 * PRIVMSG {@code \u0001ACTION} frame stripped (but not a USERNOTICE one), emote ranges in code
 * points.
 *
 * <p>A known command whose shape is wrong (a PRIVMSG without a channel and a text, a CLEARMSG
 * without {@code target-msg-id}, a channel NOTICE without {@code msg-id}, ...) is rejected with
 * {@link IrcParseException}, the same single exception the parser throws, so callers handle one
 * failure for "this line is unusable". Unknown commands are not errors: they become
 * {@link IrcEvent.Unknown}. Missing optional tags never reject a line; they become nulls.
 */
public final class IrcMessageDecoder {

    private IrcMessageDecoder() {}

    /** Parses and decodes one raw line (without CRLF). */
    public static IrcEvent decodeLine(String line) {
        return decode(IrcLineParser.parse(line));
    }

    /**
     * @throws IrcParseException when the command is known but the line does not have its shape
     */
    public static IrcEvent decode(IrcMessage m) {
        if (m == null) {
            throw new IrcParseException("null message", null);
        }
        return switch (m.command()) {
            case "PRIVMSG" -> privmsg(m);
            case "USERNOTICE" -> userNotice(m);
            case "CLEARCHAT" -> clearChat(m);
            case "CLEARMSG" -> clearMsg(m);
            case "ROOMSTATE" -> roomState(m);
            case "USERSTATE" -> userState(m);
            case "GLOBALUSERSTATE" -> globalUserState(m);
            case "NOTICE" -> notice(m);
            case "PING" -> new IrcEvent.Ping(m.params(), m);
            case "PONG" -> new IrcEvent.Pong(m.params(), m);
            case "RECONNECT" -> new IrcEvent.Reconnect(m);
            case "JOIN" -> new IrcEvent.Join(channel(m, 0, "JOIN"), sender(m, "JOIN"), m);
            case "PART" -> new IrcEvent.Part(channel(m, 0, "PART"), sender(m, "PART"), m);
            case "353" -> names(m);
            case "366" -> new IrcEvent.EndOfNames(channel(m, 1, "366"), m);
            case "CAP" -> cap(m);
            case "001" -> welcome(m);
            case "WHISPER" -> whisper(m);
            default -> new IrcEvent.Unknown(m);
        };
    }

    private static Privmsg privmsg(IrcMessage m) {
        if (m.params().size() != 2) {
            throw reject("PRIVMSG without a channel and a text", m);
        }
        String channel = channel(m, 0, "PRIVMSG");
        String raw = m.params().get(1);
        boolean action = PrivmsgMapper.isAction(raw);
        String text = action ? PrivmsgMapper.stripAction(raw) : raw;
        String login = senderLogin(m);
        Long bits = TwitchTags.parseUnsigned(m.tag("bits"));
        return new Privmsg(channel, TwitchTags.emptyToNull(m.tag("room-id")), TwitchTags.emptyToNull(m.tag("user-id")),
                login, displayName(m, login), text, action, Emotes.parse(m.tag("emotes"), text),
                TwitchTags.parseUnsigned(m.tag("tmi-sent-ts")), TwitchTags.emptyToNull(m.tag("id")),
                bits == null ? 0 : bits, TwitchTags.badges(m.tag("badges")), TwitchTags.emptyToNull(m.tag("color")), m);
    }

    private static IrcEvent.UserNotice userNotice(IrcMessage m) {
        if (m.params().isEmpty() || m.params().size() > 2) {
            throw reject("USERNOTICE without a channel", m);
        }
        String channel = channel(m, 0, "USERNOTICE");
        String msgId = TwitchTags.emptyToNull(m.tag("msg-id"));
        if (msgId == null) {
            throw reject("USERNOTICE without msg-id", m);
        }
        String text = m.params().size() == 2 ? m.params().get(1) : null;
        String login = TwitchTags.emptyToNull(m.tag("login"));
        return new IrcEvent.UserNotice(channel, TwitchTags.emptyToNull(m.tag("room-id")), msgId,
                TwitchTags.emptyToNull(m.tag("id")), TwitchTags.emptyToNull(m.tag("user-id")), login,
                displayName(m, login), TwitchTags.parseUnsigned(m.tag("tmi-sent-ts")), m.tag("system-msg"), text,
                text == null ? List.of() : Emotes.parse(m.tag("emotes"), text), TwitchTags.msgParams(m.tags()),
                TwitchTags.badges(m.tag("badges")), TwitchTags.emptyToNull(m.tag("color")), m);
    }

    private static IrcEvent.ClearChat clearChat(IrcMessage m) {
        if (m.params().isEmpty() || m.params().size() > 2) {
            throw reject("CLEARCHAT without a channel", m);
        }
        String channel = channel(m, 0, "CLEARCHAT");
        String target = m.params().size() == 2 ? TwitchTags.emptyToNull(m.params().get(1)) : null;
        return new IrcEvent.ClearChat(channel, TwitchTags.emptyToNull(m.tag("room-id")), target,
                TwitchTags.emptyToNull(m.tag("target-user-id")),
                target == null ? null : TwitchTags.parseInt(m.tag("ban-duration")),
                TwitchTags.parseUnsigned(m.tag("tmi-sent-ts")), m);
    }

    private static IrcEvent.ClearMsg clearMsg(IrcMessage m) {
        if (m.params().size() != 2) {
            throw reject("CLEARMSG without a channel and a text", m);
        }
        String channel = channel(m, 0, "CLEARMSG");
        String target = TwitchTags.emptyToNull(m.tag("target-msg-id"));
        if (target == null) {
            throw reject("CLEARMSG without target-msg-id", m);
        }
        String raw = m.params().get(1);
        boolean action = PrivmsgMapper.isAction(raw);
        return new IrcEvent.ClearMsg(channel, TwitchTags.emptyToNull(m.tag("room-id")),
                TwitchTags.emptyToNull(m.tag("login")), target, action ? PrivmsgMapper.stripAction(raw) : raw, action,
                TwitchTags.parseUnsigned(m.tag("tmi-sent-ts")), m);
    }

    private static IrcEvent.RoomState roomState(IrcMessage m) {
        String channel = channel(m, 0, "ROOMSTATE");
        return new IrcEvent.RoomState(channel, TwitchTags.emptyToNull(m.tag("room-id")),
                TwitchTags.parseFlag(m.tag("emote-only")), TwitchTags.parseInt(m.tag("followers-only")),
                TwitchTags.parseFlag(m.tag("r9k")), TwitchTags.parseInt(m.tag("slow")),
                TwitchTags.parseFlag(m.tag("subs-only")), m);
    }

    private static IrcEvent.UserState userState(IrcMessage m) {
        String channel = channel(m, 0, "USERSTATE");
        return new IrcEvent.UserState(channel, TwitchTags.emptyToNull(m.tag("display-name")),
                TwitchTags.emptyToNull(m.tag("color")), TwitchTags.commaList(m.tag("emote-sets")),
                TwitchTags.badges(m.tag("badges")), TwitchTags.badges(m.tag("badge-info")), "1".equals(m.tag("mod")),
                "1".equals(m.tag("subscriber")), TwitchTags.emptyToNull(m.tag("user-type")), m);
    }

    private static IrcEvent.GlobalUserState globalUserState(IrcMessage m) {
        return new IrcEvent.GlobalUserState(TwitchTags.emptyToNull(m.tag("user-id")),
                TwitchTags.emptyToNull(m.tag("display-name")), TwitchTags.emptyToNull(m.tag("color")),
                TwitchTags.commaList(m.tag("emote-sets")), TwitchTags.badges(m.tag("badges")),
                TwitchTags.badges(m.tag("badge-info")), TwitchTags.emptyToNull(m.tag("user-type")), m);
    }

    /**
     * A channel NOTICE always carries a {@code msg-id} when the tags capability is on (we always
     * request it); one without is not something Twitch sends, so it is rejected rather than guessed
     * at (tmi.js refuses it too). Connection-level notices ({@code *}) have none and are kept.
     */
    private static IrcEvent.Notice notice(IrcMessage m) {
        if (m.params().size() != 2) {
            throw reject("NOTICE without a target and a text", m);
        }
        String target = m.params().get(0);
        String channel = m.channel();
        String msgId = TwitchTags.emptyToNull(m.tag("msg-id"));
        if (channel == null && target.startsWith("#")) {
            throw reject("NOTICE to an empty channel", m);
        }
        if (channel != null && msgId == null) {
            throw reject("channel NOTICE without msg-id", m);
        }
        return new IrcEvent.Notice(channel, msgId, m.params().get(1), TwitchTags.emptyToNull(m.tag("target-user-id")), m);
    }

    /** {@code :nick.tmi.twitch.tv 353 nick = #channel :login login ...}. */
    private static IrcEvent.Names names(IrcMessage m) {
        if (m.params().size() != 4) {
            throw reject("353 without nick, type, channel and names", m);
        }
        String channel = channel(m, 2, "353");
        List<String> logins = new ArrayList<>();
        for (String login : m.params().get(3).split(" ")) {
            if (!login.isEmpty()) {
                logins.add(login);
            }
        }
        return new IrcEvent.Names(channel, logins, m);
    }

    /** {@code :tmi.twitch.tv CAP * ACK :twitch.tv/tags twitch.tv/commands}. */
    private static IrcEvent.Cap cap(IrcMessage m) {
        if (m.params().size() < 2) {
            throw reject("CAP without a subcommand", m);
        }
        List<String> caps = new ArrayList<>();
        if (m.params().size() >= 3) {
            for (String cap : m.trailing().split(" ")) {
                if (!cap.isEmpty()) {
                    caps.add(cap);
                }
            }
        }
        return new IrcEvent.Cap(m.params().get(1), caps, m);
    }

    private static IrcEvent.Welcome welcome(IrcMessage m) {
        if (m.params().isEmpty()) {
            throw reject("001 without a nick", m);
        }
        return new IrcEvent.Welcome(m.params().get(0), m.params().size() > 1 ? m.trailing() : "", m);
    }

    private static IrcEvent.Whisper whisper(IrcMessage m) {
        if (m.params().size() != 2) {
            throw reject("WHISPER without a recipient and a text", m);
        }
        String login = senderLogin(m);
        String text = m.params().get(1);
        return new IrcEvent.Whisper(m.params().get(0), TwitchTags.emptyToNull(m.tag("user-id")), login,
                displayName(m, login), text, Emotes.parse(m.tag("emotes"), text), TwitchTags.emptyToNull(m.tag("color")),
                TwitchTags.badges(m.tag("badges")), m);
    }

    // ---- shared pieces -------------------------------------------------------------------------

    /** The parameter at {@code index} as a channel login without {@code #}; rejects anything else. */
    private static String channel(IrcMessage m, int index, String command) {
        if (m.params().size() <= index) {
            throw reject(command + " without a channel", m);
        }
        String param = m.params().get(index);
        if (param.length() < 2 || param.charAt(0) != '#') {
            throw reject(command + " target is not a channel", m);
        }
        return param.substring(1);
    }

    private static String sender(IrcMessage m, String command) {
        String nick = m.nick();
        if (nick == null || nick.isEmpty()) {
            throw reject(command + " without a sender", m);
        }
        return nick;
    }

    /** Sender login from {@code nick!user@host}, else the {@code login} tag, else null. */
    private static String senderLogin(IrcMessage m) {
        String login = m.nick();
        return login == null || login.isEmpty() ? TwitchTags.emptyToNull(m.tag("login")) : login;
    }

    private static String displayName(IrcMessage m, String login) {
        String displayName = TwitchTags.emptyToNull(m.tag("display-name"));
        return displayName == null ? login : displayName;
    }

    private static IrcParseException reject(String reason, IrcMessage m) {
        return new IrcParseException(reason, m.toLine());
    }
}
